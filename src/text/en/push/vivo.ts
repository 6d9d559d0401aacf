// The words of vivo's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const CONSOLE = 'the vivo developer console (dev.vivo.com.cn) > 推送服务 (Push)';
const CREDENTIALS = `Copy APP ID, APP KEY and APP SECRET again from ${CONSOLE} > 应用信息 into appId, appKey and appSecret of this certificate in imops.yml.`;
const IMOPS_BUG = 'Report it to the imops maintainers with the code and desc: imops builds this request.';
const SYSTEM_CATEGORY = 'Set category to a system category approved for the app (IM for chat) in imops.yml';

export const vivo = {
  // Widened to ProviderNames so that another language may leave the article empty.
  names: {
    display: 'vivo',
    article: 'a',
    device: 'Android (vivo)',
    credentialKind: 'APP ID, APP KEY and APP SECRET',
    token: 'a vivo regId',
    tokenSource: 'the regId from PushClient.getInstance(context).getRegId()',
  } satisfies ProviderNames as ProviderNames,
  /** How the shared vendor sentences name who answered: "vivo push did not answer in time", "vivo issued…". */
  serviceName: 'vivo push',
  vendorName: 'vivo',
  /** Where the codes are documented, for the fix of a code imops does not know. */
  docs: "vivo's push server API result codes (dev.vivo.com.cn, 推送服务 > 服务端API)",

  /**
   * vendors.md §5, vivo 消息推送服务端API 2.9.x. vivo's full table was not available: a code not listed here is
   * shown verbatim with vivo's `desc`.
   */
  reasons: {
    '10000': {
      cause: 'vivo did not accept the authToken even after imops fetched a fresh one (it belongs to another app, or vivo revoked it).',
      fix: `${CREDENTIALS} Then run \`imops push certs --live\`.`,
    },
    '10070': {
      cause: "The app's total daily send volume at vivo is used up.",
      fix: `Do not send again today (vivo lowers the quota of apps that keep calling after 10070); check the quota in ${CONSOLE} > 数据统计 and set a system category (IM) so chat messages use the larger system quota.`,
    },
    '10071': {
      cause: 'vivo refused the send time: operation messages (classification 0, or no category) go out only between 07:00 and 23:00 China time.',
      fix: `${SYSTEM_CATEGORY}, or test between 07:00 and 23:00 China time.`,
    },
    '10072': { cause: 'imops sent to vivo too fast.', fix: 'Wait a minute before testing again.' },
    '10073': {
      cause: "The app's daily total of system messages at vivo is used up.",
      fix: `Test again after the daily reset (midnight, China time); request a larger system quota in ${CONSOLE}.`,
    },
    '10085': {
      cause: 'vivo rejected the title or content: formal messages may not be pure digits, pure English or symbols, nor contain "测试" (test) or brackets.',
      fix: 'Set pushMode: 1 on this certificate and register the phone as a test device in the vivo console (推送服务 > 测试设备), or keep pushMode 0 (imops sends a Chinese title).',
    },
    '10104': {
      cause: "vivo's content check rejected the message text.",
      fix: 'Set pushMode: 1 on this certificate and register the phone as a test device in the vivo console (推送服务 > 测试设备).',
    },
    '10094': { cause: 'The appId does not match the app the authToken was issued to.', fix: CREDENTIALS },
    '10200': {
      cause: 'vivo refused the auth request: appId, appKey, timestamp or sign is missing, or vivo does not know the appId.',
      fix: CREDENTIALS,
    },
    '10206': {
      cause: 'vivo rejected the signature of the auth request: appKey or appSecret is wrong (or of another app).',
      fix: CREDENTIALS,
    },
    '10207': {
      cause: "vivo rejected imops' timestamp: this server's clock is more than 10 minutes from vivo's.",
      fix: 'Sync the server clock (NTP: `timedatectl set-ntp true` or chrony) and test again.',
    },
    '10250': {
      cause: 'Too many auth requests for this app at vivo (more than 10 per second).',
      fix: 'Wait a minute; imops reuses one authToken, so another system is fetching tokens for the same app too.',
    },
    '10252': { cause: 'vivo refused the batch payload.', fix: IMOPS_BUG },
    '10254': { cause: "The app's full-push (broadcast) limit at vivo is reached.", fix: 'Test again tomorrow.' },
    '10302': {
      cause: 'vivo says the regId is illegal: it is mistyped or cut, belongs to another app, or the app was uninstalled.',
      fix: 'Have the app upload the regId from PushClient.getInstance(context).getRegId() of this app again; delete this one.',
    },
  },

  // The credential check (config only): the classification whose absence makes every notification an operation
  // message (marketing quota, 07:00–23:00 only), test mode, then the fields themselves.
  noCategory: (id: string) =>
    `Certificate ${id} has no category: vivo treats the message as an operation (marketing) message, limited to 2 per device per day and sent only between 07:00 and 23:00.`,
  noCategoryFix: `${SYSTEM_CATEGORY}, as configured in ${CONSOLE} > 消息分类.`,
  operationCategory: (id: string, category: string) =>
    `Certificate ${id} has category ${category}, an operation (marketing) category: vivo limits it to 2 per device per day, between 07:00 and 23:00.`,
  operationCategoryFix: 'For chat messages use category IM.',
  appIdNotNumber: (appId: string) => `appId ${appId} is not a number: vivo's APP ID is numeric.`,
  appIdFix: `Copy the APP ID from ${CONSOLE} > 应用信息.`,
  spaces: 'appKey or appSecret contains spaces or line breaks, so vivo will reject the signature.',
  spacesFix: 'Paste the values again without spaces.',
  sameKeys: 'appKey and appSecret are the same value: vivo issues two different ones.',
  sameKeysFix: `Copy both again from ${CONSOLE} > 应用信息.`,
  unknownCategory: (category: string, known: readonly string[]) => `category ${category} is not a vivo category (${known.join(', ')}).`,
  unknownCategoryFix: 'Use IM for chat messages.',
  testMode:
    'pushMode is 1 (test push): vivo delivers only to the test devices registered in its console (at most 20); every other phone gets nothing and the test reports it as an error.',
  testModeFix: `Register the phone's regId in ${CONSOLE} > 测试设备, or set pushMode: 0 once the app is a formal (not restricted) app.`,
  /** The certificate's one-line health summary. */
  summary: (appId: string, category: string | undefined, testPush: boolean) =>
    `APP ID ${appId}, category ${category ?? '(none)'}, ${testPush ? 'test push (pushMode 1)' : 'formal push'}`,
  /** describeCertificate. */
  describe: (appId: string, testPush: boolean) => `vivo, APP ID ${appId}${testPush ? ', test push' : ''}`,
  /** An upload under a certificate in test mode. */
  testModeUpload: (id: string) =>
    `Certificate ${id} sends vivo test pushes (pushMode 1): this phone gets them only if its regId is registered as a test device in the vivo push console (at most 20).`,
  wrongLength: (digits: number) => `The token is ${digits} digits; vivo regIds are 23 digits, so it was probably cut or padded.`,

  // The test push.
  mode: {
    test: 'test push (pushMode 1: only registered test devices get it)',
    formal: 'formal push',
  },
  /** `mode`: one of `mode`; `notes`: the classification warnings, already in this language. */
  delivered: (mode: string, appId: string, notes: readonly string[]) =>
    `vivo push accepted the test notification (${mode}) for APP ID ${appId}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
  deliveredFix:
    'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app (i Manager / Settings > Notifications), that the app is listed in the vivo app store (restricted apps reach only test devices), and that the user is logged in.',
  /** `problems`: the token's own problems, already in this language. */
  tokenLooksWrong: (problems: readonly string[]) => `The token itself looks wrong: ${problems.join(' ')}`,
  testModeNote: 'pushMode is 1 (test push): vivo accepts only regIds registered as test devices in its console.',
  renewed: '(imops renewed the expired authToken once and sent again.)',
  /** `push certs --live`: what vivo issued ("vivo issued …"). */
  issued: 'an authToken (APP ID, APP KEY and APP SECRET accepted)',
};
