// The words of oppo's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const CONSOLE = 'the OPPO open platform (open.oppomobile.com) > 推送服务 (Push service)';
const CREDENTIALS = `Copy AppKey and MasterSecret again from ${CONSOLE} > 配置管理 (App info) into appKey and masterSecret of this certificate in imops.yml (MasterSecret, not AppSecret: only the main developer account sees it).`;
const BACK_OFF = 'Wait before testing again; OPPO counts every request, so do not retry in a loop.';
const IMOPS_BUG = 'Report it to the imops maintainers with the code and message: imops builds this request.';

/** Codes 20 to 24: a method or API version OPPO does not know. */
const methodRow = (code: string) => ({
  cause: `OPPO does not know the method or API version imops called (code ${code}).`,
  fix: 'Check providers.oppo.url is the origin only (https://api.push.oppomobile.com), without a path; imops adds /server/v1/….',
});

export const oppo = {
  // Widened to ProviderNames so that another language may leave the article empty.
  names: {
    display: 'OPPO',
    article: 'an',
    device: 'Android (OPPO)',
    credentialKind: 'AppKey and MasterSecret',
    token: 'an OPPO registration ID',
    tokenSource: 'the registration ID from HeytapPushManager.getRegisterID()',
  } satisfies ProviderNames as ProviderNames,
  /** How the shared vendor sentences name who answered: "OPPO push did not answer in time", "OPPO issued…". */
  serviceName: 'OPPO push',
  vendorName: 'OPPO',
  /** Where the codes are documented, for the fix of a code imops does not know. */
  docs: 'the OPPO push server API return codes (open.oppomobile.com, 推送服务 > 服务端API)',

  /** vendors.md §4.3, OPPO "调用地址，公共参数和返回码". */
  reasons: {
    '-2': { cause: 'OPPO push is in flow control (service-wide or for this app).', fix: BACK_OFF },
    '-1': { cause: 'OPPO push service is unavailable.', fix: 'Try again in a few minutes.' },
    '11': {
      cause: 'OPPO did not accept the auth_token even after imops fetched a fresh one: it belongs to another app (another AppKey) or OPPO revoked it.',
      fix: `Check that appKey and masterSecret are of the same app in ${CONSOLE}; run \`imops push certs --live\`.`,
    },
    '12': { cause: 'OPPO does not allow this HTTP method (a proxy changed the request?).', fix: IMOPS_BUG },
    '13': {
      cause: "The app's OPPO API call limit (count or frequency) is used up.",
      fix: `See the app's limits in ${CONSOLE} > 数据统计 (statistics); test again after the daily reset (midnight, China time).`,
    },
    '14': { cause: 'OPPO does not know this AppKey.', fix: CREDENTIALS },
    '15': { cause: 'The request had no AppKey (appKey is empty in imops.yml?).', fix: CREDENTIALS },
    '16': {
      cause: 'OPPO rejected the signature of the auth request: masterSecret is wrong, usually the AppSecret pasted instead of the MasterSecret.',
      fix: CREDENTIALS,
    },
    '17': { cause: 'The auth request had no signature.', fix: IMOPS_BUG },
    '18': { cause: 'The auth request had no timestamp.', fix: IMOPS_BUG },
    '19': {
      cause: "OPPO rejected imops' timestamp: this server's clock is too far from OPPO's.",
      fix: 'Sync the server clock (NTP: `timedatectl set-ntp true` or chrony) and test again.',
    },
    '20': methodRow('20'),
    '21': methodRow('21'),
    '22': methodRow('22'),
    '23': methodRow('23'),
    '24': methodRow('24'),
    '25': { cause: 'OPPO could not read the request encoding (it must be UTF-8).', fix: IMOPS_BUG },
    '26': {
      cause: "OPPO has this server's IP address on its block list.",
      fix: `Check the IP allow list of the app in ${CONSOLE} (if one is set, add this server's public IP), or ask OPPO developer support to unblock the IP.`,
    },
    '27': {
      cause: 'OPPO denied access: the app has no permission for this push feature.',
      fix: `Check the push permissions of the app in ${CONSOLE}; apply for the feature there.`,
    },
    '28': {
      cause: 'The app, or push for it, is disabled at OPPO.',
      fix: `Open the app in ${CONSOLE} and check its push status; re-enable push or contact OPPO developer support.`,
    },
    '29': { cause: 'The send request reached OPPO without an auth_token.', fix: IMOPS_BUG },
    '30': {
      cause: 'The app has no right to push through the OPPO server API (push is not approved for it yet).',
      fix: `Apply for push (推送服务 > 申请开通) for the app in ${CONSOLE} and wait for approval; until then no push reaches its users.`,
    },
    '31': { cause: 'OPPO says the data referred to does not exist.', fix: IMOPS_BUG },
    '32': { cause: 'OPPO says the data is a duplicate.', fix: 'Test again; if it repeats, report it to the imops maintainers.' },
    '33': {
      cause: "The app's daily limit of public messages (内容与营销, content and marketing) at OPPO is used up; unclassified notifications count as such.",
      fix: `Set channelId and category (for example IM) on this certificate, with the 通讯与服务 (communication) channel approved in ${CONSOLE} > 消息分类; otherwise test again after the daily reset.`,
    },
    '34': { cause: "The app's daily picture-upload limit at OPPO is used up.", fix: 'Test again tomorrow.' },
    '40': {
      cause: 'OPPO says a required field of the message is missing (title, content or channel_id).',
      fix: 'Set channelId on this certificate to the channel registered in the OPPO console; if it is set, report the message to the imops maintainers.',
    },
    '41': {
      cause: 'OPPO says a field of the message is invalid (for example a channel_id or category it does not accept).',
      fix: `Check channelId, category and notifyLevel of this certificate against ${CONSOLE} > 消息分类 / 通道配置.`,
    },
    '51': { cause: 'OPPO rejected a picture of the message.', fix: IMOPS_BUG },
    '55': { cause: "The app's call frequency limit at OPPO was exceeded.", fix: BACK_OFF },
    '59': {
      cause: 'The app has no permission for secondary actions (buttons) in OPPO notifications.',
      fix: `Apply for it in ${CONSOLE}, or send notifications without buttons.`,
    },
    '67': {
      cause:
        'OPPO rejected the message classification: the category is not approved for the app, or notify_level is not allowed for it (16 needs the 强提醒 approval).',
      fix: `Check category and notifyLevel of this certificate against what is approved in ${CONSOLE} > 消息分类 (classification of 通讯与服务 messages).`,
    },
    '10000': {
      cause:
        'OPPO says the registration ID is invalid: it is mistyped or cut, it belongs to another app (another AppKey), or it is from an overseas device (sent to the China host).',
      fix: 'Have the app upload the registration ID from HeytapPushManager.getRegisterID() of this app (this AppKey) again; delete this one.',
    },
  },

  // The credential check (config only): the classification fields whose absence puts every notification under
  // OPPO's marketing quota, then the fields themselves.
  noChannel: (id: string) =>
    `Certificate ${id} has no channelId: on Android 8+ OPPO phones may show nothing without a notification channel, and the message counts as 内容与营销 (marketing), limited to 2 per device per day (5 for news apps).`,
  noChannelFix: `Register a 通讯与服务 channel in ${CONSOLE} > 通道配置, create it in the app, and set channelId to its ID in imops.yml (the same value as the app's setAndroidOPPOChannelID).`,
  noCategory: (id: string) =>
    `Certificate ${id} has no category: OPPO classifies the message as 内容与营销 (marketing), limited to 2 per device per day and by the app's daily public quota (code 33).`,
  noCategoryFix: `Set category (for example IM) to a category approved for the app in ${CONSOLE} > 消息分类.`,
  marketingCategory: (id: string, category: string) =>
    `Certificate ${id} has category ${category}, a 内容与营销 (marketing) category: OPPO limits it to 2 per device per day.`,
  marketingCategoryFix: 'For chat messages use category IM with an approved 通讯与服务 channel.',
  sameKeys: 'masterSecret is the same as appKey: the auth request is signed with the MasterSecret, a different value.',
  sameKeysFix: `Copy the MasterSecret from ${CONSOLE} > 配置管理 (only the main developer account sees it) into masterSecret.`,
  spaces: 'appKey or masterSecret contains spaces or line breaks, so OPPO will reject the signature.',
  spacesFix: 'Paste the values again without spaces.',
  unknownCategory: (category: string, known: readonly string[]) =>
    `category ${category} is not one of the OPPO categories imops knows (${known.join(', ')}); OPPO answers code 67 if it does not accept it.`,
  unknownCategoryFix: `Use the category approved for the app in ${CONSOLE} > 消息分类.`,
  notifyLevel: (level: number) => `notifyLevel ${level} is not 1 (shade), 2 (shade and lock screen) or 16 (strong reminder, needs approval).`,
  notifyLevelFix: 'Use notifyLevel 2, or remove it.',
  /** The certificate's one-line health summary; `appKey` is masked. */
  summary: (appKey: string, channelId: string | undefined, category: string | undefined) =>
    `AppKey ${appKey}, channel ${channelId ?? '(none)'}, category ${category ?? '(none)'}`,
  /** describeCertificate; `appKey` is masked. */
  describe: (appKey: string) => `OPPO, AppKey ${appKey}`,

  // The token's shape.
  cutPrefix: (prefix: string) => `The token starts like an OPPO registration ID (${prefix}_) but is not followed by 32 hex digits, so it was cut or altered.`,
  overseas: (prefix: string) =>
    `The registration ID has the region prefix ${prefix}_, so the phone is an overseas OPPO device: it is reached only through OPPO's international host (api-intl.push.oppomobile.com), not the China host.`,

  // The test push.
  /** `notes`: the classification warnings, already in this language. */
  delivered: (appKey: string, channelId: string | undefined, notes: readonly string[]) =>
    `OPPO push accepted the test notification for AppKey ${appKey}${channelId ? ` on channel ${channelId}` : ''}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
  deliveredFix:
    'Nothing to fix on the push side. If nothing shows on the phone: OPPO turns notifications off for newly installed apps (Settings > Notifications > the app), the channel must exist in the app, and the user must be logged in.',
  overseasNote: 'The registration ID has an overseas region prefix: it cannot be reached through the China host.',
  /** `problems`: the token's own problems, already in this language. */
  tokenLooksWrong: (problems: readonly string[]) => `The token itself looks wrong: ${problems.join(' ')}`,
  renewed: '(imops renewed the expired auth_token once and sent again.)',
  /** `push certs --live`: what OPPO issued ("OPPO issued …"). */
  issued: 'an auth_token (AppKey and MasterSecret accepted)',
};
