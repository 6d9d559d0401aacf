// FCM in imops.yml: a certificate entry (a service-account file) and the `providers.fcm` block.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export interface FcmCertificateConfig {
  id: string;
  platform: 'fcm';
  serviceAccountFile: string;
  /** Overrides the service account's project_id. */
  projectId?: string;
}

export interface FcmSettings {
  url: string;
  caFile?: string;
  timeoutMs: number;
}

export const fcmCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('fcm'),
  serviceAccountFile: nonEmpty,
  projectId: nonEmpty.optional(),
});

export const fcmSettingsSchema = z.object({ url: httpsUrl('https://fcm.googleapis.com').optional(), ...commonSettings });

export const FCM_DEFAULTS: FcmSettings = { url: 'https://fcm.googleapis.com', timeoutMs: 5000 };

export function resolveFcmCertificate(c: z.infer<typeof fcmCertificateSchema>, abs: (p: string) => string): FcmCertificateConfig {
  return { ...c, serviceAccountFile: abs(c.serviceAccountFile) };
}

export function resolveFcmSettings(s: z.infer<typeof fcmSettingsSchema>, abs: (p: string) => string): FcmSettings {
  return { url: s.url ?? FCM_DEFAULTS.url, caFile: s.caFile ? abs(s.caFile) : undefined, timeoutMs: s.timeoutMs ?? FCM_DEFAULTS.timeoutMs };
}
