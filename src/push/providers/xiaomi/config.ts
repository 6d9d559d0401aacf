// Xiaomi Mi Push in imops.yml: a certificate entry (package name, AppSecret, channel ID) and `providers.xiaomi`.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface XiaomiCertificateConfig {
  id: string;
  platform: 'xiaomi';
  /** The app's package name: `restricted_package_name` of every send. */
  packageName: string;
  appSecret: string;
  /** A channel created in the Xiaomi console (message classification); without it the default channel: 1 a day. */
  channelId?: string;
}

export interface XiaomiSettings {
  url: string;
  caFile?: string;
  timeoutMs: number;
}

export const xiaomiCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('xiaomi'),
  packageName: nonEmpty,
  appSecret: nonEmpty,
  channelId: z.coerce.string().pipe(nonEmpty).optional(),
});

export const xiaomiSettingsSchema = z.object({ url: httpsUrl('https://api.xmpush.xiaomi.com').optional(), ...commonSettings });

export const XIAOMI_DEFAULTS: XiaomiSettings = { url: 'https://api.xmpush.xiaomi.com', timeoutMs: 5000 };

export function resolveXiaomiCertificate(c: z.infer<typeof xiaomiCertificateSchema>): XiaomiCertificateConfig {
  return c;
}

export function resolveXiaomiSettings(s: z.infer<typeof xiaomiSettingsSchema>, abs: (p: string) => string): XiaomiSettings {
  return { url: s.url ?? XIAOMI_DEFAULTS.url, caFile: s.caFile ? abs(s.caFile) : undefined, timeoutMs: s.timeoutMs ?? XIAOMI_DEFAULTS.timeoutMs };
}

export const XIAOMI_SEND_PATH = '/v3/message/regid';
