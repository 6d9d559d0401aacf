// Huawei's answers (vendors.md §1.3): the Push Kit result codes, the HTTP statuses it sends without one, and the
// OAuth token endpoint's refusals, each with a verdict, a cause and a fix in AppGallery Connect's terms.
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';
import { unknownReason } from '../vendor/result.js';

type Row = [code: string, status: number | undefined, verdict: PushVerdict, cause: string, fix: string];

const AGC = 'AppGallery Connect';
const RECAPTURE =
  'Have the user open the app (logged in) so it gets a fresh token from HmsInstanceId.getToken() and uploads it with this certificate ID; delete this one.';

const ROWS: Row[] = [
  [
    '80100000',
    200,
    'BAD_DEVICE_TOKEN',
    'Push Kit accepted the request but listed this token in illegal_tokens: it is not a valid token for this app (uninstalled, from another app or project, truncated, or a HarmonyOS NEXT token, which the Android v1 API does not take).',
    RECAPTURE,
  ],
  [
    '80100001',
    400,
    'PAYLOAD_REJECTED',
    'Push Kit rejected a parameter of the message (a wrong type or value; an unknown `category` is a common one).',
    `Check \`category\` of this certificate in imops.yml against the self-classification rights approved in ${AGC} > Push Kit; if it is right, report the message text to the imops maintainers.`,
  ],
  [
    '80100002',
    400,
    'PAYLOAD_REJECTED',
    'Push Kit allows only one token in a request of this kind (a system or VoIP message).',
    'Report it to the imops maintainers: the test push sends one token.',
  ],
  [
    '80100003',
    400,
    'PAYLOAD_REJECTED',
    'Push Kit found the message structure wrong (for example `token` not beside `android` inside `message`).',
    'Report it to the imops maintainers with the message text; a proxy in front of Push Kit (providers.huawei.url) may have changed the body.',
  ],
  [
    '80100004',
    400,
    'PAYLOAD_REJECTED',
    'Push Kit rejected the message TTL: it is earlier than the current time.',
    'Check the server clock (NTP) and report it to the imops maintainers.',
  ],
  ['80100013', 400, 'PAYLOAD_REJECTED', 'Push Kit rejected the collapse_key.', 'Report it to the imops maintainers: the test push sends none.'],
  [
    '80100016',
    400,
    'CONTENT_REJECTED',
    "Push Kit's content filter rejected the notification text as sensitive.",
    'The test text is plain; if this repeats, ask Huawei developer support (AppGallery Connect > Support) why the app is filtered.',
  ],
  [
    '80200001',
    401,
    'CREDENTIAL_INVALID',
    'Push Kit refused the OAuth access token: it is missing, or it was issued for another app than the App ID in the URL (clientId and appId of this certificate belong to different apps).',
    `In ${AGC} > Project settings > App information, copy the App ID and the OAuth 2.0 client ID and secret of the same app into appId, clientId and clientSecret of this certificate.`,
  ],
  [
    '80200003',
    401,
    'CREDENTIAL_EXPIRED',
    'Push Kit said the OAuth access token expired, and the fresh one imops fetched right away was called expired too (the server clock is far off, or a proxy serves an old token).',
    'Check the server clock (NTP) and any proxy between imops and oauth-login.cloud.huawei.com (providers.huawei.authUrl); then run the check again.',
  ],
  [
    '80300002',
    403,
    'APP_NOT_APPROVED',
    'Push Kit does not let this app send: Push Kit is not enabled for the app, or the App ID in the URL is not the app the token and credential belong to.',
    `In ${AGC} > your project > Grow > Push Kit, enable the service for this app, and check that appId of this certificate is that app's App ID.`,
  ],
  [
    '80300007',
    400,
    'BAD_DEVICE_TOKEN',
    'Push Kit said the token is invalid: whitespace or truncation, a token of another app or project, or a HarmonyOS NEXT (5+) device, whose tokens work only on the v3 HarmonyOS API.',
    `${RECAPTURE} If the phone runs HarmonyOS NEXT, the app needs the HarmonyOS push integration (v3 API), not this Android certificate.`,
  ],
  [
    '80300008',
    400,
    'PAYLOAD_REJECTED',
    'The message body is larger than Push Kit allows (4 KB).',
    'Report it to the imops maintainers: the test message is small.',
  ],
  [
    '80300010',
    400,
    'PAYLOAD_REJECTED',
    'Push Kit counted no valid token in the request (0 or more than 1000), or the `message` field is misspelled.',
    'Check that the uploaded token is not empty; otherwise report it to the imops maintainers.',
  ],
  ['81000001', 500, 'PROVIDER_UNAVAILABLE', 'Push Kit had an internal error.', 'Try again in a few minutes.'],
  // HTTP statuses Push Kit sends without a result code (vendors.md §1.3).
  [
    'HTTP 401',
    401,
    'CREDENTIAL_INVALID',
    'Push Kit refused the Authorization header.',
    `Check clientId and clientSecret of this certificate in ${AGC} > Project settings > App information.`,
  ],
  [
    'HTTP 404',
    404,
    'PROVIDER_UNAVAILABLE',
    'Push Kit answered 404: the URL is wrong (a proxy path, or an appId with characters that do not belong there).',
    'Check providers.huawei.url (default https://push-api.cloud.huawei.com) and appId of this certificate.',
  ],
  ['HTTP 500', 500, 'PROVIDER_UNAVAILABLE', 'Push Kit had a server error.', 'Try again in a few minutes.'],
  ['HTTP 502', 502, 'PROVIDER_UNAVAILABLE', 'Push Kit (or a gateway in front of it) had a network error.', 'Try again in a few minutes.'],
  [
    'HTTP 503',
    503,
    'RATE_LIMITED',
    "Push Kit's flow control refused the request: the app's QPS limit or Huawei's global limit was exceeded.",
    'Wait a minute and test again; if the app sends a lot, its QPS limit depends on its monthly active users and category (AppGallery Connect > Push Kit).',
  ],
  // The OAuth token endpoint (oauth-login.cloud.huawei.com/oauth2/v3/token).
  [
    '1101',
    400,
    'CREDENTIAL_INVALID',
    "Huawei's OAuth server refused the client credentials (error 1101, invalid request: usually a wrong client ID or client secret; the sub_error and text say which).",
    `Copy the OAuth 2.0 client ID and client secret from ${AGC} > Project settings > App information (App ID / client secret of the app) into clientId and clientSecret of this certificate.`,
  ],
  [
    'invalid_client',
    401,
    'CREDENTIAL_INVALID',
    "Huawei's OAuth server does not know this client ID or the secret does not match.",
    `Copy the OAuth 2.0 client ID and client secret from ${AGC} > Project settings > App information into clientId and clientSecret of this certificate.`,
  ],
  [
    'invalid_request',
    400,
    'CREDENTIAL_INVALID',
    "Huawei's OAuth server found the token request incomplete (an empty client ID or secret).",
    'Check that clientId and clientSecret of this certificate are set (an unset ${ENV} variable leaves them empty).',
  ],
  [
    'unsupported_grant_type',
    400,
    'CREDENTIAL_INVALID',
    "Huawei's OAuth server does not accept client credentials at this address (providers.huawei.authUrl points somewhere else, for example the legacy login.cloud.huawei.com).",
    'Set providers.huawei.authUrl to https://oauth-login.cloud.huawei.com (or remove it).',
  ],
];

export const HUAWEI_REASONS = reasonTable(
  'huawei',
  ROWS.map(([reason, status, verdict, cause, fix]) => ({ reason, status, verdict, cause, fix })),
);

export function explainHuawei(reason: string): ReasonEntry {
  return (
    HUAWEI_REASONS.get(reason) ??
    unknownReason(
      'huawei',
      'Huawei',
      reason,
      "Look the code up in Huawei's Push Kit server error codes (developer.huawei.com > HMS Core > Push Kit > Error codes) and the message text; if it repeats, ask Huawei developer support with the requestId.",
    )
  );
}

/** A token-endpoint refusal: its own row when imops knows the code, else a credential failure shown verbatim. */
export function explainHuaweiOAuth(error: string): ReasonEntry {
  return (
    HUAWEI_REASONS.get(error) ??
    unknownReason(
      'huawei',
      "Huawei's OAuth server",
      error,
      'Check clientId and clientSecret of this certificate against AppGallery Connect > Project settings > App information; the text above is what Huawei said.',
      'CREDENTIAL_INVALID',
    )
  );
}
