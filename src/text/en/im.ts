// Words for Tencent IM: the REST problems imops explains (keyed by src/im/rest-errors.ts), online states and the
// send-test reply.
import type { ImDetail, ImDetailKind, ImProblem } from '../../im/rest-errors.js';

/** What the words of a REST problem may name. */
export interface ImProblemContext {
  app: string;
  sdkAppId: number;
  admin: string;
  origin: string;
  region?: string;
  api: string;
  code?: number;
  /** IM's own words (ErrorInfo), verbatim. */
  info?: string;
  /** What imops saw itself (a timeout, an answer that is not JSON), already worded by `details`. */
  seen?: string;
}

/** How a catalogue words each thing imops saw itself when a call failed (src/im/rest-errors.ts `ImDetail`). */
export type DetailWords = { [K in ImDetailKind]: (d: Extract<ImDetail, { kind: K }>) => string };

type ProblemWords = { cause: (c: ImProblemContext) => string; fix: (c: ImProblemContext) => string };

/** What imops saw, then what IM said: " (no answer within 3000 ms)", " (IM said: "…")". */
const said = (c: ImProblemContext) => `${c.seen ? ` (${c.seen})` : ''}${c.info ? ` (IM said: "${c.info}")` : ''}`;
const codeOf = (c: ImProblemContext) => (c.code !== undefined ? `${c.code}` : 'an error');
const where = (c: ImProblemContext) => (c.region ? `region ${c.region} (${c.origin})` : c.origin);

