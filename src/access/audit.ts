import type { Db } from '../store/db.js';

export interface AuditEntry {
  at: string;
  principal: string;
  action: string;
  app?: string;
  /** The UserID acted on; never a credential. */
  target?: string;
  outcome: string;
  detail?: string;
}

/** Who did what to which UserID, and how it ended. Never the credential itself. */
export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): void;
  recent(limit: number): AuditEntry[];
}

interface AuditRow {
  at: number;
  principal: string;
  action: string;
  app: string | null;
  target: string | null;
  outcome: string;
  detail: string | null;
}

export function createAuditLog(db: Db, now: () => number = Date.now): AuditLog {
  const insert = db.prepare(
    'INSERT INTO audit (at, principal, action, app, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare('SELECT at, principal, action, app, target, outcome, detail FROM audit ORDER BY at DESC, id DESC LIMIT ?');
  return {
    record(e) {
      insert.run(now(), e.principal, e.action, e.app ?? null, e.target ?? null, e.outcome, e.detail ?? null);
    },
    recent(limit) {
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
