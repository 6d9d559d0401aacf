import type { RateWindows } from '../../access/rate-limit.js';
import type { PgHealth, Pool } from './db.js';

/** Every this many takes, uses that expired under any key are swept (bounds the table whoever sends commands). */
const SWEEP_EVERY = 256;

/** Sliding-window logs in `rate_uses`, one take per statement (`imops_rate_take`), serialised per key across replicas. */
export function createPgRateWindows(pool: Pool, health: PgHealth): RateWindows {
  let takes = 0;
  return {
    async take(key, max, windowMs, nowMs) {
      const sweep = ++takes % SWEEP_EVERY === 0;
      const { rows } = await health.run(() =>
        pool.query<{ allowed: boolean; used: number; retry_after_ms: string }>('SELECT * FROM imops_rate_take($1, $2, $3, $4, $5)', [
          key,
          max,
          windowMs,
          nowMs,
          sweep,
        ]),
      );
      const r = rows[0]!;
      return r.allowed ? { allowed: true, used: r.used } : { allowed: false, retryAfterMs: Number(r.retry_after_ms) };
    },
  };
}
