import type { RateWindows, WindowDecision } from '../../access/rate-limit.js';
import { inTransaction, type Db } from './db.js';
import type { WriteHealth } from './health.js';

/** Every this many takes, uses that expired under any key are swept (bounds the table whoever sends commands). */
const SWEEP_EVERY = 256;

/** Sliding-window logs in the `rate_uses` table: one row per counted use, at most `max` live rows per key. */
export function createSqliteRateWindows(db: Db, health: WriteHealth): RateWindows {
  const expire = db.prepare('DELETE FROM rate_uses WHERE key = ? AND at <= ?');
  const window = db.prepare('SELECT count(*) AS used, min(at) AS oldest, max(at) AS newest FROM rate_uses WHERE key = ?');
  const insert = db.prepare('INSERT INTO rate_uses (key, at, expires_at) VALUES (?, ?, ?)');
  const sweep = db.prepare('DELETE FROM rate_uses WHERE expires_at <= ?');
  let takes = 0;
  return {
    async take(key, max, windowMs, nowMs) {
      return health.write(() =>
        inTransaction(db, (): WindowDecision => {
          if (++takes % SWEEP_EVERY === 0) sweep.run(nowMs);
          expire.run(key, nowMs - windowMs);
          const w = window.get(key) as { used: number; oldest: number | null; newest: number | null };
          if (w.used >= max) {
            // A clock stepped backwards must not turn into a wait longer than the window.
            return { allowed: false, retryAfterMs: Math.min(windowMs, Math.max(1, (w.oldest ?? nowMs) + windowMs - nowMs)) };
          }
          // Kept in order even if the clock steps back, so expired uses are always the oldest.
          const at = Math.max(nowMs, w.newest ?? nowMs);
          insert.run(key, at, at + windowMs);
          return { allowed: true, used: w.used + 1 };
        }),
      );
    },
  };
}
