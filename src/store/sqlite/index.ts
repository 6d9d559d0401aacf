import { join } from 'node:path';
import type { Store } from '../ports.js';
import { createSqliteAuditLog } from './audit.js';
import { DB_FILE, openDatabase, type Db } from './db.js';
import { createSqliteDeviceStore } from './devices.js';
import { createSqliteEventLog } from './events.js';
import { trackWrites } from './health.js';
import { createSqliteLocks } from './locks.js';
import { createSqliteRateWindows } from './rate-limits.js';
import { createSqliteAlertState } from './alerts.js';

export interface SqliteStore extends Store {
  /** The handle itself, for SQLite-specific tests and tools; the rest of imops uses the ports. */
  readonly db: Db;
}

export interface SqliteStoreOptions {
  /** Directory of the database file; `:memory:` for a throwaway store. */
  dataDir: string;
  now?: () => number;
  maxPerUser?: number;
}

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const now = options.now ?? Date.now;
  const db = openDatabase(options.dataDir);
  const health = trackWrites(db, now);
  const devices = createSqliteDeviceStore(db, health, now, options.maxPerUser === undefined ? {} : { maxPerUser: options.maxPerUser });
  const audit = createSqliteAuditLog(db, health, now);
  const locks = createSqliteLocks(db, health, now);
  const rateLimits = createSqliteRateWindows(db, health);
  const alerts = createSqliteAlertState(db, health);
  const events = createSqliteEventLog(db, health, now);
  const where = options.dataDir === ':memory:' ? 'in memory (nothing is kept after exit)' : `at ${join(options.dataDir, DB_FILE)}`;
  let closing: Promise<void> | undefined;
  return {
    kind: 'sqlite',
    db,
    devices,
    audit,
    locks,
    rateLimits,
    alerts,
    events,
    describe: () => `SQLite ${where}`,
    health: () => health.health(),
    close() {
      closing ??= (async () => {
        devices.drain();
        // Prepared statements die with the handle; WAL is checkpointed on close.
        if (db.open) db.close();
      })();
      return closing;
    },
  };
}