export const imProblems: Record<ImProblem, ProblemWords> = {
  not_admin: {
    cause: (c) => `IM answered ${codeOf(c)} to ${c.api}: "${c.admin}" is not an App admin of SDKAppID ${c.sdkAppId}${said(c)}.`,
    fix: (c) =>
      `In the IM console (Applications > ${c.app} > Account management) make "${c.admin}" an App admin, or set apps[].im.admin in imops.yml to an existing admin UserID.`,
  },
  admin_sig: {
    cause: (c) =>
      `IM rejected the admin UserSig imops signed for "${c.admin}" (${codeOf(c)} on ${c.api})${said(c)}: the app's secretKey in imops.yml is not the key of SDKAppID ${c.sdkAppId}, or this machine's clock is off.`,
    fix: (c) => `Copy the key from the IM console (Applications > ${c.app} > Basic configuration) into apps[].secretKey and sync the clock with NTP.`,
  },
  wrong_region: {
    cause: (c) =>
      `IM answered ${codeOf(c)} on ${c.api}: SDKAppID ${c.sdkAppId} is not known at ${where(c)}${said(c)}. Usually the app lives in another data centre.`,
    fix: () =>
      'Set apps[].im.region to the data centre shown in the IM console (Basic configuration > Data center): china, singapore, seoul, tokyo, frankfurt, mumbai, siliconvalley or jakarta.',
  },
  plan_expired: {
    cause: (c) => `IM answered 60020 on ${c.api}: the app's IM plan (Pro/Flagship package) has expired or is not active yet${said(c)}.`,
    fix: () => 'Renew or buy the package in the IM console (Billing); a new purchase takes about 5 minutes to apply.',
  },
  ip_not_allowed: {
    cause: (c) => `IM answered 60021 on ${c.api}: REST calls from this machine's IP address are not on the app's allow-list${said(c)}.`,
    fix: () => 'Add the public IP address imops calls from to the REST API IP allow-list in the IM console (Basic configuration), or remove the list.',
  },
  rate_limited: {
    cause: (c) => `IM answered ${codeOf(c)} on ${c.api}: the app's REST call-rate limit is used up${said(c)}.`,
    fix: () => 'Retry in a few seconds; if it persists, another system is calling the REST API heavily (query_online_status allows 200 calls a second).',
  },
  sdkappid_invalid: {
    cause: (c) => `IM answered ${codeOf(c)} on ${c.api}: SDKAppID ${c.sdkAppId} is not valid${said(c)}.`,
    fix: () => 'Check apps[].sdkAppId against the IM console.',
  },
  disabled: {
    cause: (c) => `IM answered ${codeOf(c)} on ${c.api}: the app or this request is disabled by Tencent Cloud${said(c)}.`,
    fix: () => 'Open a ticket with Tencent Cloud support; the app may be suspended.',
  },
  request_invalid: {
    cause: (c) => `IM could not read imops' request to ${c.api} (${codeOf(c)})${said(c)}.`,
    fix: () => 'This is likely a bug in imops or a proxy rewriting the request: report it with the code above.',
  },
  account_not_found: {
    cause: (c) => `IM answered ${codeOf(c)} on ${c.api}: the account does not exist${said(c)}.`,
    fix: () => 'The user never logged in and was never imported: see the account check.',
  },
  server_busy: {
    cause: (c) => `IM answered ${codeOf(c)} on ${c.api}: a temporary server problem${said(c)}.`,
    fix: () => 'Retry in a minute; check the Tencent Cloud status page if it persists.',
  },
  timeout: {
    cause: (c) => `IM did not answer ${c.api} at ${where(c)} in time${said(c)}.`,
    fix: () => 'Retry; if it keeps happening, check the network path to the IM host (firewall, proxy, DNS).',
  },
  network: {
    cause: (c) => `imops could not reach IM at ${where(c)} for ${c.api}${said(c)}.`,
    fix: () => 'Check DNS, firewall and proxy settings for the IM host, and apps[].im.region / url.',
  },
  http: {
    cause: (c) => `IM's host answered ${c.api} with an HTTP error${said(c)}; IM itself answers 200 unless the network fails.`,
    fix: () => 'A proxy or apps[].im.url points somewhere else than the IM REST API: check it.',
  },
  bad_response: {
    cause: (c) => `IM's answer to ${c.api} was not what the REST API documents${said(c)}.`,
    fix: () => 'Check that apps[].im.url points at the IM REST API, not another service.',
  },
  unknown: {
    cause: (c) => `IM answered ${codeOf(c)} on ${c.api}${said(c)}.`,
    fix: (c) => `Look the code up in Tencent's error-code list (${c.code ?? 'no code'}); \`imops usersig explain <code>\` knows the login codes.`,
  },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const imDetails: DetailWords = {
  timeout: (d) => `no answer within ${d.ms} ms`,
  cut_off: () => 'the answer was cut off',
  connection_failed: () => 'connection failed',
  network_error: (d) => `network error ${d.error}`,
  http_status: (d) => `HTTP ${d.status}`,
  not_json: () => 'the answer is not JSON',
  not_object: () => 'the answer is not a JSON object',
  no_result_item: () => 'no ResultItem for the UserID',
  no_status: () => 'no known Status for the UserID',
};

/** IM's own names for its online states; English readers know them as IM writes them. */
const state = (raw: string) => raw;

export const im = {
  problems: imProblems,
  details: imDetails,
  usage: {
    noIm: (app: string) => `app ${app} has no im: block, so imops cannot ask Tencent IM about its users`,
    noImFix: 'add im: { admin: administrator, region: singapore } (your data centre) under the app in imops.yml',
    waitOutOfRange: (wait: string) => `--wait ${wait} is out of range`,
    waitNotSeconds: (wait: string) => `--wait ${wait} is not a number of seconds`,
    waitFix: (max: number) => `give 0 to ${max} seconds`,
  },
  /** An online state as the reader knows it, with IM's own name where the two differ: "Online", "在线（Online）". */
  state,
  /** Each platform's state: "iPhone: PushOnline, Web: Online". */
  platforms: (ps: readonly { platform: string; status: string }[]) => ps.map((p) => `${p.platform}: ${state(p.status)}`).join(', '),
  /** Sentences one after another, as the language writes them. */
  sentences: (...parts: string[]) => parts.filter((p) => p !== '').join(' '),
  titles: {
    ONLINE: (u: string) => `${u} is Online in IM`,
    PUSH_ONLINE: (u: string) => `${u} can receive offline push (PushOnline)`,
    OFFLINE: (u: string) => `${u} is Offline in IM`,
    ACCOUNT_NOT_FOUND: (u: string) => `${u} has no IM account`,
    IM_ERROR: (_u: string) => 'Tencent IM did not answer the status query',
  },
  verdicts: {
    ONLINE: {
      cause: (u: string) =>
        `${u} holds a live connection to IM: messages are delivered online and IM sends no offline push while it lasts (a backgrounded app whose process is alive stays Online).`,
      fix: 'Nothing is wrong with push. To see a notification, kill the app (swipe it away) and wait about 7 minutes for IM to mark the device PushOnline, or show a local notification for online messages.',
    },
    PUSH_ONLINE: {
      cause: (u: string) => `${u}'s app is not connected but still logged in: IM sends offline push for new messages.`,
      fix: 'If no notification arrives, check the devices and certificates (`imops triage`), or send a test with `imops im send-test`.',
    },
    OFFLINE: {
      cause: (u: string) => `${u} logged out, was kicked by a login elsewhere, or has not logged in for 7 days: IM sends no push at all in this state.`,
      fix: 'Log in again in the app (and make sure the app registers its push token after each login); push resumes after that.',
    },
    ACCOUNT_NOT_FOUND: {
      cause: (u: string) =>
        `IM has no account "${u}": it never logged in and was never imported, or the UserID is spelled differently (UserIDs are case-sensitive).`,
      fix: 'Check the exact UserID the app logs in with; import it with the account_import REST API if it should exist.',
    },
  },
  labels: { account: 'Account', status: 'Status', platforms: 'Per platform', imported: 'Imported', notImported: 'Not imported', unknown: 'unknown' },
  multiDevice: (online: string[], push: string[]) =>
    `Several devices: ${online.join(', ')} Online, ${push.join(', ')} PushOnline. IM does not document whether the PushOnline device gets an offline push while another device is Online.`,
  sendTest: {
    title: 'imops test',
    text: (stamp: string) => `imops push test ${stamp}`,
    confirmTitle: (u: string) => `Send a test message to ${u}?`,
    confirmBody: (u: string, from: string) =>
      `IM sends a real text message from ${from} to ${u}. It appears in ${u}'s chat history, and IM pushes it like any message if ${u} is not Online.`,
    confirm: 'Send test message',
    sentTitle: (u: string) => `Test message sent to ${u}`,
    sentWaiting: (s: number) => `Sent; waiting up to ${plural(s, 'second')} for IM's push callback…`,
    failedTitle: (u: string) => `IM did not accept the test message to ${u}`,
    history: (u: string, from: string) => `It is now in ${u}'s chat history (from ${from}).`,
    pushOk: (platform: string) => `IM reports the push to ${platform} went through.`,
    pushFailed: (platform: string, code: string, info: string) => `IM reports the push to ${platform} failed: ${code}${info ? ` ${info}` : ''}.`,
    pushFailedFix:
      'Look the vendor error up in the push certificate checks (`imops push certs`) and run `imops push test <userId>` to see what the vendor says directly.',
    noReport: (s: number) =>
      `No push result from IM's callback within ${plural(s, 'second')}: the user may be Online (no push is sent), Offline, or callbacks are not pointed at imops.`,
    noReportFix: 'Run `imops im status <userId>`; set Push.OfflinePush callbacks in the IM console to this imops (README).',
    noCallbacks: 'No callback token is configured, so imops cannot see the push result; check the device.',
    noCallbacksFix: "Set apps[].im.callbackToken and point IM's callback URL at imops (README) to see push results here.",
    labels: { from: 'From', text: 'Text', msgKey: 'MsgKey', result: 'Push result' },
  },
  forms: { statusTitle: 'IM status', submit: 'Check' },
  sendTestButton: 'Send IM test message',
  cancel: 'Cancel',
  cancelled: 'No message sent.',
};
