// APNs' answers: every `reason` Apple lists (push-failures.md §1.2), each with the verdict a support engineer sees
// and a cause and fix written for them. A reason Apple adds later is one row here.
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';

type Row = [reason: string, status: number, verdict: PushVerdict, cause: string, fix: string];

const APNS_ROWS: Row[] = [
  [
    'BadCollapseId',
    400,
    'PAYLOAD_REJECTED',
    'APNs rejected the apns-collapse-id header: it is longer than 64 bytes.',
    'This is a sender bug, not a device problem: hash or shorten the collapse ID to at most 64 bytes.',
  ],
  [
    'BadDeviceToken',
    400,
    'BAD_DEVICE_TOKEN',
    'APNs rejected the device token in both environments: it is not a token APNs knows (corrupted, truncated, base64 instead of hex, or not an APNs token at all).',
    'Ask the user to reinstall or log in again so the app uploads a fresh token from didRegisterForRemoteNotificationsWithDeviceToken (hex, usually 64 characters).',
  ],
  [
    'BadExpirationDate',
    400,
    'PAYLOAD_REJECTED',
    'APNs rejected the apns-expiration header: it is not a UNIX time in seconds.',
    'Send the expiration as whole epoch seconds (0 = deliver once, do not store).',
  ],
  [
    'BadMessageId',
    400,
    'PAYLOAD_REJECTED',
    'APNs rejected the apns-id header: it is not a canonical UUID.',
    'Send a lowercase 8-4-4-4-12 UUID, or leave the header out and let APNs assign one.',
  ],
  [
    'BadPriority',
    400,
    'PAYLOAD_REJECTED',
    'APNs rejected the apns-priority header: only 10, 5 and 1 are allowed.',
    'Use priority 10 for alerts, 5 for background (content-available) pushes.',
  ],
  [
    'BadTopic',
    400,
    'TOPIC_INVALID',
    'APNs rejected the apns-topic: the bundle ID configured for this certificate is misspelled, or has the wrong suffix for the push type.',
    "Set bundleId of this certificate in imops.yml to the app's exact bundle ID (Xcode > target > Signing & Capabilities), without .voip or other suffixes for alerts.",
  ],
  [
    'DeviceTokenNotForTopic',
    400,
    'TOKEN_NOT_FOR_TOPIC',
    'The token belongs to another app: it was issued for a different bundle ID (for example a dev flavour com.x.dev vs com.x) or another team.',
    'Check which build the user runs: upload its token with the certificate ID configured for that bundle ID, or configure a certificate for the bundle ID the build uses.',
  ],
  [
    'DuplicateHeaders',
    400,
    'PAYLOAD_REJECTED',
    'APNs saw the same header twice in the request, which usually means a proxy in between duplicated headers.',
    'Check any HTTP proxy between imops and APNs (providers.apns.productionUrl / sandboxUrl); send directly to Apple to confirm.',
  ],
  [
    'IdleTimeout',
    400,
    'NETWORK',
    'APNs closed the connection because it was idle for too long.',
    'Run the check again: imops opens a new connection. If it keeps happening, a proxy is holding idle connections open.',
  ],
  [
    'InvalidPushType',
    400,
    'PAYLOAD_REJECTED',
    'APNs rejected the apns-push-type header: the value is unknown or does not fit the topic.',
    'Send apns-push-type alert to the plain bundle ID; other push types need their own topic suffix.',
  ],
  [
    'MissingDeviceToken',
    400,
    'BAD_DEVICE_TOKEN',
    'The request had no device token: the app uploaded an empty token.',
    "Fix the app's upload: it must send the token from didRegisterForRemoteNotificationsWithDeviceToken after login.",
  ],
  [
    'MissingTopic',
    400,
    'TOPIC_INVALID',
    'APNs needs an apns-topic for token (.p8) authentication and multi-topic certificates, and none was sent.',
    'Set bundleId for this certificate in imops.yml.',
  ],
  ['PayloadEmpty', 400, 'PAYLOAD_REJECTED', 'APNs received an empty notification body.', 'This is a sender bug: send a JSON payload with an aps dictionary.'],
  [
    'TopicDisallowed',
    400,
    'TOPIC_INVALID',
    'APNs does not allow pushes to this topic: push notifications are not enabled for the App ID, or the topic is restricted.',
    'Enable the Push Notifications capability for the App ID in the Apple Developer portal, and check bundleId in imops.yml.',
  ],
  [
    'BadCertificate',
    403,
    'CREDENTIAL_INVALID',
    'APNs refused the client certificate: it is revoked, corrupted, not paired with its key, or not an APNs certificate (e.g. an iOS Distribution certificate).',
    'Create a new "Apple Push Notification service SSL (Sandbox & Production)" certificate, or move to a .p8 token key, and update it in place in the IM console so the certificate ID stays the same.',
  ],
  [
    'BadCertificateEnvironment',
    403,
    'CERT_ENVIRONMENT_MISMATCH',
    'The certificate is for the other APNs environment (a "Development" certificate used against production, or the reverse).',
    'Use a universal "Apple Push Services" certificate, or set this certificate\'s environment in imops.yml to the one it was issued for.',
  ],
  [
    'ExpiredProviderToken',
    403,
    'CREDENTIAL_EXPIRED',
    'APNs says the signed provider token (JWT) is older than one hour; usually the clock of the sending server is wrong.',
    'Sync the server clock (NTP) and run the check again; imops signs a fresh token.',
  ],
  [
    'Forbidden',
    403,
    'CREDENTIAL_INVALID',
    'The credential is not allowed to push to this topic: the key or certificate belongs to another team, or its access was revoked.',
    'Check in the Apple Developer portal that the key/certificate and the App ID belong to the same team, and that the key is not revoked.',
  ],
  [
    'InvalidProviderToken',
    403,
    'CREDENTIAL_INVALID',
    "APNs could not verify the provider token: the Key ID or Team ID is wrong, the .p8 does not belong to that Key ID, the key is revoked, or the bundle ID is outside the key's team or scope.",
    'Compare keyId and teamId in imops.yml with Apple Developer > Keys and Membership, and use the .p8 downloaded for that key ID.',
  ],
  [
    'MissingProviderToken',
    403,
    'CREDENTIAL_INVALID',
    'APNs got neither a provider token nor a client certificate: the credential never reached APNs (a TLS-terminating proxy can strip the client certificate).',
    "Check the certificate's auth settings in imops.yml, and that no proxy terminates TLS between imops and APNs.",
  ],
  [
    'UnrelatedKeyIdInToken',
    403,
    'CREDENTIAL_INVALID',
    'The Key ID differs from the one the first push on this connection used: keys from several teams were mixed on one connection.',
    "Run the check again on a fresh connection; if it repeats, give each team's key its own certificate entry in imops.yml.",
  ],
  [
    'BadEnvironmentKeyInToken',
    403,
    'CERT_ENVIRONMENT_MISMATCH',
    'The .p8 key is restricted to the other APNs environment (Apple lets a key be limited to Sandbox or Production).',
    "Use a key enabled for this certificate's environment (or for both) in Apple Developer > Keys, or set the certificate's environment to the one the key allows.",
  ],
  [
    'BadEnvironmentKeyIdInToken',
    403,
    'CERT_ENVIRONMENT_MISMATCH',
    'The .p8 key is restricted to the other APNs environment (Apple lets a key be limited to Sandbox or Production).',
    "Use a key enabled for this certificate's environment (or for both) in Apple Developer > Keys, or set the certificate's environment to the one the key allows.",
  ],
  [
    'BadPath',
    404,
    'PAYLOAD_REJECTED',
    'APNs did not recognise the request path: something between imops and APNs rewrote the URL.',
    'Check providers.apns.productionUrl / sandboxUrl: they must be the bare host (https://api.push.apple.com), with no path.',
  ],
  [
    'MethodNotAllowed',
    405,
    'PAYLOAD_REJECTED',
    'APNs accepts only POST, and received another method: a proxy changed the request.',
    'Check the proxy configured in providers.apns; send directly to Apple to confirm.',
  ],
  [
    'ExpiredToken',
    410,
    'TOKEN_UNREGISTERED',
    'The device token has expired: it is old and APNs no longer accepts it.',
    'Delete this token; the user must open the app (logged in) so it registers and uploads a new one.',
  ],
  [
    'Unregistered',
    410,
    'TOKEN_UNREGISTERED',
    'The token is no longer active: the app was uninstalled, or notifications were reset on the device, at the time shown.',
    'Delete this token; pushes resume once the user reinstalls or opens the app and it uploads a new token.',
  ],
  [
    'PayloadTooLarge',
    413,
    'PAYLOAD_REJECTED',
    'The notification payload is larger than 4096 bytes.',
    'Send an ID in the push and fetch the content in the app (notification service extension).',
  ],
  [
    'TooManyProviderTokenUpdates',
    429,
    'RATE_LIMITED',
    'The provider token was renewed too often (more than once per 20 minutes), typically by several processes each signing their own.',
    'Wait 20 minutes before testing again; share one signed token per key across workers.',
  ],
  [
    'TooManyRequests',
    429,
    'RATE_LIMITED',
    'Too many pushes were sent to this device token in a short time.',
    'Wait a few minutes before testing this device again.',
  ],
  [
    'InternalServerError',
    500,
    'PROVIDER_UNAVAILABLE',
    'APNs had an internal error.',
    'Nothing is wrong with the app or the token: try again in a few minutes.',
  ],
  [
    'ServiceUnavailable',
    503,
    'PROVIDER_UNAVAILABLE',
    'APNs is temporarily unavailable.',
    'Try again in a few minutes; check developer.apple.com/system-status.',
  ],
  [
    'Shutdown',
    503,
    'PROVIDER_UNAVAILABLE',
    'The APNs server was shutting down and closed the connection.',
    'Run the check again: imops reconnects to another APNs server.',
  ],
];

