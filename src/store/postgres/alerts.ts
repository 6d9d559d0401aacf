import type { AlertRecord, AlertState } from '../ports.js';
import type { PgHealth, Pool } from './db.js';

/** The watch's alert state, one row per (app, certificate, condition), shared by every replica. */
export function createPgAlertState(pool: Pool, health: PgHealth): AlertState {
  return {
    async get(app, certificateId, kind) {
      const { rows } = await health.run(() =>
        pool.query<{ state: AlertRecord['state']; verdict: string | null; since: string }>(
          'SELECT state, verdict, since FROM alert_state WHERE app = $1 AND certificate_id = $2 AND kind = $3',
          [app, certificateId, kind],
        ),
      );
      const row = rows[0];
      if (!row) return undefined;
      return { state: row.state, ...(row.verdict !== null && { verdict: row.verdict }), since: new Date(Number(row.since)).toISOString() };
    },
    async set(app, certificateId, kind, record) {
      await health.run(() =>
        pool.query(
          `INSERT INTO alert_state (app, certificate_id, kind, state, verdict, since) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (app, certificate_id, kind) DO UPDATE SET state = excluded.state, verdict = excluded.verdict, since = excluded.since`,
          [app, certificateId, kind, record.state, record.verdict ?? null, Date.parse(record.since)],
        ),
      );
    },
  };
}
