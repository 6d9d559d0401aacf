// The watch's alert state in SQLite. Small synchronous writes: they bypass the device write queue (nothing orders
// them against uploads) but still go through the write-health tracker.
import type { AlertRecord, AlertState } from '../ports.js';
import type { Db } from './db.js';
import type { WriteHealth } from './health.js';

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
