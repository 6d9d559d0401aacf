// A check is one use case (generate a UserSig, test a user's pushes, ...). It declares its guards as data and the
// runner applies them in one order for every surface (chat, CLI, HTTP), so no surface can forget one.
import { principalName, isAllowed, type GuardedAction } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import type { LimitedAction, RateLimiter } from '../access/rate-limit.js';
import type { AlertState, AuditLog, DeviceStore, EventLog, Locks } from '../store/ports.js';
import type { ImClient } from '../im/client.js';
import type { AppConfig, Config } from '../config/types.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { CertificateHealth, PushService } from '../push/types.js';
import { RefusedError, type Refusal } from './refusal.js';

/** What checks run against. Surfaces build one per process (serve) or per command (CLI). */
export interface CheckDeps {
  config: Config;
  log: Logger;
  /** Unix milliseconds; tests pin it. */
  now: () => number;
  /** Absent where a surface runs without the store (the offline `usersig` CLI commands). */
  audit?: AuditLog;
  push?: PushService;
  /** Where uploads are stored (the upload API, `imops devices add`). */
  devices?: DeviceStore;
  /** Credential health without a store (CLI `push certs`); the push service's when absent. */
  credentials?: (app: AppConfig) => Promise<CertificateHealth[]>;
  limiter?: RateLimiter;
  metrics?: Metrics;
  /** The watch round's lock and alert state (serve, `imops watch --once`). */
  locks?: Locks;
  alerts?: AlertState;
  /** The Tencent IM REST client of an app; undefined for an app without an `im:` block. */
  im?: (app: AppConfig) => ImClient | undefined;
  /** IM callback events (login trail, push results). */
  events?: EventLog;
}

/** What the audit log says about one run: never the credential itself. */
export interface AuditNote {
  app?: string;
  target?: string;
  outcome: string;
  detail?: string;
}

/**
 * One use case. `prepare` validates the input and resolves what it names (throwing a UsageError or a Refusal), so
 * that a rate limit is spent only on input that can run; `run` does the work and returns a finding: typed data,
 * never sentences. Words come from src/present with a catalogue in src/text.
 */
export interface Check<Input, Prepared, Finding> {
  /** The audit action and metric label, e.g. `usersig.generate`. */
  name: string;
  /** Only principals listed under `access.<action>` may run it (the CLI runs with its operator's rights). */
  access?: GuardedAction;
  /** Chat principals are limited per person on this action. */
  rate?: LimitedAction;
  prepare(deps: CheckDeps, input: Input): Prepared | Promise<Prepared>;
  run(deps: CheckDeps, prepared: Prepared): Finding | Promise<Finding>;
  /** What to record in the audit log; no audit when absent. */
  audit?(prepared: Prepared, finding: Finding): AuditNote;
  /** The audit note of a refused run, before `prepare` could name more. */
  target?(input: Input): { app?: string; target?: string };
  /** Counters this check keeps in /metrics. */
  count?(metrics: Metrics, finding: Finding): void;
}

/**
 * Run a check for a principal: access, then prepare, then the rate limit, then the work, then audit and metrics.
 * Refusals are audited and thrown as RefusedError; usage errors from `prepare` pass through unaudited (nothing ran).
 */
export async function runCheck<I, P, F>(deps: CheckDeps, principal: Principal, check: Check<I, P, F>, input: I): Promise<F> {
  const who = principalName(principal);
  const refuse = async (refusal: Refusal, outcome: string, detail?: string): Promise<never> => {
    await deps.audit?.record({ principal: who, action: check.name, ...check.target?.(input), outcome, ...(detail && { detail }) });
    throw new RefusedError(refusal);
  };
  if (check.access && !isAllowed(deps.config, principal, check.access)) {
    await refuse({ kind: 'denied', action: check.access, principal: who, source: deps.config.source }, 'denied');
  }
  const prepared = await check.prepare(deps, input);
  if (check.rate && deps.limiter && principal.platform !== 'cli') {
    const decision = await deps.limiter.take(who, check.rate, deps.now());
    if (!decision.allowed) {
      const { max, windowMs } = decision.limit;
      await refuse(
        { kind: 'rate_limited', action: check.rate, max, windowMs, retryAfterMs: decision.retryAfterMs },
        'rate_limited',
        `${max} per ${Math.round(windowMs / 1000)} s; retry in ${Math.ceil(decision.retryAfterMs / 1000)} s`,
      );
    }
  }
  let finding: F;
  try {
    finding = await check.run(deps, prepared);
  } catch (err) {
    if (check.audit) await deps.audit?.record({ principal: who, action: check.name, ...check.target?.(input), outcome: 'error' });
    throw err;
  }
  if (check.audit) await deps.audit?.record({ principal: who, action: check.name, ...check.audit(prepared, finding) });
  if (deps.metrics) check.count?.(deps.metrics, finding);
  return finding;
}
