import pg from 'pg';
import { StoreUnavailableError, type StoreHealth } from '../ports.js';
import { migrations, type Migration } from './migrations.js';

export type Pool = pg.Pool;

/** Connections per process when neither IMOPS_DATABASE_POOL nor imops.yml says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

export interface PoolOptions {
  url: string;
  /** Connections this process keeps at most. */
  size: number;
  /** Bound on opening a connection (and on waiting for a free one). */
  connectTimeoutMs?: number;
  /** Bound on one statement, server side and client side: nothing waits on a database that stopped answering. */
  queryTimeoutMs?: number;
}

export function createPool(o: PoolOptions): Pool {
  const queryTimeout = o.queryTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: o.url,
    max: o.size,
    connectionTimeoutMillis: o.connectTimeoutMs ?? 5_000,
    statement_timeout: queryTimeout,
    query_timeout: queryTimeout + 2_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'imops',
  });
  // A pooled connection that the server closes while idle (a restart, a failover) is dropped and replaced on
  // the next query; the error itself must not take the process down. Health probes report the outage.
  pool.on('error', () => {});
  return pool;
}

/**
 * Where the database is, for the banner and messages: host, port and database name, never the user or the
 * password (a URL with credentials must not reach a log).
 */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || u.searchParams.get('host') || 'localhost';
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)';
    return `${host}:${u.port || '5432'}/${db}`;
  } catch {
    return '(a database URL that does not parse)';
  }
}

/** The advisory lock replicas take while migrating, so that one at a time brings the schema up to date. */
const MIGRATION_LOCK = 0x696d6f7073; // "imops"

/** Bring the schema up to date; safe to run from several replicas at once (they take turns). */
export async function migrate(pool: Pool, list: readonly Migration[] = migrations): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS imops_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM imops_schema')).rows.map((r) => r.version));
      for (const m of list) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO imops_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`migration ${m.version} (${m.name}) failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return Math.max(0, ...list.map((m) => m.version));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
/** SQLSTATEs that mean "the database cannot take writes now", not "this request is wrong". */
const UNAVAILABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300', '53100', '53200', '58030', '25006', '57014']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Client was closed|not queryable/i;

/** A short reason when `err` means the database is down, unreachable or overloaded; undefined otherwise. */
export function unavailableReason(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_ERRNO.has(code)) return code;
    if (code.startsWith('08') || UNAVAILABLE_SQLSTATE.has(code)) return `SQLSTATE ${code}`;
  }
  if (err instanceof AggregateError) for (const e of err.errors) if (unavailableReason(e)) return unavailableReason(e);
  if (UNAVAILABLE_MESSAGE.test(err.message)) return err.message.slice(0, 80);
  return undefined;
}

/** Seconds a client is told to wait before retrying while the database is unreachable. */
const RETRY_AFTER_S = 5;

/**
 * Whether the database answers. A query that fails because it is down marks the store unavailable (and becomes a
 * StoreUnavailableError: the API answers 503 with Retry-After); the next one that succeeds marks it available.
 * A probe (SELECT 1) runs in the background so that /readyz follows the database even when nothing is written:
 * every `probeMs` while it answers, every `probeMs / 5` while it does not.
 */
export interface PgHealth {
  run<T>(fn: () => Promise<T>): Promise<T>;
  health(): StoreHealth;
  close(): void;
}

export function trackHealth(pool: Pool, where: string, probeMs = 5_000): PgHealth {
  let problem: string | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    let out: T;
    try {
      out = await fn();
    } catch (err) {
      const reason = unavailableReason(err);
      if (reason === undefined || closed) throw err;
      problem = `the Postgres database at ${where} is unreachable or refuses work (${reason})`;
      throw new StoreUnavailableError(`${problem}; nothing was stored`, 'DATABASE_UNAVAILABLE', RETRY_AFTER_S);
    }
    problem = undefined;
    return out;
  };
  const probe = () => {
    timer = undefined;
    if (closed) return;
    run(() => pool.query('SELECT 1'))
      .catch(() => {})
      .finally(() => {
        if (!closed) timer = setTimeout(probe, problem === undefined ? probeMs : Math.max(50, probeMs / 5)).unref();
      });
  };
  timer = setTimeout(probe, probeMs).unref();
  return {
    run,
    health() {
      if (closed) return { writable: false, problem: 'the store is closed' };
      return problem === undefined ? { writable: true } : { writable: false, problem };
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
