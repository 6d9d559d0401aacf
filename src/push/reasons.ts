// The one catalogue of provider answers: every APNs `reason` and every FCM / firebase-admin error, each with the
// verdict a support engineer sees and a cause and fix written for them. A new provider reason is one row here.
import type { PushVerdict } from './types.js';

export interface ReasonEntry {
  provider: 'apns' | 'fcm';
  /** The APNs reason string, or the FCM v1 errorCode / firebase-admin code. */
  reason: string;
  /** The HTTP status the provider sends it with, when fixed. */
  status?: number;
  verdict: PushVerdict;
  cause: string;
  fix: string;
}

type Row = [reason: string, status: number, verdict: PushVerdict, cause: string, fix: string];

const APNS_ROWS: Row[] = [
  ['BadCollapseId', 400, 'PAYLOAD_REJECTED',
    'APNs rejected the apns-collapse-id header: it is longer than 64 bytes.',
    'This is a sender bug, not a device problem: hash or shorten the collapse ID to at most 64 bytes.'],
  ['BadDeviceToken', 400, 'BAD_DEVICE_TOKEN',
    'APNs rejected the device token in both environments: it is not a token APNs knows (corrupted, truncated, base64 instead of hex, or not an APNs token at all).',
    'Ask the user to reinstall or log in again so the app uploads a fresh token from didRegisterForRemoteNotificationsWithDeviceToken (hex, usually 64 characters).'],
  ['BadExpirationDate', 400, 'PAYLOAD_REJECTED',
    'APNs rejected the apns-expiration header: it is not a UNIX time in seconds.',
    'Send the expiration as whole epoch seconds (0 = deliver once, do not store).'],
  ['BadMessageId', 400, 'PAYLOAD_REJECTED',
    'APNs rejected the apns-id header: it is not a canonical UUID.',
    'Send a lowercase 8-4-4-4-12 UUID, or leave the header out and let APNs assign one.'],
  ['BadPriority', 400, 'PAYLOAD_REJECTED',
    'APNs rejected the apns-priority header: only 10, 5 and 1 are allowed.',
    'Use priority 10 for alerts, 5 for background (content-available) pushes.'],
  ['BadTopic', 400, 'TOPIC_INVALID',
    'APNs rejected the apns-topic: the bundle ID configured for this certificate is misspelled, or has the wrong suffix for the push type.',
    'Set bundleId of this certificate in imops.yml to the app\'s exact bundle ID (Xcode > target > Signing & Capabilities), without .voip or other suffixes for alerts.'],
  ['DeviceTokenNotForTopic', 400, 'TOKEN_NOT_FOR_TOPIC',
    'The token belongs to another app: it was issued for a different bundle ID (for example a dev flavour com.x.dev vs com.x) or another team.',
    'Check which build the user runs: upload its token with the certificate ID configured for that bundle ID, or configure a certificate for the bundle ID the build uses.'],
  ['DuplicateHeaders', 400, 'PAYLOAD_REJECTED',
    'APNs saw the same header twice in the request, which usually means a proxy in between duplicated headers.',
    'Check any HTTP proxy between imops and APNs (providers.apns.productionUrl / sandboxUrl); send directly to Apple to confirm.'],
  ['IdleTimeout', 400, 'NETWORK',
    'APNs closed the connection because it was idle for too long.',
    'Run the check again: imops opens a new connection. If it keeps happening, a proxy is holding idle connections open.'],
  ['InvalidPushType', 400, 'PAYLOAD_REJECTED',
    'APNs rejected the apns-push-type header: the value is unknown or does not fit the topic.',
    'Send apns-push-type alert to the plain bundle ID; other push types need their own topic suffix.'],
  ['MissingDeviceToken', 400, 'BAD_DEVICE_TOKEN',
    'The request had no device token: the app uploaded an empty token.',
    'Fix the app\'s upload: it must send the token from didRegisterForRemoteNotificationsWithDeviceToken after login.'],
  ['MissingTopic', 400, 'TOPIC_INVALID',
    'APNs needs an apns-topic for token (.p8) authentication and multi-topic certificates, and none was sent.',
    'Set bundleId for this certificate in imops.yml.'],
  ['PayloadEmpty', 400, 'PAYLOAD_REJECTED',
    'APNs received an empty notification body.',
    'This is a sender bug: send a JSON payload with an aps dictionary.'],
  ['TopicDisallowed', 400, 'TOPIC_INVALID',
    'APNs does not allow pushes to this topic: push notifications are not enabled for the App ID, or the topic is restricted.',
    'Enable the Push Notifications capability for the App ID in the Apple Developer portal, and check bundleId in imops.yml.'],
  ['BadCertificate', 403, 'CREDENTIAL_INVALID',
    'APNs refused the client certificate: it is revoked, corrupted, not paired with its key, or not an APNs certificate (e.g. an iOS Distribution certificate).',
    'Create a new "Apple Push Notification service SSL (Sandbox & Production)" certificate, or move to a .p8 token key, and update it in place in the IM console so the certificate ID stays the same.'],
  ['BadCertificateEnvironment', 403, 'CERT_ENVIRONMENT_MISMATCH',
    'The certificate is for the other APNs environment (a "Development" certificate used against production, or the reverse).',
    'Use a universal "Apple Push Services" certificate, or set this certificate\'s environment in imops.yml to the one it was issued for.'],
  ['ExpiredProviderToken', 403, 'CREDENTIAL_EXPIRED',
    'APNs says the signed provider token (JWT) is older than one hour; usually the clock of the sending server is wrong.',
    'Sync the server clock (NTP) and run the check again; imops signs a fresh token.'],
  ['Forbidden', 403, 'CREDENTIAL_INVALID',
    'The credential is not allowed to push to this topic: the key or certificate belongs to another team, or its access was revoked.',
    'Check in the Apple Developer portal that the key/certificate and the App ID belong to the same team, and that the key is not revoked.'],
  ['InvalidProviderToken', 403, 'CREDENTIAL_INVALID',
    'APNs could not verify the provider token: the Key ID or Team ID is wrong, the .p8 does not belong to that Key ID, the key is revoked, or the bundle ID is outside the key\'s team or scope.',
    'Compare keyId and teamId in imops.yml with Apple Developer > Keys and Membership, and use the .p8 downloaded for that key ID.'],
  ['MissingProviderToken', 403, 'CREDENTIAL_INVALID',
    'APNs got neither a provider token nor a client certificate: the credential never reached APNs (a TLS-terminating proxy can strip the client certificate).',
    'Check the certificate\'s auth settings in imops.yml, and that no proxy terminates TLS between imops and APNs.'],
  ['UnrelatedKeyIdInToken', 403, 'CREDENTIAL_INVALID',
    'The Key ID differs from the one the first push on this connection used: keys from several teams were mixed on one connection.',
    'Run the check again on a fresh connection; if it repeats, give each team\'s key its own certificate entry in imops.yml.'],
  ['BadEnvironmentKeyInToken', 403, 'CERT_ENVIRONMENT_MISMATCH',
    'The .p8 key is restricted to the other APNs environment (Apple lets a key be limited to Sandbox or Production).',
    'Use a key enabled for this certificate\'s environment (or for both) in Apple Developer > Keys, or set the certificate\'s environment to the one the key allows.'],
  ['BadEnvironmentKeyIdInToken', 403, 'CERT_ENVIRONMENT_MISMATCH',
    'The .p8 key is restricted to the other APNs environment (Apple lets a key be limited to Sandbox or Production).',
    'Use a key enabled for this certificate\'s environment (or for both) in Apple Developer > Keys, or set the certificate\'s environment to the one the key allows.'],
  ['BadPath', 404, 'PAYLOAD_REJECTED',
    'APNs did not recognise the request path: something between imops and APNs rewrote the URL.',
    'Check providers.apns.productionUrl / sandboxUrl: they must be the bare host (https://api.push.apple.com), with no path.'],
  ['MethodNotAllowed', 405, 'PAYLOAD_REJECTED',
    'APNs accepts only POST, and received another method: a proxy changed the request.',
    'Check the proxy configured in providers.apns; send directly to Apple to confirm.'],
  ['ExpiredToken', 410, 'TOKEN_UNREGISTERED',
    'The device token has expired: it is old and APNs no longer accepts it.',
    'Delete this token; the user must open the app (logged in) so it registers and uploads a new one.'],
  ['Unregistered', 410, 'TOKEN_UNREGISTERED',
    'The token is no longer active: the app was uninstalled, or notifications were reset on the device, at the time shown.',
    'Delete this token; pushes resume once the user reinstalls or opens the app and it uploads a new token.'],
  ['PayloadTooLarge', 413, 'PAYLOAD_REJECTED',
    'The notification payload is larger than 4096 bytes.',
    'Send an ID in the push and fetch the content in the app (notification service extension).'],
  ['TooManyProviderTokenUpdates', 429, 'RATE_LIMITED',
    'The provider token was renewed too often (more than once per 20 minutes), typically by several processes each signing their own.',
    'Wait 20 minutes before testing again; share one signed token per key across workers.'],
  ['TooManyRequests', 429, 'RATE_LIMITED',
    'Too many pushes were sent to this device token in a short time.',
    'Wait a few minutes before testing this device again.'],
  ['InternalServerError', 500, 'PROVIDER_UNAVAILABLE',
    'APNs had an internal error.',
    'Nothing is wrong with the app or the token: try again in a few minutes.'],
  ['ServiceUnavailable', 503, 'PROVIDER_UNAVAILABLE',
    'APNs is temporarily unavailable.',
    'Try again in a few minutes; check developer.apple.com/system-status.'],
  ['Shutdown', 503, 'PROVIDER_UNAVAILABLE',
    'The APNs server was shutting down and closed the connection.',
    'Run the check again: imops reconnects to another APNs server.'],
];

