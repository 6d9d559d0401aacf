// Meizu push (Flyme): per-request signatures, a small client on fetch and crypto.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import {
  meizuCertificateSchema,
  meizuSettingsSchema,
  MEIZU_DEFAULTS,
  resolveMeizuCertificate,
  resolveMeizuSettings,
  type MeizuCertificateConfig,
  type MeizuSettings,
} from './config.js';
import { inspectMeizu } from './credential.js';
import { MEIZU_REASONS } from './reasons.js';
import { meizuLiveCheck, meizuTester } from './test-push.js';
import { meizuTokenShape } from './token-shape.js';

export const meizu: PushProvider<
  'meizu',
  MeizuCertificateConfig,
  MeizuSettings,
  MeizuCertificateConfig,
  z.infer<typeof meizuCertificateSchema>,
  z.infer<typeof meizuSettingsSchema>
> = {
  id: 'meizu',
  certificateSchema: meizuCertificateSchema,
  settingsSchema: meizuSettingsSchema,
  defaults: MEIZU_DEFAULTS,
  reasons: MEIZU_REASONS,
  sweepMode: 'credential_and_token',
  resolveCertificate: resolveMeizuCertificate,
  resolveSettings: resolveMeizuSettings,
  describeCertificate(c) {
    return say((t) => t.providers.meizu.describe(c.appId));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform };
  },
  tokenShape: meizuTokenShape,
  reportWarnings() {
    return [];
  },
  inspect: (cert) => inspectMeizu(cert),
  liveCheck: meizuLiveCheck,
  async createSender(settings) {
    const { MeizuClient } = await import('./client.js');
    return meizuTester(new MeizuClient(settings));
  },
};
