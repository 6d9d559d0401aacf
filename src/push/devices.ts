import type { AppConfig, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { unknownCertificateStored } from './preflight.js';
import { describeToken } from './token-shape.js';
import { isPlatform, PLATFORMS, providerFor } from './providers/index.js';
import type { DeviceReport } from './providers/types.js';
import type { Device, PushPlatform } from './types.js';
import { say, type Text, type Words } from '../text/index.js';
import type { PlatformFrom } from '../text/en/push/common.js';

// Domain words about uploaded devices, shared by the upload API and `imops devices add`; storing is src/store's job.
// Warnings are Words (every language): stored with the device as JSON objects, read in the reader's language.

/** What an upload's answer says about the devices its new token pushed out. Tokens are masked. */
export function evictionWarnings(evicted: readonly Device[], maxPerUser: number): Words[] {
  return evicted.map((d) =>
    say((t) => t.pushWords.common.upload.evicted(maxPerUser, t.providers[d.platform].names, d.certificateId, maskToken(d.token), d.lastSeen)),
  );
}

export type { DeviceReport };

/**
 * Warnings for a report under a configured certificate. The report is stored anyway (showing what was
 * really uploaded is the point of the check); these say in advance what the test push will run into.
 */
export function uploadWarnings(cert: CertificateConfig, report: DeviceReport): Text[] {
  const warnings: Text[] = [];
  const platform = cert.platform;
  const shape = describeToken(report.token, platform);
  const reported = report.platform;
  if (reported !== undefined && reported !== platform) {
    warnings.push(say((t) => t.pushWords.common.upload.reportedPlatform(reported, cert.id, t.providers[platform].names)));
  }
  const looks = shape.looksLike;
  if (isPlatform(looks) && looks !== platform) {
    warnings.push(say((t) => t.pushWords.common.upload.otherToken(cert.id, t.providers[platform].names, t.providers[looks].names)));
  }
  warnings.push(...shape.problems);
  warnings.push(...providerFor(platform).reportWarnings(cert, report));
  return warnings;
}

/** Where the platform stored for a device under an unconfigured certificate ID came from. */
export type AssumedFrom = PlatformFrom;

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
  const shape = describeToken(report.token);
  const configured = [...new Set(app.certificates.map((c) => c.platform))];
  // A guess: the one platform the app has certificates for, else the first provider imops knows.
  const [platform, from]: [PushPlatform, AssumedFrom] = isPlatform(report.platform)
    ? [report.platform, 'report']
    : isPlatform(shape.looksLike)
      ? [shape.looksLike, 'token']
      : [configured.length === 1 ? configured[0]! : PLATFORMS[0]!, 'guess'];
  return {
    platform,
    from,
    warnings: [
      unknownCertificateStored(app, certificateId),
      say((t) => t.pushWords.common.upload.storedAs(t.providers[platform].names, from)),
      ...shape.problems,
    ],
  };
}
