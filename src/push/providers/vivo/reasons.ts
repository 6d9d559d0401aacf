// vivo push's answers (vendors.md §5, vivo 消息推送服务端API 2.9.x): each `result` code with a verdict, and a
// cause and fix in the terms of the vivo developer console (dev.vivo.com.cn > 推送服务). vivo's full table was
// not available: a code not listed here is shown verbatim with vivo's `desc`.
import { reasonTable } from '../reason-table.js';
import { transportRows, type VendorRow } from '../vendor/result.js';

export const VIVO_CONSOLE = 'the vivo developer console (dev.vivo.com.cn) > 推送服务 (Push)';
const CREDENTIALS = `Copy APP ID, APP KEY and APP SECRET again from ${VIVO_CONSOLE} > 应用信息 into appId, appKey and appSecret of this certificate in imops.yml.`;
const IMOPS_BUG = 'Report it to the imops maintainers with the code and desc: imops builds this request.';

const ROWS: VendorRow[] = [
  {
    reason: '10000',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'vivo did not accept the authToken even after imops fetched a fresh one (it belongs to another app, or vivo revoked it).',
    fix: `${CREDENTIALS} Then run \`imops push certs --live\`.`,
  },
  {
    reason: '10070',
    verdict: 'QUOTA_EXCEEDED',
    cause: "The app's total daily send volume at vivo is used up.",
    fix: `Do not send again today (vivo lowers the quota of apps that keep calling after 10070); check the quota in ${VIVO_CONSOLE} > 数据统计 and set a system category (IM) so chat messages use the larger system quota.`,
  },
  {
    reason: '10071',
    verdict: 'CHANNEL_INVALID',
    cause: 'vivo refused the send time: operation messages (classification 0, or no category) go out only between 07:00 and 23:00 China time.',
    fix: `Set category to a system category approved for the app (IM for chat) in imops.yml, or test between 07:00 and 23:00 China time.`,
  },
  { reason: '10072', verdict: 'RATE_LIMITED', cause: 'imops sent to vivo too fast.', fix: 'Wait a minute before testing again.' },
  {
    reason: '10073',
    verdict: 'QUOTA_EXCEEDED',
    cause: "The app's daily total of system messages at vivo is used up.",
    fix: `Test again after the daily reset (midnight, China time); request a larger system quota in ${VIVO_CONSOLE}.`,
  },
  {
    reason: '10085',
    verdict: 'CONTENT_REJECTED',
    cause: 'vivo rejected the title or content: formal messages may not be pure digits, pure English or symbols, nor contain "测试" (test) or brackets.',
    fix: 'Set pushMode: 1 on this certificate and register the phone as a test device in the vivo console (推送服务 > 测试设备), or keep pushMode 0 (imops sends a Chinese title).',
  },
  {
    reason: '10104',
    verdict: 'CONTENT_REJECTED',
    cause: "vivo's content check rejected the message text.",
    fix: 'Set pushMode: 1 on this certificate and register the phone as a test device in the vivo console (推送服务 > 测试设备).',
  },
  {
    reason: '10094',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'The appId does not match the app the authToken was issued to.',
    fix: CREDENTIALS,
  },
  {
    reason: '10200',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'vivo refused the auth request: appId, appKey, timestamp or sign is missing, or vivo does not know the appId.',
    fix: CREDENTIALS,
  },
  {
    reason: '10206',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'vivo rejected the signature of the auth request: appKey or appSecret is wrong (or of another app).',
    fix: CREDENTIALS,
  },
  {
    reason: '10207',
    verdict: 'CLOCK_SKEW',
    cause: "vivo rejected imops' timestamp: this server's clock is more than 10 minutes from vivo's.",
    fix: 'Sync the server clock (NTP: `timedatectl set-ntp true` or chrony) and test again.',
  },
  {
    reason: '10250',
    verdict: 'RATE_LIMITED',
    cause: 'Too many auth requests for this app at vivo (more than 10 per second).',
    fix: 'Wait a minute; imops reuses one authToken, so another system is fetching tokens for the same app too.',
  },
  { reason: '10252', verdict: 'PAYLOAD_REJECTED', cause: 'vivo refused the batch payload.', fix: IMOPS_BUG },
  { reason: '10254', verdict: 'QUOTA_EXCEEDED', cause: "The app's full-push (broadcast) limit at vivo is reached.", fix: 'Test again tomorrow.' },
  {
    reason: '10302',
    verdict: 'BAD_DEVICE_TOKEN',
    cause: 'vivo says the regId is illegal: it is mistyped or cut, belongs to another app, or the app was uninstalled.',
    fix: 'Have the app upload the regId from PushClient.getInstance(context).getRegId() of this app again; delete this one.',
  },
  ...transportRows('vivo push', 'api-push.vivo.com.cn', 'providers.vivo.url'),
];

export const VIVO_REASONS = reasonTable('vivo', ROWS);
