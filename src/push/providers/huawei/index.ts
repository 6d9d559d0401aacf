// Huawei Push Kit (HMS, Android): OAuth client credentials and the v1 send API, written on undici's fetch.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import type { VendorLoaded } from '../vendor/result.js';
import {
  HUAWEI_DEFAULTS,
  huaweiCertificateSchema,
  huaweiSettingsSchema,
  resolveHuaweiCertificate,
  resolveHuaweiSettings,
  type HuaweiCertificateConfig,
  type HuaweiSettings,
} from './config.js';
import { inspectHuawei } from './credential.js';
import { HUAWEI_REASONS } from './reasons.js';
import { huaweiTokenShape } from './token-shape.js';

export const huawei: PushProvider<
  'huawei',
  HuaweiCertificateConfig,
  HuaweiSettings,
  VendorLoaded,
  z.infer<typeof huaweiCertificateSchema>,
  z.infer<typeof huaweiSettingsSchema>
> = {
  id: 'huawei',
  certificateSchema: huaweiCertificateSchema,
  settingsSchema: huaweiSettingsSchema,
  defaults: HUAWEI_DEFAULTS,
  sweepMode: 'validate_only',
  reasons: HUAWEI_REASONS,
  resolveCertificate: resolveHuaweiCertificate,
  resolveSettings: resolveHuaweiSettings,
  describeCertificate(c) {
    return say((t) => t.providers.huawei.describe(c.appId, c.category));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform };
  },
  tokenShape: huaweiTokenShape,
  reportWarnings() {
    return [];
  },
  inspect: (cert) => inspectHuawei(cert),
  async createSender(settings, log) {
    const { HuaweiClient, huaweiTester } = await import('./sender.js');
    return huaweiTester(new HuaweiClient(settings), log);
  },
};
