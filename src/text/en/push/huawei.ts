// The words of huawei's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const names: ProviderNames = {
  display: 'Huawei Push Kit',
  article: 'a',
  device: 'Android (Huawei Push Kit)',
  credentialKind: 'OAuth client',
  token: 'a Huawei Push Kit token',
  tokenSource: 'the token from HmsInstanceId.getToken()',
};

const AGC = 'AppGallery Connect';
const APP_INFO = `${AGC} > Project settings > App information`;
const RECAPTURE =
  'Have the user open the app (logged in) so it gets a fresh token from HmsInstanceId.getToken() and uploads it with this certificate ID; delete this one.';
const TRY_LATER = 'Try again in a few minutes.';

/** Push Kit's result codes, the HTTP statuses it sends without one, and the OAuth token endpoint's refusals. */
const reasons = {
  '80100000': {
    cause:
      'Push Kit accepted the request but listed this token in illegal_tokens: it is not a valid token for this app (uninstalled, from another app or project, truncated, or a HarmonyOS NEXT token, which the Android v1 API does not take).',
    fix: RECAPTURE,
  },
  '80100001': {
    cause: 'Push Kit rejected a parameter of the message (a wrong type or value; an unknown `category` is a common one).',
    fix: `Check \`category\` of this certificate in imops.yml against the self-classification rights approved in ${AGC} > Push Kit; if it is right, report the message text to the imops maintainers.`,
  },
  '80100002': {
    cause: 'Push Kit allows only one token in a request of this kind (a system or VoIP message).',
    fix: 'Report it to the imops maintainers: the test push sends one token.',
  },
  '80100003': {
    cause: 'Push Kit found the message structure wrong (for example `token` not beside `android` inside `message`).',
    fix: 'Report it to the imops maintainers with the message text; a proxy in front of Push Kit (providers.huawei.url) may have changed the body.',
  },
  '80100004': {
    cause: 'Push Kit rejected the message TTL: it is earlier than the current time.',
    fix: 'Check the server clock (NTP) and report it to the imops maintainers.',
  },
  '80100013': { cause: 'Push Kit rejected the collapse_key.', fix: 'Report it to the imops maintainers: the test push sends none.' },
  '80100016': {
    cause: "Push Kit's content filter rejected the notification text as sensitive.",
    fix: 'The test text is plain; if this repeats, ask Huawei developer support (AppGallery Connect > Support) why the app is filtered.',
  },
  '80200001': {
    cause:
      'Push Kit refused the OAuth access token: it is missing, or it was issued for another app than the App ID in the URL (clientId and appId of this certificate belong to different apps).',
    fix: `In ${APP_INFO}, copy the App ID and the OAuth 2.0 client ID and secret of the same app into appId, clientId and clientSecret of this certificate.`,
  },
  '80200003': {
    cause:
      'Push Kit said the OAuth access token expired, and the fresh one imops fetched right away was called expired too (the server clock is far off, or a proxy serves an old token).',
    fix: 'Check the server clock (NTP) and any proxy between imops and oauth-login.cloud.huawei.com (providers.huawei.authUrl); then run the check again.',
  },
  '80300002': {
    cause:
      'Push Kit does not let this app send: Push Kit is not enabled for the app, or the App ID in the URL is not the app the token and credential belong to.',
    fix: `In ${AGC} > your project > Grow > Push Kit, enable the service for this app, and check that appId of this certificate is that app's App ID.`,
  },
  '80300007': {
    cause:
      'Push Kit said the token is invalid: whitespace or truncation, a token of another app or project, or a HarmonyOS NEXT (5+) device, whose tokens work only on the v3 HarmonyOS API.',
    fix: `${RECAPTURE} If the phone runs HarmonyOS NEXT, the app needs the HarmonyOS push integration (v3 API), not this Android certificate.`,
  },
  '80300008': { cause: 'The message body is larger than Push Kit allows (4 KB).', fix: 'Report it to the imops maintainers: the test message is small.' },
  '80300010': {
    cause: 'Push Kit counted no valid token in the request (0 or more than 1000), or the `message` field is misspelled.',
    fix: 'Check that the uploaded token is not empty; otherwise report it to the imops maintainers.',
  },
  '81000001': { cause: 'Push Kit had an internal error.', fix: TRY_LATER },
  'HTTP 401': { cause: 'Push Kit refused the Authorization header.', fix: `Check clientId and clientSecret of this certificate in ${APP_INFO}.` },
  'HTTP 404': {
    cause: 'Push Kit answered 404: the URL is wrong (a proxy path, or an appId with characters that do not belong there).',
    fix: 'Check providers.huawei.url (default https://push-api.cloud.huawei.com) and appId of this certificate.',
  },
  'HTTP 500': { cause: 'Push Kit had a server error.', fix: TRY_LATER },
  'HTTP 502': { cause: 'Push Kit (or a gateway in front of it) had a network error.', fix: TRY_LATER },
  'HTTP 503': {
    cause: "Push Kit's flow control refused the request: the app's QPS limit or Huawei's global limit was exceeded.",
    fix: 'Wait a minute and test again; if the app sends a lot, its QPS limit depends on its monthly active users and category (AppGallery Connect > Push Kit).',
  },
  '1101': {
    cause:
      "Huawei's OAuth server refused the client credentials (error 1101, invalid request: usually a wrong client ID or client secret; the sub_error and text say which).",
    fix: `Copy the OAuth 2.0 client ID and client secret from ${APP_INFO} (App ID / client secret of the app) into clientId and clientSecret of this certificate.`,
  },
  invalid_client: {
    cause: "Huawei's OAuth server does not know this client ID or the secret does not match.",
    fix: `Copy the OAuth 2.0 client ID and client secret from ${APP_INFO} into clientId and clientSecret of this certificate.`,
  },
  invalid_request: {
    cause: "Huawei's OAuth server found the token request incomplete (an empty client ID or secret).",
    fix: 'Check that clientId and clientSecret of this certificate are set (an unset ${ENV} variable leaves them empty).',
  },
  unsupported_grant_type: {
    cause:
      "Huawei's OAuth server does not accept client credentials at this address (providers.huawei.authUrl points somewhere else, for example the legacy login.cloud.huawei.com).",
    fix: 'Set providers.huawei.authUrl to https://oauth-login.cloud.huawei.com (or remove it).',
  },
} satisfies Record<string, { cause: string; fix: string }>;

