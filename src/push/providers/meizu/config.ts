// Meizu (Flyme push) in imops.yml: a certificate entry and `providers.meizu`.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface MeizuCertificateConfig {
  id: string;
  platform: 'meizu';
  /** Meizu's numeric App ID. */
  appId: string;
  /** Signs every request (Meizu has no token exchange): never logged. */
  appSecret: string;
}

export interface MeizuSettings {
  url: string;
  caFile?: string;
  timeoutMs: number;
}

export const meizuCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('meizu'),
  appId: z.coerce.string().pipe(nonEmpty),
  appSecret: z.coerce.string().pipe(nonEmpty),
});

export const meizuSettingsSchema = z.object({ url: httpsUrl('https://server-api-push.meizu.com').optional(), ...commonSettings });

export const MEIZU_DEFAULTS: MeizuSettings = { url: 'https://server-api-push.meizu.com', timeoutMs: 5000 };

export function resolveMeizuCertificate(c: z.infer<typeof meizuCertificateSchema>): MeizuCertificateConfig {
  return { ...c };
}

export function resolveMeizuSettings(s: z.infer<typeof meizuSettingsSchema>, abs: (p: string) => string): MeizuSettings {
  return { url: s.url ?? MEIZU_DEFAULTS.url, caFile: s.caFile ? abs(s.caFile) : undefined, timeoutMs: s.timeoutMs ?? MEIZU_DEFAULTS.timeoutMs };
}

export const MEIZU_PUSH_PATH = '/garcia/api/server/push/varnished/pushByPushId';