export const APNS_REASONS: ReadonlyMap<string, ReasonEntry> = new Map(
  APNS_ROWS.map(([reason, status, verdict, cause, fix]) => [reason, { provider: 'apns', reason, status, verdict, cause, fix }]),
);

/** The two reasons that can mean "this token belongs to the other APNs environment": worth one retry there. */
export const APNS_ENVIRONMENT_REASONS: ReadonlySet<string> = new Set(['BadDeviceToken', 'BadEnvironmentKeyInToken', 'BadEnvironmentKeyIdInToken']);

/** The catalogue entry for an APNs answer; reasons Apple adds later fall back by HTTP status. */
export function explainApnsReason(reason: string | undefined, status: number | undefined): ReasonEntry {
  const known = reason ? APNS_REASONS.get(reason) : undefined;
  if (known) return known;
  const said = `APNs answered ${status ?? 'without a status'}${reason ? ` with reason "${reason}"` : ''}, which imops does not know.`;
  const base = { provider: 'apns' as const, reason: reason ?? String(status ?? 'unknown'), status };
  if (status === 403) return { ...base, verdict: 'CREDENTIAL_INVALID', cause: `${said} A 403 means APNs refused the credential.`, fix: 'Check the key or certificate for this certificate ID, and look the reason up in Apple\'s "Handling notification responses from APNs".' };
  if (status === 410) return { ...base, verdict: 'TOKEN_UNREGISTERED', cause: `${said} A 410 means the token is no longer valid.`, fix: 'Delete this token; the app must upload a new one.' };
  if (status === 429) return { ...base, verdict: 'RATE_LIMITED', cause: `${said} A 429 means too many requests.`, fix: 'Wait a few minutes before testing again.' };
  if (status !== undefined && status >= 500) return { ...base, verdict: 'PROVIDER_UNAVAILABLE', cause: `${said} A 5xx is a problem on Apple's side.`, fix: 'Try again in a few minutes.' };
  return { ...base, verdict: 'PAYLOAD_REJECTED', cause: `${said} APNs rejected the request.`, fix: 'Look the reason up in Apple\'s "Handling notification responses from APNs" and report it to the imops maintainers.' };
}

