import type { Store } from '../ports.js';
import { createPgAlertState } from './alerts.js';
import { createPgAuditLog } from './audit.js';
import { createPool, DEFAULT_POOL_SIZE, describeDatabaseUrl, migrate, trackHealth, type Pool } from './db.js';
import { createPgDeviceStore } from './devices.js';
import { createPgEventLog } from './events.js';
import { createPgLocks } from './locks.js';
import { createPgRateWindows } from './rate-limits.js';

export { DEFAULT_POOL_SIZE, describeDatabaseUrl } from './db.js';

/** Device write batches in flight at once per process. */
const MAX_LANES = 2;

export interface PostgresStore extends Store {
  /** The pool itself, for Postgres-specific tests and tools; the rest of imops uses the ports. */
  readonly pool: Pool;
}

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (IMOPS_DATABASE_URL). Never logged: see describe(). */
  url: string;
  /** Connections this process keeps at most (IMOPS_DATABASE_POOL). */
  poolSize?: number;
  now?: () => number;
  maxPerUser?: number;
  /** Bound on opening a connection. */
  connectTimeoutMs?: number;
  /** Bound on one statement. */
  queryTimeoutMs?: number;
  /** How often /readyz's background probe asks the database while it answers (a fifth of it while it does not). */
  probeMs?: number;
}

/**
 * The store for several replicas: every port in one Postgres database. Opening it connects, then applies the
 * pending migrations (one replica at a time); it fails (and closes its pool) when the database cannot be
 * reached, so `imops serve` refuses to start on a wrong URL instead of answering 503 forever.
 * A port is one file here (devices.ts, audit.ts, locks.ts, rate-limits.ts, alerts.ts, events.ts) plus its tables in migrations.ts.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const now = options.now ?? Date.now;
  const size = options.poolSize ?? DEFAULT_POOL_SIZE;
  const where = describeDatabaseUrl(options.url);
  const pool = createPool({
    url: options.url,
    size,
    ...(options.connectTimeoutMs !== undefined && { connectTimeoutMs: options.connectTimeoutMs }),
    ...(options.queryTimeoutMs !== undefined && { queryTimeoutMs: options.queryTimeoutMs }),
  });
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`cannot open the Postgres store at ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const health = trackHealth(pool, where, options.probeMs);
  // At most MAX_LANES batches in flight: bigger batches mean fewer commits, which is what costs (measured on the
  // upload bench: 2 lanes 3,171/s, 4 lanes 2,284/s, 7 lanes 1,211/s for two replicas). Always one
  // connection free of them, so device writes never starve the reads, locks and audit writes.
  const devices = createPgDeviceStore(pool, health, now, {
    lanes: Math.max(1, Math.min(MAX_LANES, size - 1)),
    ...(options.maxPerUser !== undefined && { maxPerUser: options.maxPerUser }),
  });
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    pool,
    devices,
    audit: createPgAuditLog(pool, health, now),
    locks: createPgLocks(pool, health, now),
    rateLimits: createPgRateWindows(pool, health),
    alerts: createPgAlertState(pool, health),
    events: createPgEventLog(pool, health, now),
    describe: () => `Postgres at ${where} (pool of ${size})`,
    health: () => health.health(),
    close() {
      closing ??= (async () => {
        await devices.drain();
        health.close();
        await pool.end();
      })();
      return closing;
    },
  };
}
