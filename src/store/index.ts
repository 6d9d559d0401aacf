import type { Store } from './ports.js';
import { openSqliteStore } from './sqlite/index.js';

export * from './ports.js';

export interface OpenStoreOptions {
  /** The embedded store's directory; `:memory:` for a throwaway store (tests). */
  dataDir: string;
  /** Injectable clock for the stored times (tests). */
  now?: () => number;
}

/** The store this process uses: the embedded SQLite store in `dataDir` (Postgres comes later behind this factory). */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  return openSqliteStore(options);
}
