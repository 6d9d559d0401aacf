// Leases (Locks) and the watch's alert state in SQLite. Small synchronous writes: they bypass the device write
// queue (nothing orders them against uploads) but still go through the write-health tracker.
import { randomUUID } from 'node:crypto';
import type { AlertRecord, AlertState, Locks } from '../ports.js';
import type { Db } from './db.js';
import type { WriteHealth } from './health.js';

export function createSqliteLocks(db: Db, health: WriteHealth, now: () => number = Date.now): Locks {
  // One holder per opened store: another process (a replica, a CLI run) on the same file is another holder.
  const holder = randomUUID();
  const take = db.prepare(
    `INSERT INTO locks (name, holder, expires_at) VALUES (@name, @holder, @expires)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE locks.holder = excluded.holder OR locks.expires_at <= @now`,
  );
  const give = db.prepare('DELETE FROM locks WHERE name = ? AND holder = ?');
  return {
    async tryAcquire(name, ttlMs) {
      const t = now();
      return health.write(() => take.run({ name, holder, expires: t + ttlMs, now: t }).changes === 1);
    },
    async release(name) {
      health.write(() => give.run(name, holder));
    },
  };
}

interface AlertRow {
  state: 'ok' | 'bad';
  verdict: string | null;
  since: number;
}

export function createSqliteAlertState(db: Db, health: WriteHealth): AlertState {
  const select = db.prepare('SELECT state, verdict, since FROM alert_state WHERE app = ? AND certificate_id = ? AND kind = ?');
  const upsert = db.prepare(
    `INSERT INTO alert_state (app, certificate_id, kind, state, verdict, since) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (app, certificate_id, kind) DO UPDATE SET state = excluded.state, verdict = excluded.verdict, since = excluded.since`,
  );
  return {
    async get(app, certificateId, kind) {
      const row = select.get(app, certificateId, kind) as AlertRow | undefined;
      if (!row) return undefined;
      const record: AlertRecord = { state: row.state, since: new Date(row.since).toISOString() };
      if (row.verdict !== null) record.verdict = row.verdict;
      return record;
    },
    async set(app, certificateId, kind, record) {
      health.write(() => upsert.run(app, certificateId, kind, record.state, record.verdict ?? null, Date.parse(record.since)));
    },
  };
}
