// The words of xiaomi's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

const CONSOLE = 'the Xiaomi open platform (dev.mi.com) > Push > your app';
const REREGISTER =
  'Have the user open the app (logged in) so MiPushClient registers again and the app uploads the new regId with this certificate ID; delete this one.';
const RETRY = 'Try again in a few minutes.';
const COPY_SECRET = `Copy the AppSecret of this package from ${CONSOLE} > Application information into appSecret of this certificate.`;
const LIVE_LIMITS =
  'Xiaomi has no token endpoint, so --live cannot check the AppSecret, the package name or the channel without sending a push; `imops push test` with a real device checks them.';

export const xiaomi = {
  // Widened to ProviderNames so that another language may leave the article empty.
  names: {
    display: 'Xiaomi Mi Push',
    article: 'a',
    device: 'Android (Xiaomi Mi Push)',
    credentialKind: 'AppSecret',
    token: 'a Xiaomi regId',
    tokenSource: 'the regId from MiPushClient.getRegId()',
  } satisfies ProviderNames as ProviderNames,
  /** How the shared vendor sentences name who answered: "Xiaomi answered with…", "imops could not reach Mi Push". */
  vendorName: 'Xiaomi',
  serviceName: 'Mi Push',

  /** vendors.md §3.3, Xiaomi's server error-code table, plus `bad_regids` in an accepted answer and HTTP statuses. */
  reasons: {
    bad_regids: {
      cause: 'Xiaomi accepted the request but listed this regId in bad_regids: it is not (or no longer) registered for this app.',
      fix: REREGISTER,
    },
    '-1': { cause: 'Xiaomi failed with an unknown error.', fix: RETRY },
    '1': { cause: 'Xiaomi had an internal error.', fix: RETRY },
    '10001': { cause: 'Xiaomi had a system error.', fix: RETRY },
    '10002': { cause: 'Xiaomi is busy.', fix: RETRY },
    '10003': { cause: 'Xiaomi had a remote-call error.', fix: RETRY },
    '10008': {
      cause: 'Xiaomi rejected a parameter of the message.',
      fix: 'Check packageName of this certificate; otherwise report the message text to the imops maintainers.',
    },
    '10012': {
      cause: 'Xiaomi called the request illegal.',
      fix: 'Check providers.xiaomi.url and any proxy in between; report the text to the imops maintainers.',
    },
    '10016': {
      cause: 'Xiaomi found a required parameter missing.',
      fix: 'Check packageName of this certificate and that the uploaded regId is not empty.',
    },
    '10017': {
      cause: 'Xiaomi found a parameter value illegal.',
      fix: 'Check packageName and channelId of this certificate; the message text names the field.',
    },
    '10027': { cause: 'Xiaomi says the API is called too often.', fix: 'Wait a minute and test again; Xiaomi does not raise QPS on request.' },
    '10029': { cause: 'Xiaomi does not know this device (an illegal regId).', fix: REREGISTER },
    '10031': {
      cause: 'Xiaomi has the app on its blacklist and forbids sending: usually the app is not published in the Xiaomi app store, or push was not approved.',
      fix: `Publish the app in the Xiaomi app store and check its push status in ${CONSOLE}; Tencent notes Xiaomi delivers only for listed apps.`,
    },
    '10034': {
      cause: "The app's daily message total is used up (public/marketing quota).",
      fix: `Wait until tomorrow, and set channelId on this certificate to a private-message (私信) channel approved in ${CONSOLE}, which has no daily total.`,
    },
    '10036': {
      cause: "Xiaomi forbids this app's operations (the account or app was penalised).",
      fix: `Check the notices in ${CONSOLE} and contact Xiaomi.`,
    },
    '10037': { cause: "Xiaomi called the request expired: this server's clock is off.", fix: 'Sync the server clock (NTP) and test again.' },
    '20301': { cause: 'Xiaomi failed to send, which usually means the regId is invalid or no longer registered.', fix: REREGISTER },
    '21301': { cause: 'Xiaomi refused the AppSecret in the Authorization header.', fix: COPY_SECRET },
    '21302': { cause: 'Xiaomi refused the authorization (token auth failed).', fix: COPY_SECRET },
    '21303': { cause: 'Xiaomi restricts requests from this app.', fix: `Check the app's push status in ${CONSOLE}.` },
    '22000': { cause: 'Xiaomi says the app is illegal (the AppSecret belongs to no app it knows).', fix: `Copy the AppSecret from ${CONSOLE}.` },
    '22006': { cause: 'Xiaomi says the AppId is illegal.', fix: `Copy the AppSecret of the right app from ${CONSOLE}.` },
    '22007': { cause: 'Xiaomi says the AppKey is illegal.', fix: `Copy the AppSecret of the right app from ${CONSOLE}.` },
    '22022': {
      cause:
        'Xiaomi says the package name is illegal: packageName of this certificate is not the package of the app the AppSecret belongs to (or the token came from another package).',
      fix: `Set packageName to the app's package registered in ${CONSOLE}, with that app's AppSecret; check that the build's package (flavours like .debug) matches.`,
    },
    '22102': { cause: 'Xiaomi failed to send the app notification.', fix: RETRY },
    '26006': { cause: 'Xiaomi requires review before this app may send.', fix: `Complete the review in ${CONSOLE}.` },
    '27001': {
      cause: 'Xiaomi says the channel information does not match: channelId of this certificate is not a channel registered for the app.',
      fix: `Create the channel in ${CONSOLE} > Message classification (or copy its ID) and set channelId of this certificate to it.`,
    },
    '65003': { cause: 'Xiaomi did not find the device (usually offline for long, or a stale regId).', fix: REREGISTER },
    '65009': { cause: 'Xiaomi found the message content too long.', fix: 'Report it to the imops maintainers: the test text is short.' },
    'HTTP 401': { cause: 'Xiaomi refused the Authorization header.', fix: `Copy the AppSecret from ${CONSOLE} into appSecret of this certificate.` },
    'HTTP 404': { cause: 'Xiaomi answered 404: the URL is wrong.', fix: 'Check providers.xiaomi.url (default https://api.xmpush.xiaomi.com).' },
    'HTTP 429': { cause: 'Xiaomi throttled the request.', fix: 'Wait a minute and test again.' },
    'HTTP 500': { cause: 'Xiaomi had a server error.', fix: RETRY },
    'HTTP 502': { cause: 'Xiaomi (or a gateway in front of it) had a network error.', fix: RETRY },
    'HTTP 503': { cause: 'Xiaomi is unavailable.', fix: RETRY },
  },
  /** The fix of a code imops has no row for (the cause is the vendor helper's). */
  unknownFix:
    'Look the code up in Xiaomi\'s server error codes (dev.mi.com > Push > "服务端错误码参考") with the text above; if it repeats, ask Xiaomi support with the trace_id.',

  // The credential check (config only).
  channelNote: (id: string) =>
    `Certificate ${id} has no channelId, so Xiaomi sends on the default channel: 1 push per device per day, and apps that moved to the new message classification get every such push rejected.`,
  channelFix:
    'Create a channel in the Xiaomi open platform (dev.mi.com) > Push > Message classification (private messages for chat, after approval) and set channelId of this certificate to its ID.',
  notAPackage: (packageName: string) => `packageName ${packageName} is not an Android package name (such as com.example.app).`,
  packageFix: "Set packageName to the app's package name as registered in the Xiaomi open platform (dev.mi.com) > Push.",
  secretFix: 'Set appSecret to the AppSecret from the Xiaomi open platform (dev.mi.com) > Push > Application information.',
  /** The certificate's one-line health summary. */
  summary: (packageName: string, channelId: string | undefined) => `package ${packageName}, channel ${channelId ?? '(none: default channel, 1 a day)'}`,
  /** describeCertificate. */
  describe: (packageName: string, channelId: string | undefined) => `Xiaomi Mi Push, ${packageName}${channelId ? `, channel ${channelId}` : ''}`,
  /** An upload whose reported package is not the certificate's. */
  packageMismatch: (reported: string, id: string, packageName: string) =>
    `The app reported package ${reported} but certificate ${id} pushes to ${packageName}: Xiaomi will answer 22022 (package name illegal).`,
  tooShort: (length: number) => `The token is ${length} characters long; Xiaomi regIds are usually about 108, so it may be cut short.`,

  // The sender.
  /** Where an answer came from, for a failure's cause. */
  step: 'Xiaomi Mi Push send',
  sweepCause: "Xiaomi has no dry run and no token endpoint: the certificate's fields and the regId's shape fit; nothing was sent.",
  sweepFix: 'Only a real test push checks the AppSecret, package name and channel with Xiaomi.',
  /** `day_acked` and `day_quota` of an answer, as sent ("?" when one is missing). */
  quota: (acked: string, total: string) => `Today: ${acked} of ${total} messages used.`,
  trace: (traceId: string) => `Xiaomi trace_id ${traceId}.`,
  /** Sentences added after a failure's cause (quota, trace), in order. */
  extra: (parts: string[]) => parts.join(' '),
  delivered: (packageName: string, channelId: string | undefined, quota: string | undefined) =>
    `Xiaomi accepted the test notification for ${packageName}${channelId ? ` on channel ${channelId}` : ''}.${quota ? ` ${quota}` : ''}`,

  /** `push certs --live`: Xiaomi has no token endpoint, so only whether Mi Push answers. */
  live: {
    answered: (url: string, status: number) => `Mi Push at ${url} answered (HTTP ${status}). ${LIVE_LIMITS}`,
    timedOut: (ms: number) => `did not answer within ${ms} ms`,
    unreachable: (code: string) => `could not be reached (${code})`,
    /** `what`: timedOut or unreachable. */
    summary: (what: string) => `Mi Push ${what}. ${LIVE_LIMITS}`,
    problem: (url: string, what: string, id: string) => `Mi Push at ${url} ${what}, so certificate ${id} cannot send from this server.`,
    fix: 'Check the network path to providers.xiaomi.url (default https://api.xmpush.xiaomi.com), and any proxy or firewall in between.',
  },
};
