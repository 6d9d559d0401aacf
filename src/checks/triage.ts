// Triage: every check for one user at once, each with its own time limit, the most likely cause first
// (design.md "Triage"). Findings are facts; src/present/triage.ts words them.
import type { AppConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { checkAccount, queryOnlineStatus, type PlatformStatus } from '../im/index.js';
import { maskToken } from '../log.js';
import type { CertificateHealth, Device, PushResult } from '../push/types.js';
import type { ImEvent } from '../store/ports.js';
import { say } from '../text/index.js';
import { detectVerification, type DetectedVerification } from '../usersig/index.js';
import type { Check, CheckDeps } from './check.js';
import { imFailure, pushReport, type ImFailure, type PushReport } from './im.js';
import { requireApp } from './refusal.js';
import { SIG_MAX } from './usersig.js';

export const TRIAGE_CHECKS = ['account', 'online', 'history', 'devices', 'certificates', 'push', 'usersig'] as const;
export type TriageCheckName = (typeof TRIAGE_CHECKS)[number];
export const DEFAULT_CHECK_LIMIT_MS = 3000;
const HISTORY_SHOWN = 10;

export interface HistoryEntry {
  at: number;
  command: string;
  action?: string;
  reason?: string;
  platform?: string;
  kicked?: string[];
  push?: PushReport;
}

/** One check's outcome: a verdict code and its facts (which fields are set depends on the check). */
export interface TriageFinding {
  check: TriageCheckName;
  verdict: string;
  ok: boolean;
  elapsedMs: number;
  failure?: ImFailure;
  account?: 'Imported' | 'NotImported';
  status?: string | null;
  platforms?: PlatformStatus[];
  /** history: the newest events first; `last` is the one the verdict is about. */
  events?: HistoryEntry[];
  last?: HistoryEntry;
  callbacks?: boolean;
  devices?: Pick<Device, 'certificateId' | 'platform' | 'token' | 'lastSeen'>[];
  unknownCertificates?: string[];
  certificates?: Pick<CertificateHealth, 'certificateId' | 'platform' | 'level' | 'problems'>[];
  results?: PushResult[];
  /** usersig: the verification as facts (verdict, reason, facts); src/present words them with the reader's catalogue. */
  usersig?: DetectedVerification;
  limitMs?: number;
  /** The check could not run (an app without an `im:` block, no push service). */
  skipped?: 'no_im' | 'no_store';
}

export interface TriageResult {
  app: string;
  userId: string;
  findings: TriageFinding[];
  /** The finding that most likely explains the problem, when one does. */
  summary?: TriageFinding;
  elapsedMs: number;
}

export interface TriageInput {
  app?: string;
  userId: string;
  push?: boolean;
  userSig?: string;
  limitMs?: number;
}

class CheckTimeout extends Error {}

async function limited(
  check: TriageCheckName,
  limitMs: number,
  run: (signal: AbortSignal) => Promise<Omit<TriageFinding, 'check' | 'elapsedMs'>>,
): Promise<TriageFinding> {
  const started = performance.now();
  const ctl = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctl.abort();
      reject(new CheckTimeout());
    }, limitMs);
  });
  try {
    const f = await Promise.race([run(ctl.signal), timeout]);
    return { check, ...f, elapsedMs: Math.round(performance.now() - started) };
  } catch (err) {
    if (err instanceof CheckTimeout || ctl.signal.aborted)
      return { check, verdict: 'TIMEOUT', ok: false, limitMs, elapsedMs: Math.round(performance.now() - started) };
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function historyEntry(e: ImEvent): HistoryEntry {
  const d = e.data;
  if (e.command === 'State.StateChange') {
    return {
      at: e.at,
      command: e.command,
      ...(typeof d.Action === 'string' && { action: d.Action }),
      ...(typeof d.Reason === 'string' && { reason: d.Reason }),
      ...(typeof d.OptPlatform === 'string' && { platform: d.OptPlatform }),
      ...(Array.isArray(d.KickedDevice) && d.KickedDevice.length > 0 && { kicked: d.KickedDevice.map(String) }),
    };
  }
  const push = pushReport(e);
  return { at: e.at, command: e.command, ...(push.platform && { platform: push.platform }), push };
}

/** What the login trail and push results say, newest state first. */
export function judgeHistory(events: HistoryEntry[], callbacks: boolean): Omit<TriageFinding, 'check' | 'elapsedMs'> {
  const shown = events.slice(0, HISTORY_SHOWN);
  const state = events.find((e) => e.command === 'State.StateChange');
  const push = events.find((e) => e.push);
  const base = { events: shown, callbacks };
  if (state?.action === 'Logout')
    return { ...base, verdict: state.reason === 'Kick' || state.reason === 'KickOut' ? 'KICKED' : 'LOGGED_OUT', ok: false, last: state };
  if (state?.action === 'Login' && state.kicked) return { ...base, verdict: 'KICKED', ok: false, last: state };
  if (push?.push && !push.push.ok) return { ...base, verdict: 'PUSH_FAILED', ok: false, last: push };
  if (state?.action === 'Disconnect') return { ...base, verdict: 'DISCONNECTED', ok: true, last: state };
  if (state?.action === 'Login') return { ...base, verdict: 'LOGGED_IN', ok: true, last: state };
  if (push) return { ...base, verdict: 'PUSH_SENT', ok: true, last: push };
  return { ...base, verdict: callbacks ? 'NO_EVENTS' : 'NO_CALLBACKS', ok: true };
}

/**
 * The order in which findings explain "no push" / "cannot log in": the most specific and most certain first.
 * A logout in the trail outranks the bare OFFLINE state (it says when and from which device), but not a live
 * ONLINE/PUSH_ONLINE (the trail may be older than the state).
 */
const PRIORITY: [TriageCheckName | '*', string][] = [
  ['account', 'NOT_IMPORTED'],
  ['online', 'ACCOUNT_NOT_FOUND'],
  ['usersig', '*'],
  ['history', 'LOGGED_OUT'],
  ['history', 'KICKED'],
  ['online', 'OFFLINE'],
  ['online', 'ONLINE'],
  ['push', '*'],
  ['history', 'PUSH_FAILED'],
  ['devices', '*'],
  ['certificates', '*'],
  ['account', 'IM_ERROR'],
  ['online', 'IM_ERROR'],
  ['*', 'TIMEOUT'],
];

export function mostLikely(findings: TriageFinding[]): TriageFinding | undefined {
  const online = findings.find((f) => f.check === 'online')?.verdict;
  const live = online === 'ONLINE' || online === 'PUSH_ONLINE';
  for (const [check, verdict] of PRIORITY) {
    const hit = findings.find(
      (f) =>
        !f.ok &&
        (check === '*' || f.check === check) &&
        (verdict === '*' ? f.verdict !== 'TIMEOUT' : f.verdict === verdict) &&
        !(f.check === 'history' && live && (f.verdict === 'LOGGED_OUT' || f.verdict === 'KICKED')),
    );
    if (hit) return hit;
  }
  return undefined;
}

type Prepared = { app: AppConfig; userId: string; push: boolean; userSig?: string; limitMs: number };

export const triageCheck: Check<TriageInput, Prepared, TriageResult> = {
  name: 'triage',
  access: 'push.test',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare(deps, input) {
    const app = requireApp(deps.config, input.app);
    const userSig = input.userSig?.trim();
    if (userSig !== undefined && userSig.length > SIG_MAX) {
      const n = userSig.length;
      throw new UsageError(
        say((t) => t.triage.usage.userSigTooLong(n)),
        say((t) => t.triage.usage.userSigTooLongFix),
      );
    }
    return {
      app,
      userId: input.userId,
      push: input.push === true,
      limitMs: input.limitMs ?? DEFAULT_CHECK_LIMIT_MS,
      ...(userSig !== undefined && { userSig }),
    };
  },
  async run(deps, p) {
    const started = performance.now();
    const tasks = plan(deps, p).map(([name, run]) => limited(name, p.limitMs, run));
    const findings = await Promise.all(tasks);
    const summary = mostLikely(findings);
    return { app: p.app.name, userId: p.userId, findings, ...(summary && { summary }), elapsedMs: Math.round(performance.now() - started) };
  },
  audit: (p, f) => ({
    app: p.app.name,
    target: p.userId,
    outcome: f.summary ? `${f.summary.check} ${f.summary.verdict}` : 'no problem found',
    ...(p.push && { detail: 'with test pushes' }),
  }),
};

type Runner = (signal: AbortSignal) => Promise<Omit<TriageFinding, 'check' | 'elapsedMs'>>;

function plan(deps: CheckDeps, p: Prepared): [TriageCheckName, Runner][] {
  const client = deps.im?.(p.app);
  const { app, userId } = p;
  const skipped = (why: 'no_im' | 'no_store') => async () => ({ verdict: 'SKIPPED', ok: true, skipped: why });
  const runners: [TriageCheckName, Runner][] = [
    [
      'account',
      client
        ? async (signal) => {
            try {
              const account = await checkAccount(client, userId, signal);
              return { verdict: account === 'Imported' ? 'IMPORTED' : 'NOT_IMPORTED', ok: account === 'Imported', account };
            } catch (err) {
              const failure = imFailure(err);
              if (failure.problem === 'account_not_found') return { verdict: 'NOT_IMPORTED', ok: false, account: 'NotImported' as const };
              return { verdict: 'IM_ERROR', ok: false, failure };
            }
          }
        : skipped('no_im'),
    ],
    [
      'online',
      client
        ? async (signal) => {
            try {
              const r = await queryOnlineStatus(client, userId, signal);
              if (r.status === null) {
                return r.errorCode === 70107
                  ? { verdict: 'ACCOUNT_NOT_FOUND', ok: false, status: null }
                  : {
                      verdict: 'IM_ERROR',
                      ok: false,
                      failure: { problem: 'unknown' as const, api: 'openim/query_online_status', ...(r.errorCode !== undefined && { code: r.errorCode }) },
                    };
              }
              const verdict = r.status === 'Online' ? 'ONLINE' : r.status === 'PushOnline' ? 'PUSH_ONLINE' : 'OFFLINE';
              return { verdict, ok: verdict === 'PUSH_ONLINE', status: r.status, platforms: r.platforms };
            } catch (err) {
              return { verdict: 'IM_ERROR', ok: false, failure: imFailure(err) };
            }
          }
        : skipped('no_im'),
    ],
    [
      'history',
      deps.events
        ? async () => {
            const events = (await deps.events!.recent(app.name, userId, 50)).map(historyEntry);
            return judgeHistory(events, app.im?.callbackToken !== undefined);
          }
        : skipped('no_store'),
    ],
    [
      'devices',
      deps.push
        ? async () => {
            const list = await deps.push!.devices(app.name, userId);
            const configured = new Set(app.certificates.map((c) => c.id));
            const unknown = [...new Set(list.filter((d) => !configured.has(d.certificateId)).map((d) => d.certificateId))];
            const devices = list.map((d) => ({ certificateId: d.certificateId, platform: d.platform, token: maskToken(d.token), lastSeen: d.lastSeen }));
            if (list.length === 0) return { verdict: 'NO_DEVICES', ok: false, devices };
            if (unknown.length === list.length) return { verdict: 'UNKNOWN_CERTIFICATE', ok: false, devices, unknownCertificates: unknown };
            return { verdict: 'DEVICES', ok: true, devices, ...(unknown.length > 0 && { unknownCertificates: unknown }) };
          }
        : skipped('no_store'),
    ],
    [
      'certificates',
      deps.push
        ? async () => {
            const health = await deps.push!.certificates(app.name);
            const certificates = health.map((h) => ({ certificateId: h.certificateId, platform: h.platform, level: h.level, problems: h.problems }));
            const worst = health.some((h) => h.level === 'failure')
              ? 'FAILURE'
              : health.some((h) => h.level === 'warning')
                ? 'WARNING'
                : health.length
                  ? 'OK'
                  : 'NONE';
            return { verdict: worst, ok: worst !== 'FAILURE' && worst !== 'NONE', certificates };
          }
        : skipped('no_store'),
    ],
  ];
  if (p.push) {
    runners.push([
      'push',
      deps.push
        ? async () => {
            const results = await deps.push!.test(app.name, userId, { maxDevices: 20 });
            if (results.length === 0) return { verdict: 'NO_DEVICES', ok: false, results };
            const bad = results.find((r) => !r.ok);
            return { verdict: bad ? bad.verdict : 'DELIVERED', ok: !bad, results };
          }
        : skipped('no_store'),
    ]);
  }
  if (p.userSig !== undefined) {
    const userSig = p.userSig;
    runners.push([
      'usersig',
      async () => {
        const v = detectVerification({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, userSig, now: Math.floor(deps.now() / 1000) });
        return { verdict: v.verdict, ok: v.valid, usersig: v };
      },
    ]);
  }
  return runners;
}

/** Triage with test pushes: real notifications, so it spends the caller's push-test budget. */
export const triagePushCheck: Check<TriageInput, Prepared, TriageResult> = { ...triageCheck, rate: 'push.test' };

/** The triage check for an input: with test pushes it is rate limited like `push test`. */
export const triageFor = (input: TriageInput) => (input.push ? triagePushCheck : triageCheck);
