// Honor Push (MagicOS) in imops.yml: a certificate entry (App ID for the URL, Client ID / Client Secret for OAuth,
// importance) and the `providers.honor` block.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface HonorCertificateConfig {
  id: string;
  platform: 'honor';
  appId: string;
  clientId: string;
  clientSecret: string;
  /** NORMAL (service and communication, with approved self-classification) or LOW (marketing). */
  importance?: 'NORMAL' | 'LOW';
}

export interface HonorSettings {
  authUrl: string;
  url: string;
  caFile?: string;
  timeoutMs: number;
}

const id = z.coerce.string().pipe(nonEmpty);

export const honorCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('honor'),
  appId: id,
  clientId: id,
  clientSecret: nonEmpty,
  importance: z.enum(['NORMAL', 'LOW'], { error: 'must be NORMAL or LOW' }).optional(),
});

export const honorSettingsSchema = z.object({
  authUrl: httpsUrl('https://iam.developer.honor.com').optional(),
  url: httpsUrl('https://push-api.cloud.honor.com').optional(),
  ...commonSettings,
});

export const HONOR_DEFAULTS: HonorSettings = { authUrl: 'https://iam.developer.honor.com', url: 'https://push-api.cloud.honor.com', timeoutMs: 5000 };

export function resolveHonorCertificate(c: z.infer<typeof honorCertificateSchema>): HonorCertificateConfig {
  return c;
}

export function resolveHonorSettings(s: z.infer<typeof honorSettingsSchema>, abs: (p: string) => string): HonorSettings {
  return {
    authUrl: s.authUrl ?? HONOR_DEFAULTS.authUrl,
    url: s.url ?? HONOR_DEFAULTS.url,
    caFile: s.caFile ? abs(s.caFile) : undefined,
    timeoutMs: s.timeoutMs ?? HONOR_DEFAULTS.timeoutMs,
  };
}

export const HONOR_TOKEN_PATH = '/auth/realms/developer/protocol/openid-connect/token';
export const honorSendPath = (appId: string) => `/api/v1/${encodeURIComponent(appId)}/sendMessage`;
