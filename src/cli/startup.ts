// What every command checks in its environment before it does anything, worded once for `serve` and the rest.
import type { Config } from '../config/types.js';
import { ConfigError, UsageError } from '../errors.js';
import { say } from '../text/index.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL, or `fallback` when it is unset or empty; anything else is a usage error naming the choices. */
export function logLevelFrom(env: NodeJS.ProcessEnv, fallback: (typeof LOG_LEVELS)[number]): string {
  const level = env.LOG_LEVEL || fallback;
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new UsageError(
      say((t) => t.cli.serve.badLogLevel(level)),
      say((t) => t.cli.serve.logLevelFix(LOG_LEVELS)),
    );
  return level;
}

/**
 * The store in the data directory could not be opened. Most often a directory this user cannot write (a
 * root-owned Docker volume, a read-only mount) or a file where the directory should be.
 */
export function storeOpenError(config: Pick<Config, 'dataDir' | 'database'>, err: unknown): ConfigError {
  const { dataDir } = config;
  if (config.database) {
    return new ConfigError(
      'IMOPS_DATABASE_URL',
      '',
      // The store's message names host, port and database only, never the URL's credentials.
      err instanceof Error ? err.message : String(err),
      'check that Postgres is running and reachable from here, and that the user in IMOPS_DATABASE_URL may connect and create tables in that database',
    );
  }
  return new ConfigError(
    'IMOPS_DATA_DIR',
    '',
    `cannot open the store in ${dataDir}: ${err instanceof Error ? err.message : String(err)}`,
    'set IMOPS_DATA_DIR to a directory this user can create and write (in Docker, mount a volume on /data)',
  );
}
