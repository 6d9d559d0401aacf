// Huawei Push Kit (HMS, Android) in imops.yml: a certificate entry (App ID, OAuth client, message category) and
// the `providers.huawei` block (the OAuth and Push Kit origins).
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface HuaweiCertificateConfig {
  id: string;
  platform: 'huawei';
  /** The App ID from AppGallery Connect: the `{appId}` of the send URL. */
  appId: string;
  /** The OAuth 2.0 client ID (for an app-level credential, the App ID itself). */
  clientId: string;
  clientSecret: string;
  /** The self-classification category (IM, VOIP, …); without it a notification counts as marketing. */
  category?: string;
}

export interface HuaweiSettings {
  authUrl: string;
  url: string;
  caFile?: string;
  timeoutMs: number;
}

const id = z.coerce.string().pipe(nonEmpty);

export const huaweiCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('huawei'),
  appId: id,
  clientId: id.optional(),
  clientSecret: nonEmpty,
  category: nonEmpty.optional(),
});

export const huaweiSettingsSchema = z.object({
  authUrl: httpsUrl('https://oauth-login.cloud.huawei.com').optional(),
  url: httpsUrl('https://push-api.cloud.huawei.com').optional(),
  ...commonSettings,
});

export const HUAWEI_DEFAULTS: HuaweiSettings = {
  authUrl: 'https://oauth-login.cloud.huawei.com',
  url: 'https://push-api.cloud.huawei.com',
  timeoutMs: 5000,
};

export function resolveHuaweiCertificate(c: z.infer<typeof huaweiCertificateSchema>): HuaweiCertificateConfig {
  return { ...c, clientId: c.clientId ?? c.appId };
}

export function resolveHuaweiSettings(s: z.infer<typeof huaweiSettingsSchema>, abs: (p: string) => string): HuaweiSettings {
  return {
    authUrl: s.authUrl ?? HUAWEI_DEFAULTS.authUrl,
    url: s.url ?? HUAWEI_DEFAULTS.url,
    caFile: s.caFile ? abs(s.caFile) : undefined,
    timeoutMs: s.timeoutMs ?? HUAWEI_DEFAULTS.timeoutMs,
  };
}

export const HUAWEI_TOKEN_PATH = '/oauth2/v3/token';
export const huaweiSendPath = (appId: string) => `/v1/${encodeURIComponent(appId)}/messages:send`;

/** Self-classification categories Push Kit documents for Android notifications (vendors.md §1.2). */
export const HUAWEI_CATEGORIES = [
  'IM',
  'VOIP',
  'SUBSCRIPTION',
  'TRAVEL',
  'HEALTH',
  'WORK',
  'ACCOUNT',
  'EXPRESS',
  'FINANCE',
  'DEVICE_REMINDER',
  'MAIL',
  'PLAY_VOICE',
  'MARKETING',
];
