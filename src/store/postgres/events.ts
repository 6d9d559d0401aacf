import { EVENT_MAX_AGE_MS, EVENTS_PER_USER, type EventLog, type ImEvent } from '../ports.js';
import type { PgHealth, Pool } from './db.js';

/**
 * IM callback events in Postgres, bounded on write like SQLite's: one transaction inserts a batch, trims each
 * user it touched to the newest EVENTS_PER_USER and drops what is past EVENT_MAX_AGE_MS. Any replica may receive
 * a callback; every replica's triage reads the same trail.
 */
export function createPgEventLog(pool: Pool, health: PgHealth, now: () => number): EventLog {
  return {
    async append(events) {
      const cutoff = now() - EVENT_MAX_AGE_MS;
      const kept = events.filter((e) => e.at >= cutoff);
      if (kept.length === 0) return;
      await health.run(() =>
        pool.query('SELECT imops_append_events($1::jsonb, $2::bigint, $3::integer)', [
          JSON.stringify(kept.map((e) => ({ app: e.app, userId: e.userId, command: e.command, at: e.at, data: e.data }))),
          cutoff,
          EVENTS_PER_USER,
        ]),
      );
    },
    async recent(app, userId, limit) {
      const { rows } = await health.run(() =>
        pool.query<{ app: string; user_id: string; command: string; at: string; data: Record<string, unknown> }>(
          'SELECT app, user_id, command, at, data FROM im_events WHERE app = $1 AND user_id = $2 AND at >= $3 ORDER BY at DESC, id DESC LIMIT $4',
          [app, userId, now() - EVENT_MAX_AGE_MS, Math.max(0, Math.min(limit, EVENTS_PER_USER))],
        ),
      );
      return rows.map((r): ImEvent => ({ app: r.app, userId: r.user_id, command: r.command, at: Number(r.at), data: r.data }));
    },
  };
}