export const APNS_REASONS = reasonTable(
  'apns',
  APNS_ROWS.map(([reason, status, verdict, cause, fix]) => ({ reason, status, verdict, cause, fix })),
);

/** The two reasons that can mean "this token belongs to the other APNs environment": worth one retry there. */
export const APNS_ENVIRONMENT_REASONS: ReadonlySet<string> = new Set(['BadDeviceToken', 'BadEnvironmentKeyInToken', 'BadEnvironmentKeyIdInToken']);

/** The catalogue entry for an APNs answer; reasons Apple adds later fall back by HTTP status. */
export function explainApnsReason(reason: string | undefined, status: number | undefined): ReasonEntry {
  const known = reason ? APNS_REASONS.get(reason) : undefined;
  if (known) return known;
  const said = `APNs answered ${status ?? 'without a status'}${reason ? ` with reason "${reason}"` : ''}, which imops does not know.`;
  const base = { provider: 'apns' as const, reason: reason ?? String(status ?? 'unknown'), status };
  if (status === 403)
    return {
      ...base,
      verdict: 'CREDENTIAL_INVALID',
      cause: `${said} A 403 means APNs refused the credential.`,
      fix: 'Check the key or certificate for this certificate ID, and look the reason up in Apple\'s "Handling notification responses from APNs".',
    };
  if (status === 410)
    return {
      ...base,
      verdict: 'TOKEN_UNREGISTERED',
      cause: `${said} A 410 means the token is no longer valid.`,
      fix: 'Delete this token; the app must upload a new one.',
    };
  if (status === 429)
    return { ...base, verdict: 'RATE_LIMITED', cause: `${said} A 429 means too many requests.`, fix: 'Wait a few minutes before testing again.' };
  if (status !== undefined && status >= 500)
    return { ...base, verdict: 'PROVIDER_UNAVAILABLE', cause: `${said} A 5xx is a problem on Apple's side.`, fix: 'Try again in a few minutes.' };
  return {
    ...base,
    verdict: 'PAYLOAD_REJECTED',
    cause: `${said} APNs rejected the request.`,
    fix: 'Look the reason up in Apple\'s "Handling notification responses from APNs" and report it to the imops maintainers.',
  };
}
