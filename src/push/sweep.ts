// The sweep engine: many devices of one certificate tested with bounded concurrency, a provider's 429 slowing
// the whole sweep down (never failing it), and a time budget. Knows nothing of providers: `test` does the push.
import type { Device, PushResult } from './types.js';

export interface SweepRun {
  devices: readonly Device[];
  test(device: Device): Promise<PushResult>;
  /** Pushes in flight at most; halved (down to 1) each time the provider answers 429. */
  concurrency: number;
  /** Devices not started within this many ms of the start are left untested. */
  budgetMs: number;
  /** First pause after a 429 (ms); doubled at each further 429, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A device answered 429 is tried again this many times before RATE_LIMITED is its result. */
  retries?: number;
  /** Called after each device's final result (progress on a terminal). */
  onResult?(done: number, total: number, result: PushResult): void;
  now?: () => number;
}

export interface SweepOutcome {
  /** One per tested device, in sample order; devices the budget left out have none. */
  tested: { device: Device; result: PushResult }[];
  /** Devices not tested because the time budget ran out. */
  untested: number;
  /** 429 answers received (each paused the sweep). */
  rateLimitedAnswers: number;
  /** The concurrency the sweep ended with. */
  finalConcurrency: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runSweep(run: SweepRun): Promise<SweepOutcome> {
  const now = run.now ?? Date.now;
  const start = now();
  const deadline = start + run.budgetMs;
  const retries = run.retries ?? 3;
  const maxBackoff = run.maxBackoffMs ?? 8000;
  let backoff = run.backoffMs ?? 500;
  let limit = Math.max(1, Math.floor(run.concurrency));
  let pausedUntil = 0;
  let inFlight = 0;
  let next = 0;
  let done = 0;
  let rateLimitedAnswers = 0;
  const results: ({ device: Device; result: PushResult } | undefined)[] = new Array(run.devices.length);
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };

  // A slot frees when a push ends; a worker beyond the current limit waits for one.
  const acquire = async () => {
    while (inFlight >= limit) await new Promise<void>((r) => waiters.push(r));
    inFlight++;
  };
  const releaseSlot = () => {
    inFlight--;
    wake();
  };

  const testOne = async (device: Device): Promise<PushResult> => {
    let result: PushResult | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      const wait = pausedUntil - now();
      if (wait > 0) {
        if (now() + wait > deadline && result) return result;
        await sleep(Math.min(wait, Math.max(0, deadline - now())));
      }
      await acquire();
      try {
        result = await run.test(device);
      } finally {
        releaseSlot();
      }
      if (result.verdict !== 'RATE_LIMITED') return result;
      rateLimitedAnswers++;
      // The provider says slow down: every worker pauses, and fewer pushes go at once from now on.
      pausedUntil = Math.max(pausedUntil, now() + backoff);
      backoff = Math.min(maxBackoff, backoff * 2);
      limit = Math.max(1, Math.floor(limit / 2));
      if (now() >= deadline) return result;
    }
    return result!;
  };

  const worker = async () => {
    while (next < run.devices.length && now() < deadline) {
      const i = next++;
      const device = run.devices[i]!;
      const result = await testOne(device);
      results[i] = { device, result };
      done++;
      run.onResult?.(done, run.devices.length, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, run.devices.length) }, worker));
  const tested = results.filter((r): r is { device: Device; result: PushResult } => r !== undefined);
  return { tested, untested: run.devices.length - tested.length, rateLimitedAnswers, finalConcurrency: limit };
}
