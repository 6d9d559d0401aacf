// FCM's answers: the FCM v1 error codes, the canonical statuses firebase-admin falls back to, and the
// firebase-admin codes it throws (push-failures.md §3), each with a verdict, a cause and a fix.
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';

type FcmRow = [code: string, status: number | undefined, verdict: PushVerdict, cause: string, fix: string];

const DELETE_FCM_TOKEN = 'Delete this token; the user must open the app (logged in) so it fetches a new FCM token and uploads it.';

/**
 * FCM v1 error codes (the FcmError detail), the canonical statuses firebase-admin falls back to, and the
 * firebase-admin `messaging/…` and `app/…` codes it throws. Several server codes share one firebase-admin
 * code, so the v1 code, when firebase-admin lets it through in the message, wins over the firebase-admin one.
 */
const FCM_ROWS: FcmRow[] = [
  // FCM HTTP v1 ErrorCode
  ['UNSPECIFIED_ERROR', undefined, 'PROVIDER_UNAVAILABLE', 'FCM failed without saying why.', 'Try again; if it repeats, check status.firebase.google.com.'],
  [
    'INVALID_ARGUMENT',
    400,
    'PAYLOAD_REJECTED',
    'FCM rejected the message as invalid.',
    'The message text names the bad field; if it is the token, delete it and have the app upload a new one.',
  ],
  [
    'UNREGISTERED',
    404,
    'TOKEN_UNREGISTERED',
    'The FCM token is no longer valid: the app was uninstalled, its data cleared, the token rotated, or the device was inactive for more than 270 days.',
    DELETE_FCM_TOKEN,
  ],
  [
    'SENDER_ID_MISMATCH',
    403,
    'SENDER_MISMATCH',
    'The token was issued by another Firebase project than the one this service account belongs to (for example a debug build with the dev google-services.json).',
    "Upload the token with the certificate ID whose service account is from the app's Firebase project, or configure that project's service account here.",
  ],
  [
    'QUOTA_EXCEEDED',
    429,
    'RATE_LIMITED',
    "FCM's sending quota was exceeded (for the project, or for this device).",
    'Wait a few minutes before testing again.',
  ],
  [
    'UNAVAILABLE',
    503,
    'PROVIDER_UNAVAILABLE',
    'FCM is overloaded or temporarily unavailable.',
    'Try again in a few minutes; check status.firebase.google.com.',
  ],
  ['INTERNAL', 500, 'PROVIDER_UNAVAILABLE', 'FCM had an internal error.', 'Try again in a few minutes.'],
  [
    'THIRD_PARTY_AUTH_ERROR',
    401,
    'THIRD_PARTY_AUTH',
    'FCM could not deliver to the iPhone: the APNs key or certificate uploaded to Firebase is missing, expired, for the wrong team or bundle, or restricted to one APNs environment.',
    'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8) enabled for Sandbox and Production.',
  ],
  [
    'APNS_AUTH_ERROR',
    401,
    'THIRD_PARTY_AUTH',
    'FCM could not authenticate with APNs for this iOS app: the APNs credential uploaded to Firebase is invalid.',
    'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8).',
  ],
  // Canonical statuses that carry a different meaning than the firebase-admin code they map to
  [
    'UNAUTHENTICATED',
    401,
    'CREDENTIAL_INVALID',
    "FCM did not accept imops' own access token: the service account's OAuth token was rejected (firebase-admin reports this as a third-party auth error, which is misleading).",
    'Check the service-account file for this certificate ID: download a new key from the Firebase console > Project settings > Service accounts.',
  ],
  [
    'PERMISSION_DENIED',
    403,
    'CREDENTIAL_INVALID',
    'The service account may not send through FCM for this project: it lacks the cloudmessaging.messages.create permission, the FCM API is disabled, or the project ID is wrong.',
    'Use a service account of the app\'s Firebase project with the "Firebase Cloud Messaging API Admin" role, enable the Firebase Cloud Messaging API, and check projectId in imops.yml.',
  ],
  // firebase-admin codes
  [
    'messaging/registration-token-not-registered',
    404,
    'TOKEN_UNREGISTERED',
    'The FCM token is no longer valid: the app was uninstalled, its data cleared, the token rotated, or the device was inactive for a long time.',
    DELETE_FCM_TOKEN,
  ],
  ['messaging/installation-id-not-registered', 404, 'TOKEN_UNREGISTERED', 'The Firebase installation is no longer registered.', DELETE_FCM_TOKEN],
  [
    'messaging/invalid-registration-token',
    400,
    'BAD_DEVICE_TOKEN',
    'This is not a valid FCM registration token: it is corrupted, truncated, or a token of another push service (an APNs or vendor token).',
    'Check what the app uploads: it must be the token from FirebaseMessaging.getToken(). Delete this one.',
  ],
  [
    'messaging/invalid-argument',
    400,
    'PAYLOAD_REJECTED',
    'FCM rejected the message as invalid.',
    'The message text names the bad field; report it to the imops maintainers if it is not the token.',
  ],
  [
    'messaging/mismatched-credential',
    403,
    'SENDER_MISMATCH',
    'The token belongs to another Firebase project than this service account, or the service account may not send for this project.',
    'Make sure the app was built with the google-services.json of the same Firebase project as the service account of this certificate ID.',
  ],
  ['messaging/message-rate-exceeded', 429, 'RATE_LIMITED', "FCM's sending rate was exceeded.", 'Wait a few minutes before testing again.'],
  [
    'messaging/device-message-rate-exceeded',
    429,
    'RATE_LIMITED',
    'Too many messages were sent to this device in a short time.',
    'Wait a few minutes before testing this device again.',
  ],
  ['messaging/topics-message-rate-exceeded', 429, 'RATE_LIMITED', 'Too many messages were sent to a topic.', 'Wait a few minutes.'],
  [
    'messaging/third-party-auth-error',
    401,
    'THIRD_PARTY_AUTH',
    'FCM could not deliver to the iPhone: the APNs key or certificate uploaded to Firebase is missing, expired or restricted to one APNs environment.',
    'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8) enabled for Sandbox and Production.',
  ],
  [
    'messaging/authentication-error',
    401,
    'CREDENTIAL_INVALID',
    "FCM refused the request's authentication (a non-JSON 401/403, usually from a proxy or a revoked service account).",
    'Check the service-account file for this certificate ID and any proxy in front of FCM (providers.fcm.url).',
  ],
  [
    'messaging/server-unavailable',
    503,
    'PROVIDER_UNAVAILABLE',
    "FCM stayed unavailable after firebase-admin's retries.",
    'Try again in a few minutes; check status.firebase.google.com.',
  ],
  ['messaging/internal-error', 500, 'PROVIDER_UNAVAILABLE', 'FCM had an internal error.', 'Try again in a few minutes.'],
  [
    'messaging/unknown-error',
    undefined,
    'PROVIDER_UNAVAILABLE',
    'FCM returned an error firebase-admin does not know.',
    'Try again; if it repeats, report the raw reason to the imops maintainers.',
  ],
  [
    'messaging/payload-size-limit-exceeded',
    400,
    'PAYLOAD_REJECTED',
    'The message is larger than FCM allows (4096 bytes).',
    'Report it to the imops maintainers: the test message should be small.',
  ],
  [
    'messaging/invalid-data-payload-key',
    400,
    'PAYLOAD_REJECTED',
    'The data payload uses a reserved key (from, gcm, google.*).',
    'Report it to the imops maintainers.',
  ],
  ['messaging/invalid-options', 400, 'PAYLOAD_REJECTED', 'A message option (for example the TTL) is invalid.', 'Report it to the imops maintainers.'],
  [
    'messaging/invalid-package-name',
    400,
    'PAYLOAD_REJECTED',
    'The token is for another Android package name than the message allows.',
    "Check that the app's package name matches the Firebase app registration.",
  ],
  [
    'messaging/invalid-recipient',
    undefined,
    'PAYLOAD_REJECTED',
    'The message has no valid recipient (firebase-admin refused it before sending).',
    'Check the uploaded token is not empty.',
  ],
  [
    'messaging/invalid-payload',
    undefined,
    'PAYLOAD_REJECTED',
    'firebase-admin refused the message payload before sending.',
    'Report it to the imops maintainers.',
  ],
  ['messaging/too-many-topics', undefined, 'RATE_LIMITED', 'The device is subscribed to too many topics.', 'Unsubscribe the device from unused topics.'],
  ['messaging/topics-subscription-rate-exceeded', 429, 'RATE_LIMITED', 'Topic subscriptions changed too fast.', 'Wait a few minutes.'],
  [
    'app/invalid-credential',
    undefined,
    'CREDENTIAL_INVALID',
    'imops could not get an OAuth access token for this service account.',
    'Check the service-account file for this certificate ID; download a new key from the Firebase console > Project settings > Service accounts.',
  ],
  [
    'invalid_grant',
    400,
    'CREDENTIAL_INVALID',
    "Google refused the service account's signed assertion (invalid_grant): the server clock is off, or the key was revoked or deleted.",
    'Sync the server clock (NTP); if it is right, create a new key in the Firebase console > Project settings > Service accounts and replace the file.',
  ],
  [
    'app/network-error',
    undefined,
    'NETWORK',
    'imops could not reach FCM.',
    'Check that the server can reach fcm.googleapis.com and oauth2.googleapis.com (or providers.fcm.url), and any proxy or firewall in between.',
  ],
  [
    'app/network-timeout',
    undefined,
    'NETWORK',
    'FCM did not answer in time.',
    'Try again; if it repeats, check the network path to fcm.googleapis.com (or providers.fcm.url).',
  ],
];

