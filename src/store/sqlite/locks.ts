import { randomUUID } from 'node:crypto';
import type { Locks } from '../ports.js';
import type { Db } from './db.js';
import type { WriteHealth } from './health.js';

/** Lease locks in the `locks` table; this store instance is the holder. */
export function createSqliteLocks(db: Db, health: WriteHealth, now: () => number = Date.now): Locks {
  const holder = randomUUID();
  // Taken when free, expired, or already ours (a renewal); otherwise the row stays as it is and nothing returns.
  const take = db.prepare(
    `INSERT INTO locks (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE locks.expires_at <= @now OR locks.holder = excluded.holder
     RETURNING name`,
  );
  const give = db.prepare('DELETE FROM locks WHERE name = ? AND holder = ?');
  return {
    async tryAcquire(name, ttlMs) {
      if (!(ttlMs > 0)) throw new RangeError(`a lock's TTL must be a positive number of milliseconds, got ${ttlMs}`);
      const at = now();
      return health.write(() => take.get({ name, holder, expiresAt: at + ttlMs, now: at })) !== undefined;
    },
    async release(name) {
      health.write(() => give.run(name, holder));
    },
  };
}
