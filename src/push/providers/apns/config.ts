// APNs in imops.yml: a certificate entry (token key, PKCS#12 or PEM) and the `providers.apns` block.
import { z } from 'zod';
import { certificateId, commonSettings, httpsUrl, nonEmpty } from '../schema.js';

export type ApnsEnvironment = 'production' | 'sandbox';

export type ApnsAuth =
  | { type: 'token'; keyFile: string; keyId: string; teamId: string }
  | { type: 'pkcs12'; file: string; passphrase?: string }
  | { type: 'pem'; certFile: string; keyFile: string };

export interface ApnsCertificateConfig {
  id: string;
  platform: 'apns';
  bundleId: string;
  environment: ApnsEnvironment;
  auth: ApnsAuth;
}

export interface ApnsSettings {
  productionUrl: string;
  sandboxUrl: string;
  caFile?: string;
  timeoutMs: number;
}

const auth = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('token'), keyFile: nonEmpty, keyId: nonEmpty, teamId: nonEmpty }),
    z.object({ type: z.literal('pkcs12'), file: nonEmpty, passphrase: z.string().optional() }),
    z.object({ type: z.literal('pem'), certFile: nonEmpty, keyFile: nonEmpty }),
  ],
  { error: 'must have type token, pkcs12 or pem' },
);

export const apnsCertificateSchema = z.object({
  id: certificateId,
  platform: z.literal('apns'),
  bundleId: nonEmpty,
  environment: z.enum(['production', 'sandbox'], { error: 'must be production or sandbox' }),
  auth,
});

const url = httpsUrl('https://api.push.apple.com');
export const apnsSettingsSchema = z.object({ productionUrl: url.optional(), sandboxUrl: url.optional(), ...commonSettings });

export const APNS_DEFAULTS: ApnsSettings = {
  productionUrl: 'https://api.push.apple.com',
  sandboxUrl: 'https://api.sandbox.push.apple.com',
  timeoutMs: 5000,
};

export function resolveApnsCertificate(c: z.infer<typeof apnsCertificateSchema>, abs: (p: string) => string): ApnsCertificateConfig {
  const a = c.auth;
  const resolved: ApnsAuth =
    a.type === 'token'
      ? { ...a, keyFile: abs(a.keyFile) }
      : a.type === 'pkcs12'
        ? { ...a, file: abs(a.file) }
        : { ...a, certFile: abs(a.certFile), keyFile: abs(a.keyFile) };
  return { ...c, auth: resolved };
}

export function resolveApnsSettings(s: z.infer<typeof apnsSettingsSchema>, abs: (p: string) => string): ApnsSettings {
  return {
    productionUrl: s.productionUrl ?? APNS_DEFAULTS.productionUrl,
    sandboxUrl: s.sandboxUrl ?? APNS_DEFAULTS.sandboxUrl,
    caFile: s.caFile ? abs(s.caFile) : undefined,
    timeoutMs: s.timeoutMs ?? APNS_DEFAULTS.timeoutMs,
  };
}