export const huawei = {
  names,
  /** The vendor as sentences name it: "Huawei issued an access token". */
  vendor: 'Huawei',
  reasons,
  /** The fix for a Push Kit code imops does not know. */
  unknownFix:
    "Look the code up in Huawei's Push Kit server error codes (developer.huawei.com > HMS Core > Push Kit > Error codes) and the message text; if it repeats, ask Huawei developer support with the requestId.",
  /** The fix for a token-endpoint refusal imops does not know. */
  unknownOAuthFix: `Check clientId and clientSecret of this certificate against ${APP_INFO}; the text above is what Huawei said.`,

  /** One line naming a certificate without its ID. */
  describe: (appId: string, category: string | undefined) => `Huawei Push Kit, App ID ${appId}${category ? `, category ${category}` : ''}`,
  /** `push certs`: what was checked. */
  summary: (appId: string, clientId: string, category: string | undefined) =>
    `App ID ${appId}, OAuth client ${clientId}, category ${category ?? '(none: marketing quota)'}`,
  categoryMissing: (id: string) =>
    `Certificate ${id} has no category, so Huawei counts every notification as marketing: 2 per device per day (5 for news apps), then they are dropped silently.`,
  categoryUnknown: (id: string, category: string, known: readonly string[]) =>
    `Certificate ${id} has category ${category}, which is not one Push Kit documents (${known.join(', ')}); Huawei may reject it or count the message as marketing.`,
  categoryFix: `Apply for self-classification rights in ${AGC} > Grow > Push Kit > Self-classification rights, then set \`category\` of this certificate in imops.yml to the approved category (IM for chat messages).`,
  appIdNotDigits: (appId: string) => `appId ${appId} is not all digits; ${AGC} App IDs are numbers (such as 104000001).`,
  appIdFix: `Copy the App ID from ${APP_INFO} (not the package name or the project ID).`,
  clientIdNotDigits: (clientId: string) => `clientId ${clientId} is not all digits; Huawei OAuth client IDs are numbers.`,
  clientIdFix: `Copy the OAuth 2.0 client ID from ${APP_INFO} (for the app-level credential it is the App ID).`,
  secretFix: `Set clientSecret to the client secret from ${APP_INFO}.`,
  /** A token of an unusual length (tokens are about 130 characters). */
  tokenLength: (length: number) => `The token is ${length} characters long; Huawei Push Kit tokens are usually about 130, so it may be cut short.`,

  /** Where a failure came from, for the cause. */
  steps: { validate: 'Huawei Push Kit dry run (validate_only)', send: 'Huawei Push Kit send' },
  validated: (appId: string) => `Huawei Push Kit validated the test notification for app ${appId} (validate_only: nothing was shown on the phone).`,
  accepted: (appId: string) =>
    `Huawei Push Kit accepted the test notification for app ${appId} (dry run with validate_only, then the real send, marked as a test message).`,
  inIllegalTokens: 'The token is in illegal_tokens.',
  requestId: (id: string) => `Huawei requestId ${id}.`,
  /** `push certs --live` with providers.huawei pointing at the hosts of the legacy API. */
  legacyHost: {
    problem: 'providers.huawei points at a legacy host (login.cloud.huawei.com or api.push.hicloud.com), which the v1 API does not use.',
    fix: 'Remove providers.huawei.authUrl and url (or set them to https://oauth-login.cloud.huawei.com and https://push-api.cloud.huawei.com).',
  },
};
