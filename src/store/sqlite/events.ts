import { EVENT_MAX_AGE_MS, EVENTS_PER_USER, type EventLog, type ImEvent } from '../ports.js';
import type { Db } from './db.js';
import type { WriteHealth } from './health.js';

interface EventRow {
  app: string;
  user_id: string;
  command: string;
  at: number;
  data: string;
}

export function createSqliteEventLog(db: Db, health: WriteHealth, now: () => number = Date.now): EventLog {
  const insert = db.prepare('INSERT INTO im_events (app, user_id, command, at, data) VALUES (?, ?, ?, ?, ?)');
  const trim = db.prepare(
    `DELETE FROM im_events WHERE app = ? AND user_id = ? AND id NOT IN (
       SELECT id FROM im_events WHERE app = ? AND user_id = ? ORDER BY at DESC, id DESC LIMIT ?)`,
  );
  const expire = db.prepare('DELETE FROM im_events WHERE at < ?');
  const select = db.prepare(
    'SELECT app, user_id, command, at, data FROM im_events WHERE app = ? AND user_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?',
  );
  const appendAll = db.transaction((events: readonly ImEvent[], cutoff: number) => {
    const users = new Map<string, [string, string]>();
    for (const e of events) {
      if (e.at < cutoff) continue;
      insert.run(e.app, e.userId, e.command, e.at, JSON.stringify(e.data));
      users.set(JSON.stringify([e.app, e.userId]), [e.app, e.userId]);
    }
    for (const [app, userId] of users.values()) trim.run(app, userId, app, userId, EVENTS_PER_USER);
    expire.run(cutoff);
  });
  return {
    async append(events) {
      if (events.length === 0) return;
      health.write(() => appendAll(events, now() - EVENT_MAX_AGE_MS));
    },
    async recent(app, userId, limit) {
      const rows = select.all(app, userId, now() - EVENT_MAX_AGE_MS, Math.max(0, Math.min(limit, EVENTS_PER_USER))) as EventRow[];
      return rows.map((r) => ({ app: r.app, userId: r.user_id, command: r.command, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
    },
  };
}
