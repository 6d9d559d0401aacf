// Honor Push (MagicOS): OAuth client credentials (Client ID / Client Secret) and the v1 sendMessage API.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import type { VendorLoaded } from '../vendor/result.js';
import {
  HONOR_DEFAULTS,
  honorCertificateSchema,
  honorSettingsSchema,
  resolveHonorCertificate,
  resolveHonorSettings,
  type HonorCertificateConfig,
  type HonorSettings,
} from './config.js';
import { inspectHonor } from './credential.js';
import { HONOR_REASONS } from './reasons.js';
import { honorTokenShape } from './token-shape.js';

export const honor: PushProvider<
  'honor',
  HonorCertificateConfig,
  HonorSettings,
  VendorLoaded,
  z.infer<typeof honorCertificateSchema>,
  z.infer<typeof honorSettingsSchema>
> = {
  id: 'honor',
  certificateSchema: honorCertificateSchema,
  settingsSchema: honorSettingsSchema,
  defaults: HONOR_DEFAULTS,
  sweepMode: 'credential_and_token',
  reasons: HONOR_REASONS,
  resolveCertificate: resolveHonorCertificate,
  resolveSettings: resolveHonorSettings,
  describeCertificate(c) {
    return say((t) => t.providers.honor.describe(c.appId, c.importance));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform };
  },
  tokenShape: honorTokenShape,
  reportWarnings() {
    return [];
  },
  inspect: (cert) => inspectHonor(cert),
  async createSender(settings) {
    const { HonorClient, honorTester } = await import('./sender.js');
    return honorTester(new HonorClient(settings));
  },
};
