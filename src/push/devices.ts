import type { ApnsEnvironment, AppConfig, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { unknownCertificate } from './preflight.js';
import { describeToken } from './token-shape.js';
import type { Device, PushPlatform } from './types.js';

// Domain words about uploaded devices, shared by the upload API and `imops devices add`; storing is src/store's job.

/** What an upload's answer says about the devices its new token pushed out. Tokens are masked. */
export function evictionWarnings(evicted: readonly Device[], maxPerUser: number): string[] {
  return evicted.map((d) =>
    `This UserID already had ${maxPerUser} devices, the most imops keeps per user: its least recently seen device (${d.platform === 'apns' ? 'APNs' : 'FCM'}, certificate ${d.certificateId}, token ${maskToken(d.token)}, last seen ${d.lastSeen}) was removed to make room. Apps should DELETE /v1/devices at logout so that old tokens do not pile up.`);
}

/** What the client reported, before it is stored. */
export interface DeviceReport {
  token: string;
  platform?: PushPlatform;
  environment?: ApnsEnvironment;
  bundleId?: string;
}

/**
 * Warnings for a report under a configured certificate. The report is stored anyway (showing what was
 * really uploaded is the point of the check); these say in advance what the test push will run into.
 */
export function uploadWarnings(cert: CertificateConfig, report: DeviceReport): string[] {
  const warnings: string[] = [];
  const shape = describeToken(report.token);
  const certName = `certificate ${cert.id} is ${cert.platform === 'apns' ? 'an APNs' : 'an FCM'} certificate`;
  if (report.platform !== undefined && report.platform !== cert.platform) {
    warnings.push(`The app reported platform ${report.platform} but ${certName}: it uploaded with the wrong certificate ID.`);
  }
  if (shape.looksLike === 'fcm' && cert.platform === 'apns') {
    warnings.push(`The token looks like an FCM registration token but ${certName}: the app uploaded its FCM token with the APNs certificate ID.`);
  } else if (shape.looksLike === 'apns' && cert.platform === 'fcm') {
    warnings.push(`The token looks like an APNs device token (hex) but ${certName}: the app uploaded its APNs token with the FCM certificate ID.`);
  }
  warnings.push(...shape.problems);
  if (cert.platform === 'apns') {
    if (report.environment !== undefined && report.environment !== cert.environment) {
      warnings.push(`The app reported a ${report.environment} token but certificate ${cert.id} is for ${cert.environment}: debug builds get sandbox tokens, release builds production tokens, and each needs its own certificate ID.`);
    }
    if (report.bundleId !== undefined && report.bundleId !== cert.bundleId) {
      warnings.push(`The app reported bundle ID ${report.bundleId} but certificate ${cert.id} pushes to ${cert.bundleId}: APNs will answer DeviceTokenNotForTopic.`);
    }
  }
  return warnings;
}

/** Where the platform stored for a device under an unconfigured certificate ID came from. */
export type AssumedFrom = 'report' | 'token' | 'guess';

/**
 * A report under a certificate ID that is not configured: stored all the same (design.md "Device upload and
 * import"), so the check can show it as UNKNOWN_CERTIFICATE. Without a certificate the platform is the report's
 * own, else what the token looks like, else a guess; the warnings say which, and name the configured IDs.
 */
export function unknownCertificateUpload(app: AppConfig, certificateId: string, report: DeviceReport): { platform: PushPlatform; from: AssumedFrom; warnings: string[] } {
  const { problem } = unknownCertificate(app, certificateId);
  const shape = describeToken(report.token);
  const looks = shape.looksLike === 'apns' || shape.looksLike === 'fcm' ? shape.looksLike : undefined;
  const [platform, from]: [PushPlatform, AssumedFrom] = report.platform !== undefined ? [report.platform, 'report']
    : looks !== undefined ? [looks, 'token']
    : [app.certificates.some((c) => c.platform === 'fcm') && !app.certificates.some((c) => c.platform === 'apns') ? 'fcm' : 'apns', 'guess'];
  const name = platform === 'apns' ? 'APNs' : 'FCM';
  const how = from === 'report' ? 'as the app reported' : from === 'token' ? 'because the token looks like one' : 'a guess: neither the app nor the token says which';
  return {
    platform,
    from,
    warnings: [
      `Stored, but ${problem}. A test push to this device will report UNKNOWN_CERTIFICATE until the app uploads with a configured ID or the certificate is added to imops.yml.`,
      `Stored as an ${name} device (${how}).`,
      ...shape.problems,
    ],
  };
}