type FcmRow = [code: string, status: number | undefined, verdict: PushVerdict, cause: string, fix: string];

const DELETE_FCM_TOKEN = 'Delete this token; the user must open the app (logged in) so it fetches a new FCM token and uploads it.';

/**
 * FCM v1 error codes (the FcmError detail), the canonical statuses firebase-admin falls back to, and the
 * firebase-admin `messaging/…` and `app/…` codes it throws. Several server codes share one firebase-admin
 * code, so the v1 code, when firebase-admin lets it through in the message, wins over the firebase-admin one.
 */
const FCM_ROWS: FcmRow[] = [
  // FCM HTTP v1 ErrorCode
  ['UNSPECIFIED_ERROR', undefined, 'PROVIDER_UNAVAILABLE',
    'FCM failed without saying why.', 'Try again; if it repeats, check status.firebase.google.com.'],
  ['INVALID_ARGUMENT', 400, 'PAYLOAD_REJECTED',
    'FCM rejected the message as invalid.', 'The message text names the bad field; if it is the token, delete it and have the app upload a new one.'],
  ['UNREGISTERED', 404, 'TOKEN_UNREGISTERED',
    'The FCM token is no longer valid: the app was uninstalled, its data cleared, the token rotated, or the device was inactive for more than 270 days.', DELETE_FCM_TOKEN],
  ['SENDER_ID_MISMATCH', 403, 'SENDER_MISMATCH',
    'The token was issued by another Firebase project than the one this service account belongs to (for example a debug build with the dev google-services.json).',
    'Upload the token with the certificate ID whose service account is from the app\'s Firebase project, or configure that project\'s service account here.'],
  ['QUOTA_EXCEEDED', 429, 'RATE_LIMITED',
    'FCM\'s sending quota was exceeded (for the project, or for this device).', 'Wait a few minutes before testing again.'],
  ['UNAVAILABLE', 503, 'PROVIDER_UNAVAILABLE',
    'FCM is overloaded or temporarily unavailable.', 'Try again in a few minutes; check status.firebase.google.com.'],
  ['INTERNAL', 500, 'PROVIDER_UNAVAILABLE',
    'FCM had an internal error.', 'Try again in a few minutes.'],
  ['THIRD_PARTY_AUTH_ERROR', 401, 'THIRD_PARTY_AUTH',
    'FCM could not deliver to the iPhone: the APNs key or certificate uploaded to Firebase is missing, expired, for the wrong team or bundle, or restricted to one APNs environment.',
    'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8) enabled for Sandbox and Production.'],
  ['APNS_AUTH_ERROR', 401, 'THIRD_PARTY_AUTH',
    'FCM could not authenticate with APNs for this iOS app: the APNs credential uploaded to Firebase is invalid.',
    'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8).'],
  // Canonical statuses that carry a different meaning than the firebase-admin code they map to
  ['UNAUTHENTICATED', 401, 'CREDENTIAL_INVALID',
    'FCM did not accept imops\' own access token: the service account\'s OAuth token was rejected (firebase-admin reports this as a third-party auth error, which is misleading).',
    'Check the service-account file for this certificate ID: download a new key from the Firebase console > Project settings > Service accounts.'],
  ['PERMISSION_DENIED', 403, 'CREDENTIAL_INVALID',
    'The service account may not send through FCM for this project: it lacks the cloudmessaging.messages.create permission, the FCM API is disabled, or the project ID is wrong.',
    'Use a service account of the app\'s Firebase project with the "Firebase Cloud Messaging API Admin" role, enable the Firebase Cloud Messaging API, and check projectId in imops.yml.'],
  // firebase-admin codes
  ['messaging/registration-token-not-registered', 404, 'TOKEN_UNREGISTERED',
    'The FCM token is no longer valid: the app was uninstalled, its data cleared, the token rotated, or the device was inactive for a long time.', DELETE_FCM_TOKEN],
  ['messaging/installation-id-not-registered', 404, 'TOKEN_UNREGISTERED',
    'The Firebase installation is no longer registered.', DELETE_FCM_TOKEN],
  ['messaging/invalid-registration-token', 400, 'BAD_DEVICE_TOKEN',
    'This is not a valid FCM registration token: it is corrupted, truncated, or a token of another push service (an APNs or vendor token).',
    'Check what the app uploads: it must be the token from FirebaseMessaging.getToken(). Delete this one.'],
  ['messaging/invalid-argument', 400, 'PAYLOAD_REJECTED',
    'FCM rejected the message as invalid.',
    'The message text names the bad field; report it to the imops maintainers if it is not the token.'],
  ['messaging/mismatched-credential', 403, 'SENDER_MISMATCH',
    'The token belongs to another Firebase project than this service account, or the service account may not send for this project.',
    'Make sure the app was built with the google-services.json of the same Firebase project as the service account of this certificate ID.'],
  ['messaging/message-rate-exceeded', 429, 'RATE_LIMITED',
    'FCM\'s sending rate was exceeded.', 'Wait a few minutes before testing again.'],
  ['messaging/device-message-rate-exceeded', 429, 'RATE_LIMITED',
    'Too many messages were sent to this device in a short time.', 'Wait a few minutes before testing this device again.'],
  ['messaging/topics-message-rate-exceeded', 429, 'RATE_LIMITED',
    'Too many messages were sent to a topic.', 'Wait a few minutes.'],
  ['messaging/third-party-auth-error', 401, 'THIRD_PARTY_AUTH',
    'FCM could not deliver to the iPhone: the APNs key or certificate uploaded to Firebase is missing, expired or restricted to one APNs environment.',
    'In the Firebase console > Project settings > Cloud Messaging > Apple app, upload a valid APNs auth key (.p8) enabled for Sandbox and Production.'],
  ['messaging/authentication-error', 401, 'CREDENTIAL_INVALID',
    'FCM refused the request\'s authentication (a non-JSON 401/403, usually from a proxy or a revoked service account).',
    'Check the service-account file for this certificate ID and any proxy in front of FCM (providers.fcm.url).'],
  ['messaging/server-unavailable', 503, 'PROVIDER_UNAVAILABLE',
    'FCM stayed unavailable after firebase-admin\'s retries.', 'Try again in a few minutes; check status.firebase.google.com.'],
  ['messaging/internal-error', 500, 'PROVIDER_UNAVAILABLE',
    'FCM had an internal error.', 'Try again in a few minutes.'],
  ['messaging/unknown-error', undefined, 'PROVIDER_UNAVAILABLE',
    'FCM returned an error firebase-admin does not know.', 'Try again; if it repeats, report the raw reason to the imops maintainers.'],
  ['messaging/payload-size-limit-exceeded', 400, 'PAYLOAD_REJECTED',
    'The message is larger than FCM allows (4096 bytes).', 'Report it to the imops maintainers: the test message should be small.'],
  ['messaging/invalid-data-payload-key', 400, 'PAYLOAD_REJECTED',
    'The data payload uses a reserved key (from, gcm, google.*).', 'Report it to the imops maintainers.'],
  ['messaging/invalid-options', 400, 'PAYLOAD_REJECTED',
    'A message option (for example the TTL) is invalid.', 'Report it to the imops maintainers.'],
  ['messaging/invalid-package-name', 400, 'PAYLOAD_REJECTED',
    'The token is for another Android package name than the message allows.', 'Check that the app\'s package name matches the Firebase app registration.'],
  ['messaging/invalid-recipient', undefined, 'PAYLOAD_REJECTED',
    'The message has no valid recipient (firebase-admin refused it before sending).', 'Check the uploaded token is not empty.'],
  ['messaging/invalid-payload', undefined, 'PAYLOAD_REJECTED',
    'firebase-admin refused the message payload before sending.', 'Report it to the imops maintainers.'],
  ['messaging/too-many-topics', undefined, 'RATE_LIMITED',
    'The device is subscribed to too many topics.', 'Unsubscribe the device from unused topics.'],
  ['messaging/topics-subscription-rate-exceeded', 429, 'RATE_LIMITED',
    'Topic subscriptions changed too fast.', 'Wait a few minutes.'],
  ['app/invalid-credential', undefined, 'CREDENTIAL_INVALID',
    'imops could not get an OAuth access token for this service account.',
    'Check the service-account file for this certificate ID; download a new key from the Firebase console > Project settings > Service accounts.'],
  ['invalid_grant', 400, 'CREDENTIAL_INVALID',
    'Google refused the service account\'s signed assertion (invalid_grant): the server clock is off, or the key was revoked or deleted.',
    'Sync the server clock (NTP); if it is right, create a new key in the Firebase console > Project settings > Service accounts and replace the file.'],
  ['app/network-error', undefined, 'NETWORK',
    'imops could not reach FCM.', 'Check that the server can reach fcm.googleapis.com and oauth2.googleapis.com (or providers.fcm.url), and any proxy or firewall in between.'],
  ['app/network-timeout', undefined, 'NETWORK',
    'FCM did not answer in time.', 'Try again; if it repeats, check the network path to fcm.googleapis.com (or providers.fcm.url).'],
];

export const FCM_REASONS: ReadonlyMap<string, ReasonEntry> = new Map(
  FCM_ROWS.map(([reason, status, verdict, cause, fix]) => [reason, { provider: 'fcm', reason, status, verdict, cause, fix }]),
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
  const v1 = /\b(UNSPECIFIED_ERROR|INVALID_ARGUMENT|UNREGISTERED|SENDER_ID_MISMATCH|QUOTA_EXCEEDED|UNAVAILABLE|INTERNAL|THIRD_PARTY_AUTH_ERROR|APNS_AUTH_ERROR)\b/.exec(text)?.[1];
  if (v1) return pick(v1);
  return {
    provider: 'fcm',
    reason: code ?? 'unknown',
    verdict: 'PROVIDER_UNAVAILABLE',
    cause: `FCM failed with ${code ?? 'an unknown error'}, which imops does not know.`,
    fix: 'Try again; if it repeats, report the reason to the imops maintainers.',
  };
}
