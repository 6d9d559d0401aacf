// Xiaomi Mi Push (MIUI / HyperOS): the static `Authorization: key=<AppSecret>` and the /v3/message/regid API.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import type { VendorLoaded } from '../vendor/result.js';
import {
  resolveXiaomiCertificate,
  resolveXiaomiSettings,
  XIAOMI_DEFAULTS,
  xiaomiCertificateSchema,
  xiaomiSettingsSchema,
  type XiaomiCertificateConfig,
  type XiaomiSettings,
} from './config.js';
import { inspectXiaomi } from './credential.js';
import { XIAOMI_REASONS } from './reasons.js';
import { xiaomiTokenShape } from './token-shape.js';

export const xiaomi: PushProvider<
  'xiaomi',
  XiaomiCertificateConfig,
  XiaomiSettings,
  VendorLoaded,
  z.infer<typeof xiaomiCertificateSchema>,
  z.infer<typeof xiaomiSettingsSchema>
> = {
  id: 'xiaomi',
  certificateSchema: xiaomiCertificateSchema,
  settingsSchema: xiaomiSettingsSchema,
  defaults: XIAOMI_DEFAULTS,
  sweepMode: 'credential_and_token',
  reasons: XIAOMI_REASONS,
  resolveCertificate: resolveXiaomiCertificate,
  resolveSettings: resolveXiaomiSettings,
  describeCertificate(c) {
    return say((t) => t.providers.xiaomi.describe(c.packageName, c.channelId));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform, bundleId: c.packageName };
  },
  tokenShape: xiaomiTokenShape,
  reportWarnings(cert, report) {
    const reported = report.bundleId;
    return reported !== undefined && reported !== cert.packageName ? [say((t) => t.providers.xiaomi.packageMismatch(reported, cert.id, cert.packageName))] : [];
  },
  inspect: (cert) => inspectXiaomi(cert),
  async createSender(settings) {
    const { xiaomiTester } = await import('./sender.js');
    return xiaomiTester(settings);
  },
};
