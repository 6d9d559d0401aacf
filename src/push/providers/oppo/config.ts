// OPPO (OPUSH / HeyTap, also OnePlus and realme) in imops.yml: a certificate entry and `providers.oppo`.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface OppoCertificateConfig {
  id: string;
  platform: 'oppo';
  appKey: string;
  /** Signs the auth request; only the main developer account sees it in the OPPO console. Never logged. */
  masterSecret: string;
  /** The notification channel registered in the OPPO console (and created by the app). */
  channelId?: string;
  /** The message category of OPPO's classification rules (IM, ACCOUNT, …). */
  category?: string;
  /** notify_level: 1 shade, 2 shade + lock screen, 16 strong reminder (needs approval). */
  notifyLevel?: number;
}

export interface OppoSettings {
  url: string;
  caFile?: string;
  timeoutMs: number;
}

export const oppoCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('oppo'),
  appKey: z.coerce.string().pipe(nonEmpty),
  masterSecret: z.coerce.string().pipe(nonEmpty),
  channelId: z.coerce.string().pipe(nonEmpty).optional(),
  category: nonEmpty.optional(),
  notifyLevel: z.coerce.number().int().optional(),
});

export const oppoSettingsSchema = z.object({ url: httpsUrl('https://api.push.oppomobile.com').optional(), ...commonSettings });

export const OPPO_DEFAULTS: OppoSettings = { url: 'https://api.push.oppomobile.com', timeoutMs: 5000 };

export function resolveOppoCertificate(c: z.infer<typeof oppoCertificateSchema>): OppoCertificateConfig {
  return { ...c };
}

export function resolveOppoSettings(s: z.infer<typeof oppoSettingsSchema>, abs: (p: string) => string): OppoSettings {
  return { url: s.url ?? OPPO_DEFAULTS.url, caFile: s.caFile ? abs(s.caFile) : undefined, timeoutMs: s.timeoutMs ?? OPPO_DEFAULTS.timeoutMs };
}

export const OPPO_AUTH_PATH = '/server/v1/auth';
export const OPPO_UNICAST_PATH = '/server/v1/message/notification/unicast';
/** OPPO's auth_token lives 24 h; imops renews it an hour early. */
export const OPPO_TOKEN_LIFETIME_MS = 23 * 3_600_000;
