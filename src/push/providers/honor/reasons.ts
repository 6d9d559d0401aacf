// Honor's answers (vendors.md §2.3). Honor's server response-code table was not found, so only the envelope is
// known: `code` 200 with `data.sendResult`, `failTokens` and `expireTokens`, the HTTP statuses, and the OAuth
// (Keycloak) refusals. Any other code is shown verbatim with Honor's words.
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';
import { unknownReason } from '../vendor/result.js';

type Row = [code: string, status: number | undefined, verdict: PushVerdict, cause: string, fix: string];

const CONSOLE = 'the Honor developer console (developer.honor.com) > Management center > your app > Push service';

const ROWS: Row[] = [
  [
    'expireTokens',
    200,
    'TOKEN_UNREGISTERED',
    'Honor listed this token in expireTokens: it expired (the app was uninstalled, its data cleared, or it registered again).',
    'Delete this token; the user must open the app (logged in) so it gets a new token from HonorPushClient.getPushToken() and uploads it.',
  ],
  [
    'failTokens',
    200,
    'BAD_DEVICE_TOKEN',
    'Honor listed this token in failTokens: it refused to send to it (a token of another app, a damaged token, or an HMS token from an older Honor phone, which needs the Huawei certificate).',
    'Check which push SDK the phone registered with: Honor Push works on Magic UI 4.0+ (China) / 4.2+ (overseas); older Honor phones get an HMS token, to be uploaded with the Huawei certificate ID. Otherwise have the app upload a fresh token.',
  ],
  [
    'sendResult',
    200,
    'PROVIDER_UNAVAILABLE',
    'Honor answered code 200 but sendResult false, without naming the token.',
    'Try again; if it repeats, ask Honor developer support with the requestId.',
  ],
  [
    'HTTP 401',
    401,
    'CREDENTIAL_INVALID',
    'Honor refused the access token, also the fresh one imops fetched right away: the Client ID / Client Secret belong to another app than the App ID in the URL.',
    `Copy App ID, Client ID and Client Secret of the same app from ${CONSOLE} into appId, clientId and clientSecret (not the App Secret).`,
  ],
  [
    'HTTP 403',
    403,
    'APP_NOT_APPROVED',
    'Honor does not let this app send (push service not enabled or not approved for the app).',
    `Enable the push service for the app in ${CONSOLE}, and check appId of this certificate.`,
  ],
  [
    'HTTP 404',
    404,
    'PROVIDER_UNAVAILABLE',
    'Honor answered 404: the URL or the App ID in it is wrong.',
    'Check providers.honor.url (default https://push-api.cloud.honor.com) and appId of this certificate.',
  ],
  ['HTTP 429', 429, 'RATE_LIMITED', 'Honor throttled the request.', 'Wait a minute and test again; Honor does not raise QPS limits on request.'],
  ['HTTP 500', 500, 'PROVIDER_UNAVAILABLE', 'Honor had a server error.', 'Try again in a few minutes.'],
  ['HTTP 502', 502, 'PROVIDER_UNAVAILABLE', 'Honor (or a gateway in front of it) had a network error.', 'Try again in a few minutes.'],
  ['HTTP 503', 503, 'PROVIDER_UNAVAILABLE', 'Honor is unavailable or overloaded.', 'Try again in a few minutes.'],
  // The OAuth token endpoint (Keycloak realm "developer").
  [
    'invalid_client',
    401,
    'CREDENTIAL_INVALID',
    "Honor's OAuth server refused the Client ID / Client Secret (a common mix-up: the App Secret is not the Client Secret).",
    `Copy Client ID and Client Secret (not App ID / App Secret) from ${CONSOLE} into clientId and clientSecret of this certificate.`,
  ],
  [
    'unauthorized_client',
    400,
    'CREDENTIAL_INVALID',
    "Honor's OAuth server does not allow this client to use client credentials.",
    `Use the Client ID and Client Secret shown for the app's push service in ${CONSOLE}.`,
  ],
  [
    'invalid_request',
    400,
    'CREDENTIAL_INVALID',
    "Honor's OAuth server found the token request incomplete (an empty Client ID or Client Secret).",
    'Check that clientId and clientSecret of this certificate are set (an unset ${ENV} variable leaves them empty).',
  ],
  [
    'unsupported_grant_type',
    400,
    'CREDENTIAL_INVALID',
    "Honor's OAuth server does not accept client credentials at this address.",
    'Set providers.honor.authUrl to https://iam.developer.honor.com (or remove it).',
  ],
];

export const HONOR_REASONS = reasonTable(
  'honor',
  ROWS.map(([reason, status, verdict, cause, fix]) => ({ reason, status, verdict, cause, fix })),
);

export function explainHonor(reason: string): ReasonEntry {
  return (
    HONOR_REASONS.get(reason) ??
    unknownReason(
      'honor',
      'Honor',
      reason,
      'Honor does not publish its response codes widely: read its message above, and ask Honor developer support (developer.honor.com) with the requestId if it repeats.',
    )
  );
}

export function explainHonorOAuth(error: string): ReasonEntry {
  return (
    HONOR_REASONS.get(error) ??
    unknownReason(
      'honor',
      "Honor's OAuth server",
      error,
      `Check clientId and clientSecret against ${CONSOLE}; the text above is what Honor said.`,
      'CREDENTIAL_INVALID',
    )
  );
}
