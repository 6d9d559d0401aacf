// What can be decided before anything is sent: is the certificate ID configured, does the token fit the
// certificate's platform, is the credential healthy. A stop here is a full PushResult, with cause and fix.
import type { AppConfig, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { describeToken } from './token-shape.js';
import { describeCertificate, isPlatform, providerFor, type PushPlatform } from './providers/index.js';
import type { Inspection } from './providers/types.js';
import type { Device, PushResult } from './types.js';
import type { PushVerdict } from './verdicts.js';
import { inLocale, say, type Text } from '../text/index.js';

export type Preflight = { go: false; result: PushResult } | { go: true; certificate: CertificateConfig; loaded: unknown; tokenProblems: Text[] };

export type Inspect = (certificate: CertificateConfig) => Promise<Inspection>;

export { describeCertificate };

/**
 * A certificate ID the app does not have in imops: the problem, listing the configured ones, and the fix.
 * Shared by the upload API (400), `imops devices add` / `push test --cert`, and the test push (UNKNOWN_CERTIFICATE).
 */
export function unknownCertificate(app: AppConfig, id: string): { problem: string; fix: string } {
  const configured = app.certificates.map((c) => inLocale(describeCertificate(c), { locale: 'en' }));
  const where = `app ${app.name} (SDKAppID ${app.sdkAppId})`;
  return configured.length
    ? {
        problem: `certificate ID ${JSON.stringify(id)} is not configured for ${where}; configured: ${configured.join(', ')}`,
        fix: `use one of the configured certificate IDs with the token (the sandbox one for debug builds, the production one for release builds), or add certificate ${JSON.stringify(id)} to imops.yml if it is a new one from the IM console`,
      }
    : {
        problem: `certificate ID ${JSON.stringify(id)} is not configured: ${where} has no push certificates in imops`,
        fix: 'add the push certificates from the IM console (Push > Access settings) under the app in imops.yml',
      };
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

export function stop(device: Device, verdict: PushVerdict, cause: Text, fix: Text, platform = device.platform): Preflight {
  return {
    go: false,
    result: { certificateId: device.certificateId, platform, token: maskToken(device.token), ok: false, verdict, cause, fix, provider: {} },
  };
}

export async function preflight(app: AppConfig, device: Device, inspect: Inspect): Promise<Preflight> {
  const certificate = app.certificates.find((c) => c.id === device.certificateId);
  if (!certificate) {
    const unknown = unknownCertificate(app, device.certificateId);
    return stop(device, 'UNKNOWN_CERTIFICATE', `The app uploaded this token with ${unknown.problem}.`, sentence(unknown.fix));
  }

  const provider = providerFor(certificate.platform);
  const shape = describeToken(device.token, certificate.platform);
  const looks = shape.looksLike;
  const others = (platform: PushPlatform) =>
    app.certificates.filter((c) => c.platform === platform).map((c) => inLocale(describeCertificate(c), { locale: 'en' }));
  const name = provider.displayName;
  if (looks === 'expo') {
    return stop(
      device,
      'PLATFORM_MISMATCH',
      `Certificate ${certificate.id} is ${provider.article} ${name} certificate, but the token is an Expo push token, which ${name} cannot use.`,
      `Make the app upload its native ${name} token (getDevicePushTokenAsync), not the Expo token.`,
      certificate.platform,
    );
  }
  if (isPlatform(looks) && looks !== certificate.platform) {
    const tokenOf = providerFor(looks);
    const listed = others(looks);
    return stop(
      device,
      'PLATFORM_MISMATCH',
      `Certificate ${certificate.id} is ${provider.article} ${name} certificate, but the token looks like ${tokenOf.tokenName}: the app uploaded its ${tokenOf.deviceLabel} token with the ${provider.deviceLabel} certificate ID.`,
      `Upload ${tokenOf.displayName} tokens with ${tokenOf.article} ${tokenOf.displayName} certificate ID${listed.length ? ` (${listed.join(', ')})` : ' (none is configured; add one to imops.yml)'}, and upload ${provider.tokenSource} with ${certificate.id}.`,
      certificate.platform,
    );
  }
  if (device.platform !== certificate.platform) {
    const reported = providerFor(device.platform).deviceLabel;
    return stop(
      device,
      'PLATFORM_MISMATCH',
      `The device was uploaded as ${reported}, but certificate ${certificate.id} is for ${provider.deviceLabel}.`,
      `Upload the token with a ${reported} certificate ID: ${others(device.platform).join(', ') || `none is configured; add one to imops.yml`}.`,
      certificate.platform,
    );
  }

  const inspection = await inspect(certificate);
  const failure = inspection.failure;
  if (failure || inspection.loaded === undefined) {
    return stop(
      device,
      failure?.verdict ?? 'CREDENTIAL_INVALID',
      say((_t, $) => `Nothing was sent: certificate ${certificate.id} cannot be used. ${failure ? $(failure.problem) : 'Its credential could not be loaded.'}`),
      failure?.fix ?? 'Run `imops push certs` to see every problem with this certificate.',
      certificate.platform,
    );
  }
  return { go: true, certificate, loaded: inspection.loaded, tokenProblems: shape.problems };
}
