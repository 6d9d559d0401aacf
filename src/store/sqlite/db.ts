import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/** The file inside the data directory. */
export const DB_FILE = 'imops.sqlite';

/**
 * Open (creating if needed) the embedded store in `dataDir` and bring its schema up to date.
 * `:memory:` gives a throwaway store for tests.
 */
export function openDatabase(dataDir: string): Db {
  let db: Db;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, DB_FILE));
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit survives a process crash; only an OS crash can lose the last transactions.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.slice(current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const sql of pending) db.exec(sql);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}

/** Run `fn` in one transaction and return what it returned (better-sqlite3 rolls back if it throws). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  let out: { value: T } | undefined;
  db.transaction(() => {
    out = { value: fn() };
  })();
  return out!.value;
}
