// Meizu push's answers (vendors.md §6.3, MEIZUPUSH/PushAPI): the top-level `code` (a string) and the per-pushId
// codes in `value`, which make a `code "200"` answer a failure for that pushId. Causes and fixes in the terms
// of the Flyme push platform (open.flyme.cn > 推送平台).
import { reasonTable } from '../reason-table.js';
import { transportRows, type VendorRow } from '../vendor/result.js';

export const MEIZU_CONSOLE = 'the Flyme push platform (open.flyme.cn > 推送平台 / push.meizu.com)';
const CREDENTIALS = `Copy App ID and App Secret again from ${MEIZU_CONSOLE} > 应用信息 into appId and appSecret of this certificate in imops.yml (the App Secret, not the App Key).`;
const IMOPS_BUG = 'Report it to the imops maintainers with the code and message: imops builds this request.';
const RETRY = 'Try again in a few minutes.';

/** Codes a `value` map lists pushIds under; their table keys carry this prefix (a few are also top-level codes). */
export const PER_PUSH_ID = 'pushId:';

const TOP: VendorRow[] = [
  { reason: '500', verdict: 'PROVIDER_UNAVAILABLE', cause: 'Meizu push failed with an unspecified error.', fix: RETRY },
  { reason: '1001', verdict: 'PROVIDER_UNAVAILABLE', cause: 'Meizu push had a system error.', fix: RETRY },
  { reason: '1003', verdict: 'PROVIDER_UNAVAILABLE', cause: 'Meizu push is busy.', fix: RETRY },
  { reason: '1005', verdict: 'PAYLOAD_REJECTED', cause: 'Meizu rejected a parameter of the message (messageJson).', fix: IMOPS_BUG },
  {
    reason: '1006',
    verdict: 'CREDENTIAL_INVALID',
    cause: 'Meizu rejected the request signature: appSecret is wrong (often the App Key pasted instead), or of another app.',
    fix: CREDENTIALS,
  },
  { reason: '110000', verdict: 'CREDENTIAL_INVALID', cause: 'Meizu does not know this appId.', fix: CREDENTIALS },
  { reason: '110001', verdict: 'CREDENTIAL_INVALID', cause: 'Meizu says the app key is illegal.', fix: CREDENTIALS },
  { reason: '110004', verdict: 'PAYLOAD_REJECTED', cause: 'Meizu says a required parameter is empty.', fix: IMOPS_BUG },
  {
    reason: '110009',
    verdict: 'APP_NOT_APPROVED',
    cause: 'Meizu has blacklisted the app: it may not push.',
    fix: `Check the app's status in ${MEIZU_CONSOLE} and contact Meizu developer support.`,
  },
  { reason: '110010', verdict: 'RATE_LIMITED', cause: "The app's request rate at Meizu was exceeded.", fix: 'Wait a minute before testing again.' },
  {
    reason: '110019',
    verdict: 'QUOTA_EXCEEDED',
    cause: "The app's daily push count at Meizu is used up.",
    fix: `Test again after the daily reset (midnight, China time); see the limits in ${MEIZU_CONSOLE}.`,
  },
  {
    reason: '110031',
    verdict: 'CREDENTIAL_INVALID',
    cause: "Meizu says the app's package name is illegal.",
    fix: `Check the package name of the app in ${MEIZU_CONSOLE}.`,
  },
  { reason: '110033', verdict: 'CREDENTIAL_INVALID', cause: 'Meizu says the appSecret is illegal.', fix: CREDENTIALS },
  { reason: '110051', verdict: 'QUOTA_EXCEEDED', cause: "The app's count limit at Meizu is exceeded.", fix: 'Test again tomorrow.' },
  { reason: '110053', verdict: 'QUOTA_EXCEEDED', cause: "The app's pass-through message limit at Meizu is exceeded.", fix: IMOPS_BUG },
];

const PER_TARGET: VendorRow[] = [
  {
    reason: '201',
    verdict: 'APP_NOT_APPROVED',
    cause: 'Meizu refused to push to this pushId: the app has no permission.',
    fix: `Check that push is enabled for the app in ${MEIZU_CONSOLE}.`,
  },
  { reason: '501', verdict: 'PROVIDER_UNAVAILABLE', cause: 'Meizu failed to push to this pushId (a database error on its side).', fix: RETRY },
  { reason: '513', verdict: 'PROVIDER_UNAVAILABLE', cause: 'Meizu failed to push to this pushId.', fix: RETRY },
  { reason: '519', verdict: 'PROVIDER_UNAVAILABLE', cause: 'Meizu was overloaded and did not push to this pushId.', fix: RETRY },
  {
    reason: '520',
    verdict: 'RATE_LIMITED',
    cause: 'Meizu folded the message: this phone got more than 5 messages from the app within a minute.',
    fix: 'Wait a minute before testing this device again.',
  },
  {
    reason: '110002',
    verdict: 'TOKEN_UNREGISTERED',
    cause: 'Meizu says the pushId is invalid or not subscribed: the app was uninstalled or unregistered, or the pushId belongs to another app.',
    fix: 'Delete this token; the user must open the app (logged in) so it registers with PushManager.register() and uploads the new pushId.',
  },
  {
    reason: '110003',
    verdict: 'BAD_DEVICE_TOKEN',
    cause: 'Meizu says the pushId is illegal (not a pushId at all, cut or altered).',
    fix: 'Check what the app uploads: the pushId from MzPushMessageReceiver.onRegisterStatus(). Delete this one.',
  },
  { reason: '110005', verdict: 'BAD_DEVICE_TOKEN', cause: 'Meizu says the alias is invalid.', fix: 'Upload the pushId, not an alias.' },
  {
    reason: '110010',
    verdict: 'APP_NOT_APPROVED',
    cause: 'The pushId is valid, but the user switched off push for the app on the phone (Flyme settings), so Meizu does not deliver to it.',
    fix: 'Ask the user to allow notifications for the app (Settings > Notifications and status bar > the app).',
  },
  {
    reason: '110011',
    verdict: 'QUOTA_EXCEEDED',
    cause: "This phone's daily limit of public messages from the app (3, or 5 for news apps) is used up.",
    fix: 'Test this device again tomorrow; private (私信) messages under the 2025-05-07 rules are not limited.',
  },
];

export const MEIZU_REASONS = reasonTable('meizu', [
  ...TOP,
  ...PER_TARGET.map((r) => ({ ...r, reason: `${PER_PUSH_ID}${r.reason}` })),
  ...transportRows('Meizu push', 'server-api-push.meizu.com', 'providers.meizu.url'),
]);
