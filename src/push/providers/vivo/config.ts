// vivo push in imops.yml: a certificate entry and `providers.vivo`.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface VivoCertificateConfig {
  id: string;
  platform: 'vivo';
  /** vivo's numeric APP ID. */
  appId: string;
  /** Signs the auth request together with appSecret: never logged. */
  appKey: string;
  appSecret: string;
  /** The second-level category (IM, ACCOUNT, … for system messages; NEWS, MARKETING, … for operation ones). */
  category?: string;
  /** 0 formal push (default), 1 test push (only to the ≤ 20 test devices registered in the vivo console). */
  pushMode: 0 | 1;
}

export interface VivoSettings {
  url: string;
  caFile?: string;
  timeoutMs: number;
}

export const vivoCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('vivo'),
  appId: z.coerce.string().pipe(nonEmpty),
  appKey: z.coerce.string().pipe(nonEmpty),
  appSecret: z.coerce.string().pipe(nonEmpty),
  category: nonEmpty.optional(),
  pushMode: z.coerce
    .number()
    .int()
    .refine((n) => n === 0 || n === 1, 'must be 0 (formal push) or 1 (test push to registered test devices)')
    .optional(),
});

export const vivoSettingsSchema = z.object({ url: httpsUrl('https://api-push.vivo.com.cn').optional(), ...commonSettings });

export const VIVO_DEFAULTS: VivoSettings = { url: 'https://api-push.vivo.com.cn', timeoutMs: 5000 };

export function resolveVivoCertificate(c: z.infer<typeof vivoCertificateSchema>): VivoCertificateConfig {
  return { ...c, pushMode: c.pushMode === 1 ? 1 : 0 };
}

export function resolveVivoSettings(s: z.infer<typeof vivoSettingsSchema>, abs: (p: string) => string): VivoSettings {
  return { url: s.url ?? VIVO_DEFAULTS.url, caFile: s.caFile ? abs(s.caFile) : undefined, timeoutMs: s.timeoutMs ?? VIVO_DEFAULTS.timeoutMs };
}

export const VIVO_AUTH_PATH = '/message/auth';
export const VIVO_SEND_PATH = '/message/send';
/** vivo's authToken lives 24 h, and vivo advises renewing it every 1–2 hours. */
export const VIVO_TOKEN_LIFETIME_MS = 3_600_000;

/** vivo's system-message categories (classification 1); the rest are operation messages (classification 0). */
export const VIVO_SYSTEM_CATEGORIES = ['IM', 'ACCOUNT', 'TODO', 'DEVICE_REMINDER', 'ORDER', 'SUBSCRIPTION'];
export const VIVO_OPERATION_CATEGORIES = ['NEWS', 'CONTENT', 'MARKETING', 'SOCIAL'];
