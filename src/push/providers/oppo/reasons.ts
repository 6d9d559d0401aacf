// OPPO push's answers (vendors.md §4.3, OPPO "调用地址，公共参数和返回码"): each return code with a verdict, and a
// cause and fix in the terms of the OPPO open platform console (open.oppomobile.com > 推送服务).
import { reasonTable } from '../reason-table.js';
import { transportRows, type VendorRow } from '../vendor/result.js';

export const OPPO_CONSOLE = 'the OPPO open platform (open.oppomobile.com) > 推送服务 (Push service)';
const CREDENTIALS = `Copy AppKey and MasterSecret again from ${OPPO_CONSOLE} > 配置管理 (App info) into appKey and masterSecret of this certificate in imops.yml (MasterSecret, not AppSecret: only the main developer account sees it).`;
const BACK_OFF = 'Wait before testing again; OPPO counts every request, so do not retry in a loop.';
const IMOPS_BUG = 'Report it to the imops maintainers with the code and message: imops builds this request.';

const ROWS: VendorRow[] = [
  { reason: '-2', verdict: 'RATE_LIMITED', cause: 'OPPO push is in flow control (service-wide or for this app).', fix: BACK_OFF },
  { reason: '-1', verdict: 'PROVIDER_UNAVAILABLE', cause: 'OPPO push service is unavailable.', fix: 'Try again in a few minutes.' },
  {
    reason: '11',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'OPPO did not accept the auth_token even after imops fetched a fresh one: it belongs to another app (another AppKey) or OPPO revoked it.',
    fix: `Check that appKey and masterSecret are of the same app in ${OPPO_CONSOLE}; run \`imops push certs --live\`.`,
  },
  { reason: '12', verdict: 'PAYLOAD_REJECTED', cause: 'OPPO does not allow this HTTP method (a proxy changed the request?).', fix: IMOPS_BUG },
  {
    reason: '13',
    verdict: 'QUOTA_EXCEEDED',
    cause: "The app's OPPO API call limit (count or frequency) is used up.",
    fix: `See the app's limits in ${OPPO_CONSOLE} > 数据统计 (statistics); test again after the daily reset (midnight, China time).`,
  },
  { reason: '14', verdict: 'CREDENTIAL_INVALID', cause: 'OPPO does not know this AppKey.', fix: CREDENTIALS },
  { reason: '15', verdict: 'CREDENTIAL_INVALID', cause: 'The request had no AppKey (appKey is empty in imops.yml?).', fix: CREDENTIALS },
  {
    reason: '16',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'OPPO rejected the signature of the auth request: masterSecret is wrong, usually the AppSecret pasted instead of the MasterSecret.',
    fix: CREDENTIALS,
  },
  { reason: '17', verdict: 'CREDENTIAL_INVALID', cause: 'The auth request had no signature.', fix: IMOPS_BUG },
  { reason: '18', verdict: 'PAYLOAD_REJECTED', cause: 'The auth request had no timestamp.', fix: IMOPS_BUG },
  {
    reason: '19',
    verdict: 'CLOCK_SKEW',
    cause: "OPPO rejected imops' timestamp: this server's clock is too far from OPPO's.",
    fix: 'Sync the server clock (NTP: `timedatectl set-ntp true` or chrony) and test again.',
  },
  ...['20', '21', '22', '23', '24'].map(
    (reason): VendorRow => ({
      reason,
      verdict: 'PAYLOAD_REJECTED',
      cause: `OPPO does not know the method or API version imops called (code ${reason}).`,
      fix: 'Check providers.oppo.url is the origin only (https://api.push.oppomobile.com), without a path; imops adds /server/v1/….',
    }),
  ),
  { reason: '25', verdict: 'PAYLOAD_REJECTED', cause: 'OPPO could not read the request encoding (it must be UTF-8).', fix: IMOPS_BUG },
  {
    reason: '26',
    verdict: 'APP_NOT_APPROVED',
    cause: "OPPO has this server's IP address on its block list.",
    fix: `Check the IP allow list of the app in ${OPPO_CONSOLE} (if one is set, add this server's public IP), or ask OPPO developer support to unblock the IP.`,
  },
  {
    reason: '27',
    verdict: 'APP_NOT_APPROVED',
    cause: 'OPPO denied access: the app has no permission for this push feature.',
    fix: `Check the push permissions of the app in ${OPPO_CONSOLE}; apply for the feature there.`,
  },
  {
    reason: '28',
    verdict: 'APP_NOT_APPROVED',
    cause: 'The app, or push for it, is disabled at OPPO.',
    fix: `Open the app in ${OPPO_CONSOLE} and check its push status; re-enable push or contact OPPO developer support.`,
  },
  { reason: '29', verdict: 'CREDENTIAL_INVALID', cause: 'The send request reached OPPO without an auth_token.', fix: IMOPS_BUG },
  {
    reason: '30',
    verdict: 'APP_NOT_APPROVED',
    cause: 'The app has no right to push through the OPPO server API (push is not approved for it yet).',
    fix: `Apply for push (推送服务 > 申请开通) for the app in ${OPPO_CONSOLE} and wait for approval; until then no push reaches its users.`,
  },
  { reason: '31', verdict: 'PAYLOAD_REJECTED', cause: 'OPPO says the data referred to does not exist.', fix: IMOPS_BUG },
  {
    reason: '32',
    verdict: 'PAYLOAD_REJECTED',
    cause: 'OPPO says the data is a duplicate.',
    fix: 'Test again; if it repeats, report it to the imops maintainers.',
  },
  {
    reason: '33',
    verdict: 'QUOTA_EXCEEDED',
    cause: "The app's daily limit of public messages (内容与营销, content and marketing) at OPPO is used up; unclassified notifications count as such.",
    fix: `Set channelId and category (for example IM) on this certificate, with the 通讯与服务 (communication) channel approved in ${OPPO_CONSOLE} > 消息分类; otherwise test again after the daily reset.`,
  },
  { reason: '34', verdict: 'QUOTA_EXCEEDED', cause: "The app's daily picture-upload limit at OPPO is used up.", fix: 'Test again tomorrow.' },
  {
    reason: '40',
    verdict: 'PAYLOAD_REJECTED',
    cause: 'OPPO says a required field of the message is missing (title, content or channel_id).',
    fix: 'Set channelId on this certificate to the channel registered in the OPPO console; if it is set, report the message to the imops maintainers.',
  },
  {
    reason: '41',
    verdict: 'PAYLOAD_REJECTED',
    cause: 'OPPO says a field of the message is invalid (for example a channel_id or category it does not accept).',
    fix: `Check channelId, category and notifyLevel of this certificate against ${OPPO_CONSOLE} > 消息分类 / 通道配置.`,
  },
  { reason: '51', verdict: 'PAYLOAD_REJECTED', cause: 'OPPO rejected a picture of the message.', fix: IMOPS_BUG },
  { reason: '55', verdict: 'RATE_LIMITED', cause: "The app's call frequency limit at OPPO was exceeded.", fix: BACK_OFF },
  {
    reason: '59',
    verdict: 'APP_NOT_APPROVED',
    cause: 'The app has no permission for secondary actions (buttons) in OPPO notifications.',
    fix: `Apply for it in ${OPPO_CONSOLE}, or send notifications without buttons.`,
  },
  {
    reason: '67',
    verdict: 'CHANNEL_INVALID',
    cause:
      'OPPO rejected the message classification: the category is not approved for the app, or notify_level is not allowed for it (16 needs the 强提醒 approval).',
    fix: `Check category and notifyLevel of this certificate against what is approved in ${OPPO_CONSOLE} > 消息分类 (classification of 通讯与服务 messages).`,
  },
  {
    reason: '10000',
    verdict: 'BAD_DEVICE_TOKEN',
    cause:
      'OPPO says the registration ID is invalid: it is mistyped or cut, it belongs to another app (another AppKey), or it is from an overseas device (sent to the China host).',
    fix: 'Have the app upload the registration ID from HeytapPushManager.getRegisterID() of this app (this AppKey) again; delete this one.',
  },
  ...transportRows('OPPO push', 'api.push.oppomobile.com', 'providers.oppo.url'),
];

export const OPPO_REASONS = reasonTable('oppo', ROWS);
