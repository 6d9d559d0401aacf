import type { AppConfig, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { unknownCertificate } from './preflight.js';
import { describeToken } from './token-shape.js';
import { isPlatform, PLATFORMS, providerFor } from './providers/index.js';
import type { DeviceReport } from './providers/types.js';
import type { Device, PushPlatform } from './types.js';
import type { Text } from '../text/index.js';

// Domain words about uploaded devices, shared by the upload API and `imops devices add`; storing is src/store's job.

/** What an upload's answer says about the devices its new token pushed out. Tokens are masked. */
export function evictionWarnings(evicted: readonly Device[], maxPerUser: number): string[] {
  return evicted.map(
    (d) =>
      `This UserID already had ${maxPerUser} devices, the most imops keeps per user: its least recently seen device (${providerFor(d.platform).displayName}, certificate ${d.certificateId}, token ${maskToken(d.token)}, last seen ${d.lastSeen}) was removed to make room. Apps should DELETE /v1/devices at logout so that old tokens do not pile up.`,
  );
}

export type { DeviceReport };

/**
 * Warnings for a report under a configured certificate. The report is stored anyway (showing what was
 * really uploaded is the point of the check); these say in advance what the test push will run into.
 */
export function uploadWarnings(cert: CertificateConfig, report: DeviceReport): Text[] {
  const warnings: Text[] = [];
  const provider = providerFor(cert.platform);
  const shape = describeToken(report.token, cert.platform);
  const certName = `certificate ${cert.id} is ${provider.article} ${provider.displayName} certificate`;
  if (report.platform !== undefined && report.platform !== cert.platform) {
    warnings.push(`The app reported platform ${report.platform} but ${certName}: it uploaded with the wrong certificate ID.`);
  }
  if (isPlatform(shape.looksLike) && shape.looksLike !== cert.platform) {
    const tokenOf = providerFor(shape.looksLike);
    warnings.push(
      `The token looks like ${tokenOf.tokenName} but ${certName}: the app uploaded its ${tokenOf.displayName} token with the ${provider.displayName} certificate ID.`,
    );
  }
  warnings.push(...shape.problems);
  warnings.push(...provider.reportWarnings(cert, report));
  return warnings;
}

/** Where the platform stored for a device under an unconfigured certificate ID came from. */
export type AssumedFrom = 'report' | 'token' | 'guess';

/**
 * A report under a certificate ID that is not configured: stored all the same (design.md "Device upload and
 * import"), so the check can show it as UNKNOWN_CERTIFICATE. Without a certificate the platform is the report's
 * own, else what the token looks like, else a guess; the warnings say which, and name the configured IDs.
 */
export function unknownCertificateUpload(
  app: AppConfig,
  certificateId: string,
  report: DeviceReport,
): { platform: PushPlatform; from: AssumedFrom; warnings: Text[] } {
  const { problem } = unknownCertificate(app, certificateId);
  const shape = describeToken(report.token);
  const configured = [...new Set(app.certificates.map((c) => c.platform))];
  // A guess: the one platform the app has certificates for, else the first provider imops knows.
  const [platform, from]: [PushPlatform, AssumedFrom] = isPlatform(report.platform)
    ? [report.platform, 'report']
    : isPlatform(shape.looksLike)
      ? [shape.looksLike, 'token']
      : [configured.length === 1 ? configured[0]! : PLATFORMS[0]!, 'guess'];
  const provider = providerFor(platform);
  const how =
    from === 'report' ? 'as the app reported' : from === 'token' ? 'because the token looks like one' : 'a guess: neither the app nor the token says which';
  return {
    platform,
    from,
    warnings: [
      `Stored, but ${problem}. A test push to this device will report UNKNOWN_CERTIFICATE until the app uploads with a configured ID or the certificate is added to imops.yml.`,
      `Stored as ${provider.article} ${provider.displayName} device (${how}).`,
      ...shape.problems,
    ],
  };
}
