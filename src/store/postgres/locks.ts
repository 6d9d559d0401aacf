import { randomUUID } from 'node:crypto';
import type { Locks } from '../ports.js';
import type { PgHealth, Pool } from './db.js';

/**
 * Lease locks in the `locks` table; this store instance (one per replica) is the holder. One statement takes a
 * lock that is free, expired or already ours, so two replicas asking at once cannot both get it.
 */
export function createPgLocks(pool: Pool, health: PgHealth, now: () => number): Locks {
  const holder = randomUUID();
  return {
    async tryAcquire(name, ttlMs) {
      if (!(ttlMs > 0)) throw new RangeError(`a lock's TTL must be a positive number of milliseconds, got ${ttlMs}`);
      const at = now();
      const { rowCount } = await health.run(() =>
        pool.query(
          `INSERT INTO locks (name, holder, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
             WHERE locks.expires_at <= $4 OR locks.holder = excluded.holder`,
          [name, holder, at + ttlMs, at],
        ),
      );
      return rowCount === 1;
    },
    async release(name) {
      await health.run(() => pool.query('DELETE FROM locks WHERE name = $1 AND holder = $2', [name, holder]));
    },
  };
}
