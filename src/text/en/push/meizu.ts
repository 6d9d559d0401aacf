// The words of meizu's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const CONSOLE = 'the Flyme push platform (open.flyme.cn > 推送平台 / push.meizu.com)';
const CREDENTIALS = `Copy App ID and App Secret again from ${CONSOLE} > 应用信息 into appId and appSecret of this certificate in imops.yml (the App Secret, not the App Key).`;
const IMOPS_BUG = 'Report it to the imops maintainers with the code and message: imops builds this request.';
const RETRY = 'Try again in a few minutes.';
const PUBLIC_QUOTA =
  'imops sends it as a public (公信) notification, which Meizu limits to 3 per device per day (5 for news apps) and folds beyond 5 a minute.';
const LIVE_LIMITS =
  'Meizu has no token endpoint: --live sent one signed request to a made-up pushId (nothing can be delivered). It checks the App ID and App Secret, not whether uploaded pushIds belong to this app or how much quota is left.';

export const meizu = {
  // Widened to ProviderNames so that another language may leave the article empty.
  names: {
    display: 'Meizu',
    article: 'a',
    device: 'Android (Meizu)',
    credentialKind: 'App ID and App Secret',
    token: 'a Meizu pushId',
    tokenSource: 'the pushId from MzPushMessageReceiver.onRegisterStatus()',
  } satisfies ProviderNames as ProviderNames,
  /** How the shared vendor sentences name who answered: "Meizu push did not answer in time". */
  serviceName: 'Meizu push',
  /** Where the codes are documented, for the fix of a code imops does not know. */
  docs: "Meizu's push API error codes (github.com/MEIZUPUSH/PushAPI, or open.flyme.cn)",

  /** vendors.md §6.3, MEIZUPUSH/PushAPI: the top-level `code` (a string). */
  reasons: {
    '500': { cause: 'Meizu push failed with an unspecified error.', fix: RETRY },
    '1001': { cause: 'Meizu push had a system error.', fix: RETRY },
    '1003': { cause: 'Meizu push is busy.', fix: RETRY },
    '1005': { cause: 'Meizu rejected a parameter of the message (messageJson).', fix: IMOPS_BUG },
    '1006': {
      cause: 'Meizu rejected the request signature: appSecret is wrong (often the App Key pasted instead), or of another app.',
      fix: CREDENTIALS,
    },
    '110000': { cause: 'Meizu does not know this appId.', fix: CREDENTIALS },
    '110001': { cause: 'Meizu says the app key is illegal.', fix: CREDENTIALS },
    '110004': { cause: 'Meizu says a required parameter is empty.', fix: IMOPS_BUG },
    '110009': {
      cause: 'Meizu has blacklisted the app: it may not push.',
      fix: `Check the app's status in ${CONSOLE} and contact Meizu developer support.`,
    },
    '110010': { cause: "The app's request rate at Meizu was exceeded.", fix: 'Wait a minute before testing again.' },
    '110019': {
      cause: "The app's daily push count at Meizu is used up.",
      fix: `Test again after the daily reset (midnight, China time); see the limits in ${CONSOLE}.`,
    },
    '110031': { cause: "Meizu says the app's package name is illegal.", fix: `Check the package name of the app in ${CONSOLE}.` },
    '110033': { cause: 'Meizu says the appSecret is illegal.', fix: CREDENTIALS },
    '110051': { cause: "The app's count limit at Meizu is exceeded.", fix: 'Test again tomorrow.' },
    '110053': { cause: "The app's pass-through message limit at Meizu is exceeded.", fix: IMOPS_BUG },
  },
  /** The per-pushId codes in `value`, which make a `code "200"` answer a failure for that pushId. */
  perPushId: {
    '201': {
      cause: 'Meizu refused to push to this pushId: the app has no permission.',
      fix: `Check that push is enabled for the app in ${CONSOLE}.`,
    },
    '501': { cause: 'Meizu failed to push to this pushId (a database error on its side).', fix: RETRY },
    '513': { cause: 'Meizu failed to push to this pushId.', fix: RETRY },
    '519': { cause: 'Meizu was overloaded and did not push to this pushId.', fix: RETRY },
    '520': {
      cause: 'Meizu folded the message: this phone got more than 5 messages from the app within a minute.',
      fix: 'Wait a minute before testing this device again.',
    },
    '110002': {
      cause: 'Meizu says the pushId is invalid or not subscribed: the app was uninstalled or unregistered, or the pushId belongs to another app.',
      fix: 'Delete this token; the user must open the app (logged in) so it registers with PushManager.register() and uploads the new pushId.',
    },
    '110003': {
      cause: 'Meizu says the pushId is illegal (not a pushId at all, cut or altered).',
      fix: 'Check what the app uploads: the pushId from MzPushMessageReceiver.onRegisterStatus(). Delete this one.',
    },
    '110005': { cause: 'Meizu says the alias is invalid.', fix: 'Upload the pushId, not an alias.' },
    '110010': {
      cause: 'The pushId is valid, but the user switched off push for the app on the phone (Flyme settings), so Meizu does not deliver to it.',
      fix: 'Ask the user to allow notifications for the app (Settings > Notifications and status bar > the app).',
    },
    '110011': {
      cause: "This phone's daily limit of public messages from the app (3, or 5 for news apps) is used up.",
      fix: 'Test this device again tomorrow; private (私信) messages under the 2025-05-07 rules are not limited.',
    },
  },

  // The credential check (config only: Meizu has no token endpoint).
  appIdNotNumber: (appId: string) => `appId ${appId} is not a number: Meizu's App ID is numeric.`,
  appIdFix: `Copy the App ID from ${CONSOLE} > 应用信息.`,
  spaces: 'appSecret contains spaces or line breaks, so every signature will be wrong (Meizu code 1006).',
  spacesFix: 'Paste the App Secret again without spaces.',
  /** The certificate's one-line health summary. */
  summary: (appId: string) => `App ID ${appId} (per-request signatures; no token to check offline)`,
  /** describeCertificate. */
  describe: (appId: string) => `Meizu, App ID ${appId}`,
  tooShort: (length: number) => `The token is ${length} characters; Meizu pushIds are about 45, so it was probably cut short.`,

  // The test push.
  publicQuota: PUBLIC_QUOTA,
  delivered: (appId: string) => `Meizu push accepted the test notification for App ID ${appId} (code 200, no failed pushIds). ${PUBLIC_QUOTA}`,
  deliveredFix:
    'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app in Flyme settings and that the user is logged in.',
  /** `problems`: the token's own problems, already in this language. */
  tokenLooksWrong: (problems: readonly string[]) => `The token itself looks wrong: ${problems.join(' ')}`,
  /** The step of a failure whose code is listed for this pushId in `value`. */
  sendForPushId: 'send (for this pushId)',

  /** `push certs --live`: a signed push to a pushId that cannot exist (Meizu has no token endpoint). */
  live: {
    accepted: (code: string) =>
      `Meizu accepted the App ID and App Secret (a signed probe to a made-up pushId, answered ${code}); it cannot tell whether uploaded pushIds belong to this app or how much quota is left`,
    answered200: 'Meizu answered the signed probe with code 200',
    unexpected: `${LIVE_LIMITS} Meizu accepted the made-up pushId without listing it as invalid, which imops did not expect.`,
    unexpectedFix: 'Send a test push to a real device with `imops push test`.',
    refused: 'Meizu refused the signed probe',
    /** `message`: Meizu's own words; `cause`: the reason's cause, already in this language. */
    refusedProblem: (code: string, message: string | undefined, cause: string) =>
      `Meizu answered ${code}${message ? ` ("${message}")` : ''}: ${cause} ${LIVE_LIMITS}`,
  },
};
