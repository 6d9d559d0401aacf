import type { AuditLog } from '../ports.js';
import type { Db } from './db.js';
import type { WriteHealth } from './health.js';

interface AuditRow {
  at: number;
  principal: string;
  action: string;
  app: string | null;
  target: string | null;
  outcome: string;
  detail: string | null;
}

export function createSqliteAuditLog(db: Db, health: WriteHealth, now: () => number = Date.now): AuditLog {
  const insert = db.prepare('INSERT INTO audit (at, principal, action, app, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT at, principal, action, app, target, outcome, detail FROM audit ORDER BY at DESC, id DESC LIMIT ?');
  return {
    async record(e) {
      health.write(() => insert.run(now(), e.principal, e.action, e.app ?? null, e.target ?? null, e.outcome, e.detail ?? null));
    },
    async recent(limit) {
      return (select.all(limit) as AuditRow[]).map((r) => ({
        at: new Date(r.at).toISOString(),
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
