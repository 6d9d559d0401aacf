// Xiaomi's answers (vendors.md §3.3, Xiaomi's server error-code table): each code with a verdict, a cause and a
// fix in the Xiaomi open platform's terms, plus `bad_regids` in an accepted answer and the HTTP statuses.
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';
import { unknownReason } from '../vendor/result.js';

type Row = [code: string, status: number | undefined, verdict: PushVerdict, cause: string, fix: string];

const CONSOLE = 'the Xiaomi open platform (dev.mi.com) > Push > your app';
const REREGISTER =
  'Have the user open the app (logged in) so MiPushClient registers again and the app uploads the new regId with this certificate ID; delete this one.';
const RETRY = 'Try again in a few minutes.';

const ROWS: Row[] = [
  [
    'bad_regids',
    200,
    'TOKEN_UNREGISTERED',
    'Xiaomi accepted the request but listed this regId in bad_regids: it is not (or no longer) registered for this app.',
    REREGISTER,
  ],
  ['-1', undefined, 'PROVIDER_UNAVAILABLE', 'Xiaomi failed with an unknown error.', RETRY],
  ['1', undefined, 'PROVIDER_UNAVAILABLE', 'Xiaomi had an internal error.', RETRY],
  ['10001', undefined, 'PROVIDER_UNAVAILABLE', 'Xiaomi had a system error.', RETRY],
  ['10002', undefined, 'PROVIDER_UNAVAILABLE', 'Xiaomi is busy.', RETRY],
  ['10003', undefined, 'PROVIDER_UNAVAILABLE', 'Xiaomi had a remote-call error.', RETRY],
  [
    '10008',
    undefined,
    'PAYLOAD_REJECTED',
    'Xiaomi rejected a parameter of the message.',
    'Check packageName of this certificate; otherwise report the message text to the imops maintainers.',
  ],
  [
    '10012',
    undefined,
    'PAYLOAD_REJECTED',
    'Xiaomi called the request illegal.',
    'Check providers.xiaomi.url and any proxy in between; report the text to the imops maintainers.',
  ],
  [
    '10016',
    undefined,
    'PAYLOAD_REJECTED',
    'Xiaomi found a required parameter missing.',
    'Check packageName of this certificate and that the uploaded regId is not empty.',
  ],
  [
    '10017',
    undefined,
    'PAYLOAD_REJECTED',
    'Xiaomi found a parameter value illegal.',
    'Check packageName and channelId of this certificate; the message text names the field.',
  ],
  ['10027', undefined, 'RATE_LIMITED', 'Xiaomi says the API is called too often.', 'Wait a minute and test again; Xiaomi does not raise QPS on request.'],
  ['10029', undefined, 'BAD_DEVICE_TOKEN', 'Xiaomi does not know this device (an illegal regId).', REREGISTER],
  [
    '10031',
    undefined,
    'APP_NOT_APPROVED',
    'Xiaomi has the app on its blacklist and forbids sending: usually the app is not published in the Xiaomi app store, or push was not approved.',
    `Publish the app in the Xiaomi app store and check its push status in ${CONSOLE}; Tencent notes Xiaomi delivers only for listed apps.`,
  ],
  [
    '10034',
    undefined,
    'QUOTA_EXCEEDED',
    "The app's daily message total is used up (public/marketing quota).",
    `Wait until tomorrow, and set channelId on this certificate to a private-message (私信) channel approved in ${CONSOLE}, which has no daily total.`,
  ],
  [
    '10036',
    undefined,
    'APP_NOT_APPROVED',
    "Xiaomi forbids this app's operations (the account or app was penalised).",
    `Check the notices in ${CONSOLE} and contact Xiaomi.`,
  ],
  ['10037', undefined, 'CLOCK_SKEW', "Xiaomi called the request expired: this server's clock is off.", 'Sync the server clock (NTP) and test again.'],
  ['20301', undefined, 'TOKEN_UNREGISTERED', 'Xiaomi failed to send, which usually means the regId is invalid or no longer registered.', REREGISTER],
  [
    '21301',
    undefined,
    'CREDENTIAL_INVALID',
    'Xiaomi refused the AppSecret in the Authorization header.',
    `Copy the AppSecret of this package from ${CONSOLE} > Application information into appSecret of this certificate.`,
  ],
  [
    '21302',
    undefined,
    'CREDENTIAL_INVALID',
    'Xiaomi refused the authorization (token auth failed).',
    `Copy the AppSecret of this package from ${CONSOLE} > Application information into appSecret of this certificate.`,
  ],
  ['21303', undefined, 'APP_NOT_APPROVED', 'Xiaomi restricts requests from this app.', `Check the app's push status in ${CONSOLE}.`],
  [
    '22000',
    undefined,
    'CREDENTIAL_INVALID',
    'Xiaomi says the app is illegal (the AppSecret belongs to no app it knows).',
    `Copy the AppSecret from ${CONSOLE}.`,
  ],
  ['22006', undefined, 'CREDENTIAL_INVALID', 'Xiaomi says the AppId is illegal.', `Copy the AppSecret of the right app from ${CONSOLE}.`],
  ['22007', undefined, 'CREDENTIAL_INVALID', 'Xiaomi says the AppKey is illegal.', `Copy the AppSecret of the right app from ${CONSOLE}.`],
  [
    '22022',
    undefined,
    'SENDER_MISMATCH',
    'Xiaomi says the package name is illegal: packageName of this certificate is not the package of the app the AppSecret belongs to (or the token came from another package).',
    `Set packageName to the app's package registered in ${CONSOLE}, with that app's AppSecret; check that the build's package (flavours like .debug) matches.`,
  ],
  ['22102', undefined, 'PROVIDER_UNAVAILABLE', 'Xiaomi failed to send the app notification.', RETRY],
  ['26006', undefined, 'APP_NOT_APPROVED', 'Xiaomi requires review before this app may send.', `Complete the review in ${CONSOLE}.`],
  [
    '27001',
    undefined,
    'CHANNEL_INVALID',
    'Xiaomi says the channel information does not match: channelId of this certificate is not a channel registered for the app.',
    `Create the channel in ${CONSOLE} > Message classification (or copy its ID) and set channelId of this certificate to it.`,
  ],
  ['65003', undefined, 'TOKEN_UNREGISTERED', 'Xiaomi did not find the device (usually offline for long, or a stale regId).', REREGISTER],
  ['65009', undefined, 'PAYLOAD_REJECTED', 'Xiaomi found the message content too long.', 'Report it to the imops maintainers: the test text is short.'],
  ['HTTP 401', 401, 'CREDENTIAL_INVALID', 'Xiaomi refused the Authorization header.', `Copy the AppSecret from ${CONSOLE} into appSecret of this certificate.`],
  ['HTTP 404', 404, 'PROVIDER_UNAVAILABLE', 'Xiaomi answered 404: the URL is wrong.', 'Check providers.xiaomi.url (default https://api.xmpush.xiaomi.com).'],
  ['HTTP 429', 429, 'RATE_LIMITED', 'Xiaomi throttled the request.', 'Wait a minute and test again.'],
  ['HTTP 500', 500, 'PROVIDER_UNAVAILABLE', 'Xiaomi had a server error.', RETRY],
  ['HTTP 502', 502, 'PROVIDER_UNAVAILABLE', 'Xiaomi (or a gateway in front of it) had a network error.', RETRY],
  ['HTTP 503', 503, 'PROVIDER_UNAVAILABLE', 'Xiaomi is unavailable.', RETRY],
];

export const XIAOMI_REASONS = reasonTable(
  'xiaomi',
  ROWS.map(([reason, status, verdict, cause, fix]) => ({ reason, status, verdict, cause, fix })),
);

export function explainXiaomi(reason: string): ReasonEntry {
  return (
    XIAOMI_REASONS.get(reason) ??
    unknownReason(
      'xiaomi',
      'Xiaomi',
      reason,
      'Look the code up in Xiaomi\'s server error codes (dev.mi.com > Push > "服务端错误码参考") with the text above; if it repeats, ask Xiaomi support with the trace_id.',
    )
  );
}
