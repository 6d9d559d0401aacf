// OPPO push (OPUSH / HeyTap; OnePlus and realme ColorOS phones too): a small client on fetch and crypto.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import {
  oppoCertificateSchema,
  oppoSettingsSchema,
  OPPO_DEFAULTS,
  resolveOppoCertificate,
  resolveOppoSettings,
  type OppoCertificateConfig,
  type OppoSettings,
} from './config.js';
import { inspectOppo } from './credential.js';
import { OPPO_REASONS } from './reasons.js';
import { oppoLiveCheck, oppoTester } from './test-push.js';
import { oppoTokenShape } from './token-shape.js';
import { maskKey } from '../vendor/result.js';

export const oppo: PushProvider<
  'oppo',
  OppoCertificateConfig,
  OppoSettings,
  OppoCertificateConfig,
  z.infer<typeof oppoCertificateSchema>,
  z.infer<typeof oppoSettingsSchema>
> = {
  id: 'oppo',
  certificateSchema: oppoCertificateSchema,
  settingsSchema: oppoSettingsSchema,
  defaults: OPPO_DEFAULTS,
  reasons: OPPO_REASONS,
  sweepMode: 'credential_and_token',
  resolveCertificate: resolveOppoCertificate,
  resolveSettings: resolveOppoSettings,
  describeCertificate(c) {
    return say((t) => t.providers.oppo.describe(maskKey(c.appKey)));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform };
  },
  tokenShape: oppoTokenShape,
  // The token's own problems (an overseas region prefix) come from tokenShape; nothing else to say per device.
  reportWarnings() {
    return [];
  },
  inspect: (cert) => inspectOppo(cert),
  liveCheck: oppoLiveCheck,
  async createSender(settings) {
    const { OppoClient } = await import('./client.js');
    return oppoTester(new OppoClient(settings));
  },
};
