// vivo push (Funtouch OS / OriginOS phones): a small client on fetch and crypto.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import {
  vivoCertificateSchema,
  vivoSettingsSchema,
  VIVO_DEFAULTS,
  resolveVivoCertificate,
  resolveVivoSettings,
  type VivoCertificateConfig,
  type VivoSettings,
} from './config.js';
import { inspectVivo } from './credential.js';
import { VIVO_REASONS } from './reasons.js';
import { vivoLiveCheck, vivoTester } from './test-push.js';
import { vivoTokenShape } from './token-shape.js';

export const vivo: PushProvider<
  'vivo',
  VivoCertificateConfig,
  VivoSettings,
  VivoCertificateConfig,
  z.infer<typeof vivoCertificateSchema>,
  z.infer<typeof vivoSettingsSchema>
> = {
  id: 'vivo',
  certificateSchema: vivoCertificateSchema,
  settingsSchema: vivoSettingsSchema,
  defaults: VIVO_DEFAULTS,
  reasons: VIVO_REASONS,
  sweepMode: 'credential_and_token',
  resolveCertificate: resolveVivoCertificate,
  resolveSettings: resolveVivoSettings,
  describeCertificate(c) {
    return say((t) => t.providers.vivo.describe(c.appId, c.pushMode === 1));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform };
  },
  tokenShape: vivoTokenShape,
  reportWarnings(cert) {
    return cert.pushMode === 1 ? [say((t) => t.providers.vivo.testModeUpload(cert.id))] : [];
  },
  inspect: (cert) => inspectVivo(cert),
  liveCheck: vivoLiveCheck,
  async createSender(settings) {
    const { VivoClient } = await import('./client.js');
    return vivoTester(new VivoClient(settings));
  },
};
