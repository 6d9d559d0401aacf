import type { Store } from './ports.js';
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';

export * from './ports.js';

export interface DatabaseOptions {
  /** postgres://… (IMOPS_DATABASE_URL); never logged. */
  url: string;
  /** Connections per process (IMOPS_DATABASE_POOL). */
  pool?: number;
}

export interface OpenStoreOptions {
  /** The embedded store's directory; `:memory:` for a throwaway store (tests). Unused with `database`. */
  dataDir: string;
  /** Postgres instead of the embedded SQLite store: several replicas share it. */
  database?: DatabaseOptions;
  /** Injectable clock for the stored times (tests). */
  now?: () => number;
}

/** The store this process uses: Postgres when a database URL is given, else the embedded SQLite store in `dataDir`. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.database) {
    return openPostgresStore({
      url: options.database.url,
      ...(options.database.pool !== undefined && { poolSize: options.database.pool }),
      ...(options.now && { now: options.now }),
    });
  }
  return openSqliteStore(options);
}
