// What can be decided before anything is sent: is the certificate ID configured, does the token fit the
// certificate's platform, is the credential healthy. A stop here is a full PushResult, with cause and fix.
import type { AppConfig, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import { describeToken } from './token-shape.js';
import type { CertificateInspection, LoadedCredential } from './certificates.js';
import type { Device, PushResult, PushVerdict } from './types.js';

export type Preflight =
  | { go: false; result: PushResult }
  | { go: true; certificate: CertificateConfig; loaded: LoadedCredential; tokenProblems: string[] };

export type Inspect = (certificate: CertificateConfig) => Promise<CertificateInspection & { loaded: LoadedCredential }>;

/** "10086 (APNs production, com.example.app)", "20001 (FCM)": how every answer names a configured certificate. */
export function describeCertificate(c: CertificateConfig): string {
  return c.platform === 'apns' ? `${c.id} (APNs ${c.environment}, ${c.bundleId})` : `${c.id} (FCM)`;
}

/**
 * A certificate ID the app does not have in imops: the problem, listing the configured ones, and the fix.
 * Shared by the upload API (400), `imops devices add` / `push test --cert`, and the test push (UNKNOWN_CERTIFICATE).
 */
export function unknownCertificate(app: AppConfig, id: string): { problem: string; fix: string } {
  const configured = app.certificates.map(describeCertificate);
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

export function stop(device: Device, verdict: PushVerdict, cause: string, fix: string, platform = device.platform): Preflight {
  return {
    go: false,
    result: { certificateId: device.certificateId, platform, token: maskToken(device.token), ok: false, verdict, cause, fix, provider: {} },
  };
}

const PLATFORM_NAME = { apns: 'APNs (iOS)', fcm: 'FCM (Android)' } as const;

export async function preflight(app: AppConfig, device: Device, inspect: Inspect): Promise<Preflight> {
  const certificate = app.certificates.find((c) => c.id === device.certificateId);
  if (!certificate) {
    const unknown = unknownCertificate(app, device.certificateId);
    return stop(device, 'UNKNOWN_CERTIFICATE', `The app uploaded this token with ${unknown.problem}.`, sentence(unknown.fix));
  }

  const shape = describeToken(device.token);
  const looks = shape.looksLike;
  const others = (platform: 'apns' | 'fcm') => app.certificates.filter((c) => c.platform === platform).map(describeCertificate);
  if (certificate.platform === 'apns' && (looks === 'fcm' || looks === 'expo')) {
    const fcm = others('fcm');
    return stop(device, 'PLATFORM_MISMATCH',
      looks === 'expo'
        ? `Certificate ${certificate.id} is an APNs certificate, but the token is an Expo push token, which APNs cannot use.`
        : `Certificate ${certificate.id} is an APNs certificate, but the token is an FCM registration token: the app uploaded its FCM token with the iOS certificate ID.`,
      looks === 'expo'
        ? 'Make the app upload its native APNs device token (getDevicePushTokenAsync), not the Expo token.'
        : `Upload FCM tokens with an FCM certificate ID${fcm.length ? ` (${fcm.join(', ')})` : ''}; on iOS, upload the APNs device token from didRegisterForRemoteNotificationsWithDeviceToken with ${certificate.id}.`,
      'apns');
  }
  if (certificate.platform === 'fcm' && (looks === 'apns' || looks === 'expo')) {
    const apns = others('apns');
    return stop(device, 'PLATFORM_MISMATCH',
      looks === 'expo'
        ? `Certificate ${certificate.id} is an FCM certificate, but the token is an Expo push token, which FCM cannot use.`
        : `Certificate ${certificate.id} is an FCM certificate, but the token looks like an APNs device token (hex): the app uploaded its iOS token with the Android certificate ID.`,
      looks === 'expo'
        ? 'Make the app upload its native FCM token (getDevicePushTokenAsync), not the Expo token.'
        : `Upload APNs tokens with an APNs certificate ID${apns.length ? ` (${apns.join(', ')})` : ''}, and FCM tokens with ${certificate.id}.`,
      'fcm');
  }
  if (device.platform !== certificate.platform) {
    return stop(device, 'PLATFORM_MISMATCH',
      `The device was uploaded as ${PLATFORM_NAME[device.platform]}, but certificate ${certificate.id} is for ${PLATFORM_NAME[certificate.platform]}.`,
      `Upload the token with a ${PLATFORM_NAME[device.platform]} certificate ID: ${others(device.platform).join(', ') || `none is configured; add one to imops.yml`}.`,
      certificate.platform);
  }

  const inspection = await inspect(certificate);
  const failure = inspection.failure;
  const loaded = inspection.loaded;
  if (failure || !(certificate.platform === 'apns' ? loaded.apns : loaded.fcm)) {
    return stop(device, failure?.verdict ?? 'CREDENTIAL_INVALID',
      `Nothing was sent: certificate ${certificate.id} cannot be used. ${failure?.problem ?? 'Its credential could not be loaded.'}`,
      failure?.fix ?? 'Run `imops push certs` to see every problem with this certificate.',
      certificate.platform);
  }
  return { go: true, certificate, loaded, tokenProblems: shape.problems };
}
