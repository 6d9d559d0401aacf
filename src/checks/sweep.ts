// The fleet view of one certificate: the N most recently seen devices tested without showing anything on them
// (design.md "Sweep and watch"). The engine (bounded concurrency, 429 back-off, time budget) is src/push/sweep.ts.
import type { AppConfig, CertificateConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { maskToken } from '../log.js';
import { unknownCertificate } from '../push/preflight.js';
import { providerFor } from '../push/providers/index.js';
import type { SweepMode } from '../push/providers/types.js';
import { runSweep } from '../push/sweep.js';
import type { PushResult, PushService } from '../push/types.js';
import type { PushVerdict } from '../push/verdicts.js';
import type { DeviceStore } from '../store/ports.js';
import type { Check, CheckDeps } from './check.js';
import { requireApp } from './refusal.js';

export const SWEEP_DEFAULTS = {
  sample: 200,
  /** Eight pushes at once on the certificate's one HTTP/2 connection: fast, and far below any provider's limit. */
  concurrency: 8,
  maxFailureRate: 0.2,
  /** A sweep answers a person (or a watch round): past this, devices not yet started are left untested. */
  budgetMs: 60_000,
  /** Masked tokens shown per verdict. */
  examples: 3,
} as const;

export interface SweepInput {
  app?: string;
  certificateId: string;
  sample?: number;
  concurrency?: number;
  maxFailureRate?: number;
  /** Delete the devices the provider says are gone (TOKEN_UNREGISTERED). */
  prune?: boolean;
  budgetMs?: number;
  /** First pause after a 429, ms (tests shorten it). */
  backoffMs?: number;
  /** Called after each device (a terminal's progress line). */
  onProgress?(done: number, total: number): void;
}

export interface SweepFinding {
  app: AppConfig;
  certificate: CertificateConfig;
  mode: SweepMode;
  /** The sample size asked for, and the devices in the sample (at most that many). */
  sample: number;
  sampled: number;
  /** The time budget the sweep ran with (ms). */
  budgetMs: number;
  /** Devices that got a result (RATE_LIMITED included); the budget may leave some out. */
  tested: number;
  byVerdict: Partial<Record<PushVerdict, number>>;
  /** Failed / tested, RATE_LIMITED left out of both; 0 when nothing counted. */
  failureRate: number;
  maxFailureRate: number;
  /** failureRate > maxFailureRate. */
  failing: boolean;
  examples: Partial<Record<PushVerdict, string[]>>;
  pruned: number;
  /** Devices the time budget left untested. */
  untested: number;
  /** 429 answers that slowed the sweep down. */
  rateLimitedAnswers: number;
  elapsedMs: number;
  /** One failed result per failing verdict, for its cause and fix. */
  explanations: PushResult[];
}

type Prepared = SweepInput & { appConfig: AppConfig; certificate: CertificateConfig };

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`this surface has no ${what}`);
  return value;
}

/** Verdicts that say nothing about the certificate: left out of the failure rate. */
const NEUTRAL: ReadonlySet<PushVerdict> = new Set(['RATE_LIMITED']);

export const sweepCheck: Check<SweepInput, Prepared, SweepFinding> = {
  name: 'push.sweep',
  access: 'push.test',
  rate: 'push.test',
  target: (i) => ({ app: i.app, target: `certificate ${i.certificateId}` }),
  prepare(deps, input) {
    const appConfig = requireApp(deps.config, input.app);
    const certificate = appConfig.certificates.find((c) => c.id === input.certificateId);
    if (!certificate) {
      const { problem, fix } = unknownCertificate(appConfig, input.certificateId);
      // Words: chat and the CLI show the reader's language; the error's message is the English.
      throw new UsageError(problem, fix);
    }
    return { ...input, appConfig, certificate };
  },
  run: (deps, p) => sweep(deps, p),
  audit(p, f) {
    return {
      app: p.appConfig.name,
      target: `certificate ${p.certificate.id}`,
      outcome: `${f.tested} tested, failure rate ${f.failureRate.toFixed(3)}`,
      detail:
        Object.entries(f.byVerdict)
          .map(([v, n]) => `${v}=${n}`)
          .join(',') + (f.pruned ? `; ${f.pruned} pruned` : ''),
    };
  },
  count(metrics, f) {
    for (const [verdict, n] of Object.entries(f.byVerdict)) metrics.sweepVerdicts.inc({ platform: f.certificate.platform, verdict }, n);
  },
};

/** The sweep itself, also run by the watch round (which applies its own guards). */
export async function sweep(deps: CheckDeps, p: Prepared): Promise<SweepFinding> {
  const started = deps.now();
  const push: PushService = need(deps.push, 'push service');
  const store: DeviceStore = need(deps.devices, 'device store');
  const app = p.appConfig;
  const certificate = p.certificate;
  const sample = p.sample ?? SWEEP_DEFAULTS.sample;
  const maxFailureRate = p.maxFailureRate ?? SWEEP_DEFAULTS.maxFailureRate;
  const budgetMs = p.budgetMs ?? SWEEP_DEFAULTS.budgetMs;
  const devices = await store.listByCertificate(app.name, certificate.id, sample);
  const outcome = await runSweep({
    devices,
    test: (d) => push.sweep(app.name, d),
    concurrency: p.concurrency ?? SWEEP_DEFAULTS.concurrency,
    budgetMs,
    ...(p.backoffMs !== undefined && { backoffMs: p.backoffMs }),
    ...(p.onProgress && { onResult: (done: number, total: number) => p.onProgress?.(done, total) }),
  });
  const byVerdict: Partial<Record<PushVerdict, number>> = {};
  const examples: Partial<Record<PushVerdict, string[]>> = {};
  const explanations = new Map<PushVerdict, PushResult>();
  let failed = 0;
  let counted = 0;
  for (const { device, result } of outcome.tested) {
    const v = result.verdict;
    byVerdict[v] = (byVerdict[v] ?? 0) + 1;
    const list = (examples[v] ??= []);
    if (list.length < SWEEP_DEFAULTS.examples) list.push(maskToken(device.token));
    if (NEUTRAL.has(v)) continue;
    counted++;
    if (!result.ok) {
      failed++;
      if (!explanations.has(v)) explanations.set(v, result);
    }
  }
  let pruned = 0;
  if (p.prune) {
    for (const { device, result } of outcome.tested) {
      if (result.verdict === 'TOKEN_UNREGISTERED') pruned += await store.remove(app.name, device.userId, device.token);
    }
  }
  const failureRate = counted === 0 ? 0 : failed / counted;
  return {
    app,
    certificate,
    mode: providerFor(certificate.platform).sweepMode,
    sample,
    sampled: devices.length,
    budgetMs,
    tested: outcome.tested.length,
    byVerdict,
    failureRate,
    maxFailureRate,
    failing: failureRate > maxFailureRate,
    examples,
    pruned,
    untested: outcome.untested,
    rateLimitedAnswers: outcome.rateLimitedAnswers,
    elapsedMs: deps.now() - started,
    explanations: [...explanations.values()],
  };
}

/** The JSON contract of `imops push sweep --json` (design.md). */
export function sweepJson(f: SweepFinding) {
  return {
    app: f.app.name,
    certificateId: f.certificate.id,
    platform: f.certificate.platform,
    mode: f.mode,
    sampled: f.sampled,
    tested: f.tested,
    byVerdict: f.byVerdict,
    failureRate: Math.round(f.failureRate * 10_000) / 10_000,
    examples: f.examples,
    pruned: f.pruned,
    elapsedMs: f.elapsedMs,
  };
}
