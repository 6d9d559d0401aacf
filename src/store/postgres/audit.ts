import type { AuditLog } from '../ports.js';
import type { PgHealth, Pool } from './db.js';

interface AuditRow {
  at: string;
  principal: string;
  action: string;
  app: string | null;
  target: string | null;
  outcome: string;
  detail: string | null;
}

export function createPgAuditLog(pool: Pool, health: PgHealth, now: () => number): AuditLog {
  return {
    async record(e) {
      await health.run(() =>
        pool.query('INSERT INTO audit (at, principal, action, app, target, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          now(),
          e.principal,
          e.action,
          e.app ?? null,
          e.target ?? null,
          e.outcome,
          e.detail ?? null,
        ]),
      );
    },
    async recent(limit) {
      const { rows } = await health.run(() =>
        pool.query<AuditRow>('SELECT at, principal, action, app, target, outcome, detail FROM audit ORDER BY at DESC, id DESC LIMIT $1', [limit]),
      );
      return rows.map((r) => ({
        at: new Date(Number(r.at)).toISOString(),
        principal: r.principal,
        action: r.action,
        ...(r.app !== null && { app: r.app }),
        ...(r.target !== null && { target: r.target }),
        outcome: r.outcome,
        ...(r.detail !== null && { detail: r.detail }),
      }));
    },
  };
}
