// The words of honor's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const names: ProviderNames = {
  display: 'Honor Push',
  article: 'a',
  device: 'Android (Honor Push)',
  credentialKind: 'OAuth client',
  token: 'a Honor Push token',
  tokenSource: 'the token from HonorPushClient.getPushToken()',
};

const CONSOLE = 'the Honor developer console (developer.honor.com) > Management center > your app > Push service';
const TRY_LATER = 'Try again in a few minutes.';

/**
 * Honor's answers (vendors.md §2.3): the envelope's token lists and sendResult, the HTTP statuses, and the OAuth
 * (Keycloak) refusals. Honor's server response-code table was not found; other codes are shown verbatim.
 */
const reasons = {
  expireTokens: {
    cause: 'Honor listed this token in expireTokens: it expired (the app was uninstalled, its data cleared, or it registered again).',
    fix: 'Delete this token; the user must open the app (logged in) so it gets a new token from HonorPushClient.getPushToken() and uploads it.',
  },
  failTokens: {
    cause:
      'Honor listed this token in failTokens: it refused to send to it (a token of another app, a damaged token, or an HMS token from an older Honor phone, which needs the Huawei certificate).',
    fix: 'Check which push SDK the phone registered with: Honor Push works on Magic UI 4.0+ (China) / 4.2+ (overseas); older Honor phones get an HMS token, to be uploaded with the Huawei certificate ID. Otherwise have the app upload a fresh token.',
  },
  sendResult: {
    cause: 'Honor answered code 200 but sendResult false, without naming the token.',
    fix: 'Try again; if it repeats, ask Honor developer support with the requestId.',
  },
  'HTTP 401': {
    cause:
      'Honor refused the access token, also the fresh one imops fetched right away: the Client ID / Client Secret belong to another app than the App ID in the URL.',
    fix: `Copy App ID, Client ID and Client Secret of the same app from ${CONSOLE} into appId, clientId and clientSecret (not the App Secret).`,
  },
  'HTTP 403': {
    cause: 'Honor does not let this app send (push service not enabled or not approved for the app).',
    fix: `Enable the push service for the app in ${CONSOLE}, and check appId of this certificate.`,
  },
  'HTTP 404': {
    cause: 'Honor answered 404: the URL or the App ID in it is wrong.',
    fix: 'Check providers.honor.url (default https://push-api.cloud.honor.com) and appId of this certificate.',
  },
  'HTTP 429': { cause: 'Honor throttled the request.', fix: 'Wait a minute and test again; Honor does not raise QPS limits on request.' },
  'HTTP 500': { cause: 'Honor had a server error.', fix: TRY_LATER },
  'HTTP 502': { cause: 'Honor (or a gateway in front of it) had a network error.', fix: TRY_LATER },
  'HTTP 503': { cause: 'Honor is unavailable or overloaded.', fix: TRY_LATER },
  invalid_client: {
    cause: "Honor's OAuth server refused the Client ID / Client Secret (a common mix-up: the App Secret is not the Client Secret).",
    fix: `Copy Client ID and Client Secret (not App ID / App Secret) from ${CONSOLE} into clientId and clientSecret of this certificate.`,
  },
  unauthorized_client: {
    cause: "Honor's OAuth server does not allow this client to use client credentials.",
    fix: `Use the Client ID and Client Secret shown for the app's push service in ${CONSOLE}.`,
  },
  invalid_request: {
    cause: "Honor's OAuth server found the token request incomplete (an empty Client ID or Client Secret).",
    fix: 'Check that clientId and clientSecret of this certificate are set (an unset ${ENV} variable leaves them empty).',
  },
  unsupported_grant_type: {
    cause: "Honor's OAuth server does not accept client credentials at this address.",
    fix: 'Set providers.honor.authUrl to https://iam.developer.honor.com (or remove it).',
  },
} satisfies Record<string, { cause: string; fix: string }>;

export const honor = {
  names,
  /** The vendor as sentences name it: "Honor issued an access token", "Honor did not answer". */
  vendor: 'Honor',
  reasons,
  /** The fix for a code imops does not know. */
  unknownFix:
    'Honor does not publish its response codes widely: read its message above, and ask Honor developer support (developer.honor.com) with the requestId if it repeats.',
  /** The fix for a token-endpoint refusal imops does not know. */
  unknownOAuthFix: `Check clientId and clientSecret against ${CONSOLE}; the text above is what Honor said.`,

  /** One line naming a certificate without its ID. */
  describe: (appId: string, importance: string | undefined) => `Honor Push, App ID ${appId}${importance ? `, importance ${importance}` : ''}`,
  /** `push certs`: what was checked. */
  summary: (appId: string, clientId: string, importance: string | undefined) =>
    `App ID ${appId}, client ${clientId}, importance ${importance ?? '(none: marketing quota)'}`,
  importanceLow: (id: string) => `Certificate ${id} has importance LOW, so Honor counts notifications as marketing: 2 per device per day (5 for news apps).`,
  importanceMissing: (id: string) =>
    `Certificate ${id} has no importance, so Honor counts every notification as marketing: 2 per device per day (5 for news apps), then they are dropped.`,
  importanceFix:
    'Apply for message self-classification in the Honor developer console > Push service, then set `importance: NORMAL` on this certificate in imops.yml.',
  secretFix: 'Set clientSecret to the Client Secret (not the App Secret) from the Honor developer console > your app > Push service.',
  clientIsAppId: (appId: string) => `clientId is the same as appId (${appId}); Honor's OAuth call takes the Client ID, which differs from the App ID.`,
  clientIsAppIdFix: 'Copy the Client ID and Client Secret (not App ID / App Secret) from the Honor developer console > your app > Push service.',

  /** Where a failure came from, for the cause. */
  step: 'Honor Push send',
  noDryRun: (clientId: string) => `Honor has no dry run: the access token for client ${clientId} was issued and the token's shape fits; nothing was sent.`,
  noDryRunFix: 'Nothing to fix for the credential; only a real test push shows whether Honor accepts this token.',
  accepted: (appId: string) => `Honor Push accepted the test notification for app ${appId} (marked as a test message).`,
  requestId: (id: string) => `Honor requestId ${id}.`,
};
