// One watch round (design.md "Sweep and watch"): every certificate's credential health and expiry, and a sweep
// of each, compared with what the store says the last round found. An alert is produced when a condition turns
// bad (or changes verdict) and a recovery when it is good again: once per change, whoever runs the round.
import type { AppConfig, CertificateConfig, WatchConfig } from '../config/types.js';
import { inspectCertificate } from '../push/providers/index.js';
import { DAY_MS } from '../push/providers/health.js';
import type { SweepMode } from '../push/providers/types.js';
import type { AlertState, Locks } from '../store/ports.js';
import type { CheckDeps } from './check.js';
import type { Text } from '../text/index.js';
import { sweep, type SweepFinding } from './sweep.js';

export type Condition = 'expiring' | 'credential' | 'failure_rate';
export type AlertKind = Condition | 'recovered';

/** What a condition found, typed; src/present words it. */
export type AlertFacts =
  | { kind: 'expiring'; expiresAt: string; days: number }
  | { kind: 'credential'; problem: Text; fix: Text }
  | {
      kind: 'failure_rate';
      failureRate: number;
      failed: number;
      counted: number;
      maxFailureRate: number;
      mode: SweepMode;
      /** Devices found TOKEN_UNREGISTERED (uninstalled apps): removed by `push sweep --prune`. */
      unregistered: number;
      /** The most frequent failure's own cause and fix. */
      cause?: Text;
      fix?: Text;
    }
  | { kind: 'recovered'; condition: Condition; previousVerdict?: string };

export interface WatchAlert {
  app: string;
  certificateId: string;
  platform: string;
  kind: AlertKind;
  verdict: string;
  facts: AlertFacts;
}

export interface CertificateRound {
  app: string;
  certificateId: string;
  platform: string;
  credential: 'ok' | 'bad';
  expiresAt?: string;
  sweep?: SweepFinding;
}

export interface WatchFinding {
  /** False when another replica (or CLI run) holds the round lock: nothing was checked. */
  ran: boolean;
  alerts: WatchAlert[];
  certificates: CertificateRound[];
  elapsedMs: number;
}

/** Lock names in the store. */
export const WATCH_ROUND_LOCK = 'watch:round';
export const WATCH_PERIOD_LOCK = 'watch:period';
/** A round holds WATCH_ROUND_LOCK at most this long (a replica that dies mid-round frees it by then). */
export const WATCH_ROUND_TTL_MS = 15 * 60_000;

export const EXPIRING_VERDICT = 'CREDENTIAL_EXPIRING';
export const RECOVERED_VERDICT = 'OK';

type Current = { bad: false } | { bad: true; verdict: string; facts: AlertFacts };

export interface WatchDeps extends CheckDeps {
  locks: Locks;
  alerts: AlertState;
}

/**
 * Run one round unless another holder has the round lock. `period`: also take WATCH_PERIOD_LOCK for this long
 * and keep it (serve, so that of several replicas only one runs each period); `imops watch --once` does not.
 */
export async function watchRound(deps: WatchDeps, watch: WatchConfig, options: { periodMs?: number; budgetMs?: number } = {}): Promise<WatchFinding> {
  const started = deps.now();
  if (options.periodMs !== undefined && !(await deps.locks.tryAcquire(WATCH_PERIOD_LOCK, options.periodMs))) {
    return { ran: false, alerts: [], certificates: [], elapsedMs: 0 };
  }
  if (!(await deps.locks.tryAcquire(WATCH_ROUND_LOCK, WATCH_ROUND_TTL_MS))) return { ran: false, alerts: [], certificates: [], elapsedMs: 0 };
  try {
    const alerts: WatchAlert[] = [];
    const certificates: CertificateRound[] = [];
    for (const app of deps.config.apps) {
      for (const certificate of app.certificates) {
        const round = await checkCertificate(deps, app, certificate, watch, options.budgetMs);
        certificates.push(round.summary);
        for (const [condition, current] of round.conditions) {
          const alert = await transition(deps.alerts, app, certificate, condition, current, deps.now());
          if (alert) alerts.push(alert);
        }
      }
    }
    for (const a of alerts) deps.metrics?.watchAlerts.inc({ kind: a.kind });
    return { ran: true, alerts, certificates, elapsedMs: deps.now() - started };
  } finally {
    await deps.locks.release(WATCH_ROUND_LOCK);
  }
}

