// Words for triage: one title per check, and the cause and fix of each check's verdicts, from the facts found.
import type { HistoryEntry, TriageCheckName, TriageFinding } from '../../checks/triage.js';
import type { TimeWords } from '../time.js';
import { inLocale, type Text } from '../words.js';

/** A result's text in English. */
const $ = (text: Text) => inLocale(text, { locale: 'en' });

export type TriageWords = { cause: string; fix: string };

const from = (e: HistoryEntry) => (e.platform ? ` from ${e.platform}` : '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const triage = {
  /** The reply's title when a check explains the problem: the check's name and its verdict code. */
  titleFound: (u: string, check: string, verdict: string) => `Triage for ${u}: ${check} ${verdict}`,
  titleNone: (u: string) => `Triage for ${u}: No check explains a missing push`,
  checks: {
    account: 'IM account',
    online: 'IM online status',
    history: 'Logins and push results (IM callbacks)',
    devices: 'Uploaded devices',
    certificates: 'Push certificates',
    push: 'Test pushes',
    usersig: 'UserSig',
  } satisfies Record<TriageCheckName, string>,
  summaryNoneCause: (u: string) => `${u} has an IM account, can receive offline push, and the devices and certificates look fine.`,
  summaryNoneFix: 'Press Start testing (or run with --push) to send real test pushes, or `imops im send-test` to go through IM itself.',
  startTesting: 'Start testing',
  checkUserSig: 'Check a UserSig',
  forms: {
    title: 'Triage a user',
    submit: 'Run triage',
    userSig: 'UserSig the user cannot log in with (optional)',
    userSigPlaceholder: 'paste it here; it is checked, never shown',
    enterUserId: 'Enter the UserID to triage.',
    enterUserSig: 'Paste the UserSig.',
  },
  sendTest: 'Send IM test message',
  /** The label of a finding's latest IM callback events. */
  events: 'Latest events',
  /** A list of facts (devices, events) on one line. */
  list: (items: string[]) => items.join('; '),
  /** How long the whole triage took. */
  elapsed: (ms: number) => `Took ${(ms / 1000).toFixed(1)} s.`,
  usage: {
    userSigTooLong: (n: number) => `that UserSig is ${n} characters long; a real one is a few hundred`,
    userSigTooLongFix: 'paste only the UserSig itself',
  },
  timeout: (ms: number): TriageWords => ({
    cause: `No answer within ${(ms / 1000).toFixed(1)} s.`,
    fix: 'Run the check on its own (`imops im status`, `imops devices list`, `imops push certs`) to see it finish or fail.',
  }),
  skipped: {
    no_im: { cause: 'This app has no im: block, so imops cannot ask Tencent IM.', fix: 'Add im: { admin, region } under the app in imops.yml.' },
    no_store: { cause: 'Not available here.', fix: 'Run triage where imops can open its store.' },
  },
  /** Cause and fix of a finding; times on the reader's clock (`t.time`). */
  word(f: TriageFinding, userId: string, time: TimeWords): TriageWords {
    const when = (at: number) => time.at(at);
    switch (`${f.check}:${f.verdict}`) {
      case 'account:IMPORTED':
        return { cause: `${userId} has an IM account.`, fix: '' };
      case 'account:NOT_IMPORTED':
        return {
          cause: `IM has no account "${userId}": the user never logged in and was never imported (UserIDs are case-sensitive). Nothing can be pushed to it.`,
          fix: 'Check the exact UserID the app logs in with; import it with account_import if it should exist.',
        };
      case 'history:LOGGED_OUT': {
        const e = f.last!;
        return {
          cause: `${userId} logged out at ${when(e.at)}${from(e)}${e.reason ? ` (${e.reason})` : ''}: IM sends no offline push after logout.`,
          fix: 'Log in again in the app; the app must register its push token after every login.',
        };
      }
      case 'history:KICKED': {
        const e = f.last!;
        const kicked = e.kicked?.length ? e.kicked.join(', ') : 'the other device';
        return {
          cause: `A login at ${when(e.at)}${from(e)} kicked ${userId} off ${kicked}: a kicked device gets no offline push.`,
          fix: 'Log in again on the kicked device, or allow multi-device login in the IM console (Login and message > multi-device login).',
        };
      }
      case 'history:PUSH_FAILED': {
        const e = f.last!;
        const p = e.push!;
        return {
          cause: `IM's last push to ${userId}${e.platform ? ` (${e.platform})` : ''} at ${when(e.at)} failed: ${p.errCode ?? ''}${p.errInfo ? ` ${p.errInfo}` : ''}.`,
          fix: 'Press Start testing (or --push) to hear what the vendor says about this device directly.',
        };
      }
      case 'history:DISCONNECTED':
        return { cause: `${userId}'s connection dropped at ${when(f.last!.at)}${from(f.last!)}: the device is PushOnline, push should arrive.`, fix: '' };
      case 'history:LOGGED_IN':
        return { cause: `${userId} logged in at ${when(f.last!.at)}${from(f.last!)}.`, fix: '' };
      case 'history:PUSH_SENT':
        return { cause: `IM's last push to ${userId} at ${when(f.last!.at)} went through${f.last!.platform ? ` (${f.last!.platform})` : ''}.`, fix: '' };
      case 'history:NO_EVENTS':
        return { cause: `No login, logout or push callback for ${userId} in the last 7 days.`, fix: '' };
      case 'history:NO_CALLBACKS':
        return {
          cause: 'IM callbacks are not set up for this app, so there is no login trail or push result.',
          fix: "Set apps[].im.callbackToken and point IM's callback URL at imops (README).",
        };
      case 'devices:NO_DEVICES':
        return {
          cause: `${userId}'s app never uploaded a push token to imops.`,
          fix: 'Make the app report its token after each login (PUT /v1/devices), or compare with the IM console Access test.',
        };
      case 'devices:UNKNOWN_CERTIFICATE':
        return {
          cause: `Every device of ${userId} was uploaded with a certificate ID imops does not know (${(f.unknownCertificates ?? []).join(', ')}).`,
          fix: 'The app passes a wrong businessID / certificate ID: use the ID shown in the IM console push settings.',
        };
      case 'devices:DEVICES':
        return { cause: `${plural(f.devices?.length ?? 0, 'device')} uploaded.`, fix: '' };
      case 'certificates:FAILURE': {
        const bad = (f.certificates ?? []).filter((c) => c.level === 'failure');
        const first = bad[0]?.problems[0];
        return {
          cause: `Certificate ${bad.map((c) => c.certificateId).join(', ')} cannot push${first ? `: ${$(first.problem)}` : ''}.`,
          fix: first ? $(first.fix) : 'Run `imops push certs` for details.',
        };
      }
      case 'certificates:WARNING':
        return { cause: 'The certificates work, with warnings (see `imops push certs`).', fix: '' };
      case 'certificates:OK':
        return { cause: 'Every configured certificate looks healthy.', fix: '' };
      case 'certificates:NONE':
        return { cause: 'No push certificates are configured for this app.', fix: 'List the certificates under the app in imops.yml.' };
      default:
        break;
    }
    if (f.check === 'push') {
      if (f.verdict === 'NO_DEVICES') return { cause: 'No device to test.', fix: '' };
      const bad = f.results?.find((r) => !r.ok);
      return bad
        ? { cause: $(bad.cause), fix: $(bad.fix) }
        : { cause: `${plural(f.results?.length ?? 0, 'test push', 'test pushes')} accepted by the providers.`, fix: '' };
    }
    return { cause: f.verdict, fix: '' };
  },
};
