import { StoreUnavailableError, type StoreHealth } from '../ports.js';
import type { Db } from './db.js';

/**
 * Whether the SQLite store can write. A write that fails because the disk is full or the file system errs
 * marks it unwritable (and becomes a StoreUnavailableError, which the API answers with 503); the next write
 * that succeeds marks it writable again. While unwritable, asking for health() tries a one-row write, so
 * /readyz recovers by itself once space is freed, even when no client is writing.
 */
export interface WriteHealth {
  /** Run a write; translate "cannot write now" failures and keep track of them. */
  write<T>(fn: () => T): T;
  health(): StoreHealth;
}

export function trackWrites(db: Db, now: () => number): WriteHealth {
  let problem: string | undefined;
  const probe = db.prepare('INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at');
  const write = <T>(fn: () => T): T => {
    let out: T;
    try {
      out = fn();
    } catch (err) {
      const code = cannotWrite(err);
      if (code === undefined) throw err;
      problem =
        code === 'SQLITE_FULL' ? 'the disk holding the SQLite store is full' : `the SQLite store cannot write (${code}): the disk or file system is failing`;
      throw new StoreUnavailableError(`${problem}; nothing was stored`, code);
    }
    problem = undefined;
    return out;
  };
  return {
    write,
    health() {
      if (problem !== undefined && db.open) {
        try {
          write(() => probe.run(now()));
        } catch {
          // Still failing: problem says why.
        }
      }
      if (!db.open) return { writable: false, problem: 'the store is closed' };
      return problem === undefined ? { writable: true } : { writable: false, problem };
    },
  };
}

/** The SQLite result code when `err` means the store cannot write right now (not that the request was wrong). */
function cannotWrite(err: unknown): string | undefined {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return undefined;
  return code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') ? code : undefined;
}