async function checkCertificate(
  deps: WatchDeps,
  app: AppConfig,
  certificate: CertificateConfig,
  watch: WatchConfig,
  budgetMs: number | undefined,
): Promise<{ summary: CertificateRound; conditions: [Condition, Current][] }> {
  const now = deps.now();
  const inspection = await inspectCertificate(certificate, now);
  const failure = inspection.failure;
  const conditions: [Condition, Current][] = [];
  const summary: CertificateRound = {
    app: app.name,
    certificateId: certificate.id,
    platform: certificate.platform,
    credential: failure ? 'bad' : 'ok',
    ...(inspection.health.expiresAt && { expiresAt: inspection.health.expiresAt }),
  };
  conditions.push([
    'credential',
    failure ? { bad: true, verdict: failure.verdict, facts: { kind: 'credential', problem: failure.problem, fix: failure.fix } } : { bad: false },
  ]);
  const expiresAt = inspection.health.expiresAt;
  const left = expiresAt ? Date.parse(expiresAt) - now : Number.POSITIVE_INFINITY;
  // An expired credential is the credential condition's CREDENTIAL_EXPIRED, not a warning.
  conditions.push([
    'expiring',
    expiresAt && left > 0 && left < watch.certificateExpiryDays * DAY_MS
      ? { bad: true, verdict: EXPIRING_VERDICT, facts: { kind: 'expiring', expiresAt, days: Math.ceil(left / DAY_MS) } }
      : { bad: false },
  ]);
  // A broken credential fails every device: the credential alert says it all, and the failure rate is left as it was.
  if (!failure) {
    const found = await sweep(deps, {
      appConfig: app,
      certificate,
      certificateId: certificate.id,
      sample: watch.sweep.sample,
      maxFailureRate: watch.sweep.maxFailureRate,
      ...(budgetMs !== undefined && { budgetMs }),
    });
    summary.sweep = found;
    for (const [verdict, n] of Object.entries(found.byVerdict)) deps.metrics?.sweepVerdicts.inc({ platform: certificate.platform, verdict }, n);
    const counted = found.tested - (found.byVerdict.RATE_LIMITED ?? 0);
    if (counted > 0) conditions.push(['failure_rate', failureRate(found, counted)]);
  }
  return { summary, conditions };
}

function failureRate(f: SweepFinding, counted: number): Current {
  if (!f.failing) return { bad: false };
  const failing = Object.entries(f.byVerdict)
    .filter(([v]) => v !== 'DELIVERED' && v !== 'RATE_LIMITED')
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const verdict = failing[0]?.[0] ?? 'NETWORK';
  const example = f.explanations.find((r) => r.verdict === verdict);
  const failed = failing.reduce((n, [, c]) => n + (c ?? 0), 0);
  return {
    bad: true,
    verdict,
    facts: {
      kind: 'failure_rate',
      failureRate: f.failureRate,
      failed,
      counted,
      maxFailureRate: f.maxFailureRate,
      mode: f.mode,
      unregistered: f.byVerdict.TOKEN_UNREGISTERED ?? 0,
      ...(example && { cause: example.cause, fix: example.fix }),
    },
  };
}

async function transition(
  state: AlertState,
  app: AppConfig,
  certificate: CertificateConfig,
  condition: Condition,
  current: Current,
  now: number,
): Promise<WatchAlert | undefined> {
  const previous = await state.get(app.name, certificate.id, condition);
  const since = new Date(now).toISOString();
  const base = { app: app.name, certificateId: certificate.id, platform: certificate.platform };
  if (current.bad) {
    if (previous?.state === 'bad' && previous.verdict === current.verdict) return undefined;
    await state.set(app.name, certificate.id, condition, { state: 'bad', verdict: current.verdict, since });
    return { ...base, kind: condition, verdict: current.verdict, facts: current.facts };
  }
  if (previous?.state === 'ok') return undefined;
  await state.set(app.name, certificate.id, condition, { state: 'ok', since });
  // The first round that sees a certificate good says nothing: only a change from bad is news.
  if (!previous) return undefined;
  return {
    ...base,
    kind: 'recovered',
    verdict: RECOVERED_VERDICT,
    facts: { kind: 'recovered', condition, ...(previous.verdict !== undefined && { previousVerdict: previous.verdict }) },
  };
}
