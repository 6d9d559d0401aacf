// What can be decided before anything is sent: is the certificate ID configured, does the token fit the
// certificate's platform, is the credential healthy. A stop here is a full PushResult, with cause and fix.
import type { AppConfig, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { describeToken } from './token-shape.js';
import { describeCertificate, isPlatform, type PushPlatform } from './providers/index.js';
import type { Inspection } from './providers/types.js';
import type { Device, PushResult } from './types.js';
import type { PushVerdict } from './verdicts.js';
import { inLocale, say, type Catalogue, type Text, type Words } from '../text/index.js';
import type { UnknownCertificateFacts } from '../text/en/push/common.js';

export type Preflight = { go: false; result: PushResult } | { go: true; certificate: CertificateConfig; loaded: unknown; tokenProblems: Text[] };

export type Inspect = (certificate: CertificateConfig) => Promise<Inspection>;

export { describeCertificate };

/** The configured certificates of `app` (of one platform when given), each described in the reader's language. */
function configured(t: Catalogue, app: AppConfig, platform?: PushPlatform): string[] {
  return app.certificates.filter((c) => platform === undefined || c.platform === platform).map((c) => inLocale(describeCertificate(c), t));
}

function unknownFacts(t: Catalogue, app: AppConfig, id: string): UnknownCertificateFacts {
  return { id, app: app.name, sdkAppId: app.sdkAppId, configured: configured(t, app) };
}

/**
 * A certificate ID the app does not have in imops: the problem, listing the configured ones, and the fix (each a
 * clause: lower-case, no full stop). Shared by the upload API (400), `imops devices add` / `push test --cert`
 * (their UsageError carries the Words), and the test push (UNKNOWN_CERTIFICATE).
 */
export function unknownCertificate(app: AppConfig, id: string): { problem: Words; fix: Words } {
  return {
    problem: say((t) => t.pushWords.common.unknownCertificate.problem(unknownFacts(t, app, id))),
    fix: say((t) => t.pushWords.common.unknownCertificate.fix(unknownFacts(t, app, id))),
  };
}

/** The same certificate ID problem as stored with a device uploaded under it. */
export function unknownCertificateStored(app: AppConfig, id: string): Words {
  return say((t) => t.pushWords.common.upload.storedUnknown(unknownFacts(t, app, id)));
}

export function stop(device: Device, verdict: PushVerdict, cause: Text, fix: Text, platform = device.platform): Preflight {
  return {
    go: false,
    result: { certificateId: device.certificateId, platform, token: maskToken(device.token), ok: false, verdict, cause, fix, provider: {} },
  };
}

export async function preflight(app: AppConfig, device: Device, inspect: Inspect): Promise<Preflight> {
  const certificate = app.certificates.find((c) => c.id === device.certificateId);
  if (!certificate) {
    const id = device.certificateId;
    return stop(
      device,
      'UNKNOWN_CERTIFICATE',
      say((t) => t.pushWords.common.unknownCertificate.cause(unknownFacts(t, app, id))),
      say((t) => t.pushWords.common.unknownCertificate.fixSentence(unknownFacts(t, app, id))),
    );
  }

  const platform = certificate.platform;
  const shape = describeToken(device.token, platform);
  const looks = shape.looksLike;
  if (looks === 'expo') {
    return stop(
      device,
      'PLATFORM_MISMATCH',
      say((t) => t.pushWords.common.preflight.expoCause(certificate.id, t.providers[platform].names)),
      say((t) => t.pushWords.common.preflight.expoFix(t.providers[platform].names)),
      platform,
    );
  }
  if (isPlatform(looks) && looks !== platform) {
    return stop(
      device,
      'PLATFORM_MISMATCH',
      say((t) => t.pushWords.common.preflight.otherTokenCause(certificate.id, t.providers[platform].names, t.providers[looks].names)),
      say((t) => t.pushWords.common.preflight.otherTokenFix(certificate.id, t.providers[platform].names, t.providers[looks].names, configured(t, app, looks))),
      platform,
    );
  }
  if (device.platform !== platform) {
    const reported = device.platform;
    return stop(
      device,
      'PLATFORM_MISMATCH',
      say((t) => t.pushWords.common.preflight.otherPlatformCause(certificate.id, t.providers[reported].names, t.providers[platform].names)),
      say((t) => t.pushWords.common.preflight.otherPlatformFix(t.providers[reported].names, configured(t, app, reported))),
      platform,
    );
  }

  const inspection = await inspect(certificate);
  const failure = inspection.failure;
  if (failure || inspection.loaded === undefined) {
    return stop(
      device,
      failure?.verdict ?? 'CREDENTIAL_INVALID',
      say((t, $) => t.pushWords.common.preflight.unusableCause(certificate.id, failure && $(failure.problem))),
      failure?.fix ?? say((t) => t.pushWords.common.preflight.unusableFix),
      platform,
    );
  }
  return { go: true, certificate, loaded: inspection.loaded, tokenProblems: shape.problems };
}