export const FCM_REASONS = reasonTable(
  'fcm',
  FCM_ROWS.map(([reason, status, verdict, cause, fix]) => ({ reason, status, verdict, cause, fix })),
);

const INVALID_TOKEN_TEXT = /registration token|not a valid FCM/i;

/**
 * The catalogue entry for an FCM failure. firebase-admin folds several server codes into one of its own, so the
 * message is read for what it hides: the v1 errorCode, an invalid token, the caller's own OAuth failure, a
 * permission problem, or invalid_grant.
 */
export function explainFcmError(code: string | undefined, message: string): ReasonEntry {
  const text = message ?? '';
  const pick = (reason: string) => FCM_REASONS.get(reason)!;
  if (code === 'messaging/invalid-argument' && INVALID_TOKEN_TEXT.test(text)) {
    return { ...pick('messaging/invalid-registration-token'), reason: 'INVALID_ARGUMENT' };
  }
  if (code === 'messaging/third-party-auth-error' && /invalid authentication credentials|missing required authentication|UNAUTHENTICATED/i.test(text)) {
    return pick('UNAUTHENTICATED');
  }
  if (code === 'messaging/mismatched-credential' && /permission|PERMISSION_DENIED|denied/i.test(text) && !/SenderId/i.test(text)) {
    return pick('PERMISSION_DENIED');
  }
  if (code?.startsWith('app/') && /invalid_grant/.test(text)) return pick('invalid_grant');
  if (code && FCM_REASONS.has(code)) return pick(code);
  const v1 =
    /\b(UNSPECIFIED_ERROR|INVALID_ARGUMENT|UNREGISTERED|SENDER_ID_MISMATCH|QUOTA_EXCEEDED|UNAVAILABLE|INTERNAL|THIRD_PARTY_AUTH_ERROR|APNS_AUTH_ERROR)\b/.exec(
      text,
    )?.[1];
  if (v1) return pick(v1);
  return {
    provider: 'fcm',
    reason: code ?? 'unknown',
    verdict: 'PROVIDER_UNAVAILABLE',
    cause: `FCM failed with ${code ?? 'an unknown error'}, which imops does not know.`,
    fix: 'Try again; if it repeats, report the reason to the imops maintainers.',
  };
}
