// What the CLI's commands that need the store share: the configuration, a logger on stderr, and the services.
import type { CheckDeps } from '../checks/check.js';
import { findApp, loadConfig } from '../config/load.js';
import type { AppConfig, Config } from '../config/types.js';
import { imClients } from '../im/index.js';
import { createLogger, type Logger } from '../log.js';
import { openServices, type Services } from '../services.js';
import type { CliContext } from './context.js';
import { logLevelFrom, storeOpenError } from './startup.js';

/** The configuration and a logger that writes to the CLI's stderr (quiet unless LOG_LEVEL says otherwise). */
export function loadCli(ctx: CliContext): { config: Config; log: Logger } {
  const { config, notices } = loadConfig({ path: ctx.configPath(), env: ctx.env, cwd: ctx.cwd });
  // Config notices are English, like configuration errors (they name config keys); the label is the reader's.
  for (const n of notices) ctx.err(`imops: ${ctx.t().cli.note(n)}`);
  const log = createLogger({ level: logLevelFrom(ctx.env, 'warn'), destination: { write: (line: string) => ctx.err(line) } });
  return { config, log };
}

/** Every dependency a check may need, from the opened services. */
export function checkDeps(config: Config, log: Logger, s: Services): CheckDeps {
  return {
    config,
    log,
    now: Date.now,
    push: s.push,
    audit: s.audit,
    devices: s.devices,
    events: s.store.events,
    locks: s.store.locks,
    alerts: s.store.alerts,
    metrics: s.metrics,
    im: imClients(),
  };
}

/** Open the services for one command, hand them over with the check dependencies, and close them after it. */
export function withStore(ctx: CliContext, fn: (s: Services, deps: CheckDeps) => Promise<void>): Promise<void> {
  return open(loadCli(ctx), fn);
}

/** withStore for a command about one app: the app is resolved first (a ConfigError naming the apps, exit 2). */
export function withServices(ctx: CliContext, appName: string | undefined, fn: (s: Services, app: AppConfig, deps: CheckDeps) => Promise<void>): Promise<void> {
  const loaded = loadCli(ctx);
  const app = findApp(loaded.config, appName);
  return open(loaded, (s, deps) => fn(s, app, deps));
}

async function open({ config, log }: { config: Config; log: Logger }, fn: (s: Services, deps: CheckDeps) => Promise<void>): Promise<void> {
  let services: Services;
  try {
    services = await openServices({ config, log });
  } catch (err) {
    throw storeOpenError(config, err);
  }
  try {
    await fn(services, checkDeps(config, log, services));
  } finally {
    await services.close();
  }
}
