import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type CliContext } from './context.js';
import { UsageError } from '../errors.js';
import { say } from '../text/index.js';
import { pino } from 'pino';
import { createLogger, describeError, type Logger } from '../log.js';
import { Metrics } from '../metrics.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { openServices, type Services } from '../services.js';
import { createCommandCore } from '../commands/core.js';
import type { ChatAdapter, RunningAdapter } from '../commands/adapter.js';
import type { CommandCore, Invocation, Plan } from '../commands/types.js';
import { ID_KINDS } from '../commands/registry.js';
import { Router } from '../http/router.js';
import { registerDeviceRoutes } from '../http/devices.js';
import { CALLBACK_PATH, registerImCallbackRoute } from '../im/callback.js';
import { imClients } from '../im/index.js';
import { createHttpServer, type HttpServer, type ReadyState } from '../http/server.js';
import { EVERYONE, GUARDED_ACTIONS } from '../access/policy.js';
import { formatFields } from '../format.js';
import { certificateFacts } from '../push/providers/index.js';
import { logLevelFrom, storeOpenError } from './startup.js';
import { startWatchLoop, type WatchLoop } from './watch-loop.js';

const DEFAULT_PORT = 3000;
/** Inside `docker stop`'s 10 s grace (and Kubernetes' 30 s), with room to close the store after the drain. */
const DEFAULT_SHUTDOWN_MS = 8_000;
/** An adapter that has not connected by then is reported as still connecting; the API does not wait for it. */
const ADAPTER_START_WAIT_MS = 10_000;

export interface ServeOptions {
  config: Config;
  env: NodeJS.ProcessEnv;
  adapters: readonly ChatAdapter[];
  log: Logger;
  port: number;
  /** Default 0.0.0.0 (all interfaces), as a container needs. */
  host?: string;
  metrics?: Metrics;
  /** Config notices (for example a trimmed secret key) to show in the banner. */
  notices?: string[];
  /** Bound on draining HTTP requests and stopping adapters at shutdown. */
  shutdownTimeoutMs?: number;
  /** Bound on waiting for adapters to connect before the banner is printed. */
  adapterStartWaitMs?: number;
  /** Delay before the first watch round (default: one `watch.every` period). */
  watchFirstRoundMs?: number;
}

export interface AdapterStatus {
  name: ChatAdapter['name'];
  label: string;
  state: 'running' | 'connecting' | 'failed' | 'disabled';
  /** running: the adapter's description; failed: the error message; disabled: what enables it. */
  detail: string;
}

export interface RunningServe {
  url: string;
  port: number;
  services: Services;
  http: HttpServer;
  adapters: AdapterStatus[];
  /** The watch loop, when imops.yml has `watch:`. */
  watch?: WatchLoop;
  /** The human start-up banner, one string per line. */
  banner(): string[];
  /** Stop accepting, drain in-flight requests, stop adapters, close the store. Safe to call twice. */
  close(): Promise<void>;
  /** Report not ready from now on (`process` in /readyz), for example before closing after an uncaught exception. */
  fail(reason: string): void;
}

/** Start everything `imops serve` runs. Used by the CLI command and by benchmarks that need a server in process. */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const { config, env, log } = options;
  const metrics = options.metrics ?? new Metrics();
  const shutdownMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_MS;
  let services: Services;
  try {
    services = await openServices({ config, log, metrics, dataDir: config.dataDir });
  } catch (err) {
    throw storeOpenError(config, err);
  }
  // Adapters get the core metered: commands by name and outcome, and UserSig verdicts, appear in /metrics.
  const core = meterCore(
    createCommandCore({
      config,
      log,
      push: services.push,
      audit: services.audit,
      devices: services.devices,
      rateWindows: services.store.rateLimits,
      metrics,
      events: services.store.events,
      im: imClients(),
    }),
    metrics,
  );
  const router = new Router();
  registerDeviceRoutes(router, { config, devices: services.devices, log, metrics });
  registerImCallbackRoute(router, { config, events: services.store.events, log });

  let closing: Promise<void> | undefined;
  const statuses: AdapterStatus[] = [];
  const running = new Map<ChatAdapter['name'], RunningAdapter>();
  let failed: string | undefined;
  const ready = (): ReadyState => {
    const state: ReadyState = { store: services.store.health().writable };
    if (failed) state.process = false;
    for (const s of statuses) {
      if (s.state === 'disabled') continue;
      const adapter = running.get(s.name);
      state[`adapter:${s.name}`] = adapter ? safeReady(adapter) : false;
    }
    return state;
  };
  const http = createHttpServer({ log, metrics, router, ready });

  let address: AddressInfo;
  try {
    address = await http.listen(options.port, options.host ?? '0.0.0.0');
  } catch (err) {
    await services.close();
    const code = (err as NodeJS.ErrnoException).code;
    const port = options.port;
    if (code === 'EADDRINUSE') {
      throw new UsageError(
        say((t) => t.cli.serve.portInUse(port)),
        say((t) => t.cli.serve.portInUseFix),
      );
    }
    if (code === 'EACCES') {
      throw new UsageError(
        say((t) => t.cli.serve.portDenied(port)),
        say((t) => t.cli.serve.portDeniedFix),
      );
    }
    throw err;
  }

  // Each adapter starts on its own: one that fails or hangs is reported, the others and the API go on.
  const starts = options.adapters.map(async (adapter) => {
    const missing = adapter.missing(env);
    if (missing.length > 0) {
      statuses.push({ name: adapter.name, label: adapter.label, state: 'disabled', detail: `set ${missing.join(', ')}; ${adapter.setupHint}` });
      return;
    }
    const status: AdapterStatus = { name: adapter.name, label: adapter.label, state: 'connecting', detail: 'connecting' };
    statuses.push(status);
    const alog = log.child({ adapter: adapter.name });
    const started = adapter.start({ core, log: alog, env, router }).then(
      (r) => {
        if (closing) {
          // Connected only after shutdown began: stop it rather than leave it running.
          void r.stop().catch((err: unknown) => alog.error({ err: describeError(err) }, 'adapter did not stop cleanly'));
          return;
        }
        running.set(adapter.name, r);
        status.state = 'running';
        status.detail = r.description;
        alog.info({ description: r.description }, 'adapter started');
      },
      (err: unknown) => {
        status.state = 'failed';
        status.detail = errorMessage(err);
        alog.error({ err: describeError(err) }, 'adapter failed to start; the API and the other adapters keep running');
      },
    );
    await Promise.race([started, delay(options.adapterStartWaitMs ?? ADAPTER_START_WAIT_MS)]);
    if (status.state === 'connecting') alog.warn('adapter is still connecting; serving without waiting for it');
  });
  await Promise.all(starts);
  const order = options.adapters.map((a) => a.name);
  statuses.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));

  // The watch (when configured): rounds on its schedule, alerts through the adapters' post().
  const watch: WatchLoop | undefined = config.watch
    ? startWatchLoop({
        config,
        watch: config.watch,
        services,
        log: log.child({ component: 'watch' }),
        metrics,
        ...(options.watchFirstRoundMs !== undefined && { firstRoundMs: options.watchFirstRoundMs }),
        async post(target, reply) {
          const [platform, channel] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
          const adapter = running.get(platform as ChatAdapter['name']);
          if (!adapter?.post) throw new Error(`the ${platform} adapter is not running, so ${target} cannot be notified`);
          await adapter.post(channel, reply);
        },
      })
    : undefined;

  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  const close = () =>
    (closing ??= (async () => {
      log.info({ inFlight: http.inFlight(), timeoutMs: shutdownMs }, 'shutting down: no new connections, finishing requests in flight');
      await Promise.all([
        http.close(shutdownMs),
        ...[...running].map(async ([name, r]) => {
          try {
            await withTimeout(r.stop(), shutdownMs, `adapter ${name} did not stop within ${shutdownMs} ms`);
          } catch (err) {
            log.error({ err: describeError(err), adapter: name }, 'adapter did not stop cleanly');
          }
        }),
        // A round in progress (a sweep may take a minute) is not waited for beyond the shutdown bound.
        watch &&
          withTimeout(watch.stop(), shutdownMs, `the watch round did not finish within ${shutdownMs} ms`).catch((err: unknown) =>
            log.warn({ err: describeError(err) }, 'stopping with a watch round unfinished; the next round runs after restart'),
          ),
      ]);
      // Every request has answered or been cut off: nothing writes to the store any more.
      await services.close();
      log.info('stopped');
    })());

  return {
    url,
    port: address.port,
    services,
    http,
    ...(watch && { watch }),
    adapters: statuses,
    banner: () => banner({ config, store: services.store.describe(), url, statuses, notices: options.notices ?? [] }),
    close,
    fail(reason) {
      if (!failed) log.warn({ reason }, 'reporting not ready');
      failed ??= reason;
    },
  };
}

/**
 * The command core as adapters see it, with every command counted by name and outcome (the reply's status,
 * "form" for a modal, "invalid_form" for a form sent back with errors) and timed until its reply is ready.
 * Names come from the specs and the core's id kinds only, so what users type cannot add series.
 */
export function meterCore(core: CommandCore, metrics: Metrics): CommandCore {
  const nameOf = (inv: Invocation): string => {
    const spec = core.specs.find((s) => s.name === inv.command);
    if (!spec) return 'unknown';
    return inv.subcommand && spec.subcommands?.some((s) => s.name === inv.subcommand) ? `${spec.name} ${inv.subcommand}` : spec.name;
  };
  const kindOf = (prefix: string, id: string): string => {
    const kind = id.split('|', 1)[0] ?? '';
    return `${prefix} ${ID_KINDS.has(kind) ? kind : 'unknown'}`;
  };
  const done = (command: string, started: bigint, outcome: string) => {
    metrics.commands.inc({ command, outcome });
    metrics.commandSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9, { command });
  };
  const meter = (command: string, started: bigint, plan: Plan): Plan => {
    if (plan.kind === 'form') {
      done(command, started, 'form');
      return plan;
    }
    const run = plan.run;
    return {
      ...plan,
      run: async () => {
        try {
          const reply = await run();
          done(command, started, reply.status);
          return reply;
        } catch (err) {
          done(command, started, 'error');
          throw err;
        }
      },
    };
  };
  return {
    specs: core.specs,
    parseText: (command, text) => core.parseText(command, text),
    plan: (principal, inv) => meter(nameOf(inv), process.hrtime.bigint(), core.plan(principal, inv)),
    action: (principal, id, value) => meter(kindOf('action', id), process.hrtime.bigint(), core.action(principal, id, value)),
    async submitForm(principal, formId, values) {
      const started = process.hrtime.bigint();
      const name = kindOf('form', formId);
      const result = await core.submitForm(principal, formId, values);
      if (result.kind === 'errors') {
        done(name, started, 'invalid_form');
        return result;
      }
      return { kind: 'plan', plan: meter(name, started, result.plan) };
    },
    autocomplete: (principal, source, partial, args) => core.autocomplete(principal, source, partial, args),
    wordsFor: (principal) => core.wordsFor(principal),
  };
}

function banner(o: { config: Config; store: string; url: string; statuses: AdapterStatus[]; notices: string[] }): string[] {
  const { config } = o;
  const lines = ['imops serve'];
  const rows: [string, string | undefined][] = [];
  rows.push(['config', config.source === 'environment' ? 'environment (no imops.yml; --config FILE or IMOPS_CONFIG to use one)' : config.source]);
  if (config.database) {
    // describe() names host, port and database only: the URL's credentials never reach the banner.
    rows.push(['store', `${o.store} (IMOPS_DATABASE_URL; replicas share it)`]);
  } else {
    rows.push(['data', `${config.dataDir} (IMOPS_DATA_DIR)`]);
    rows.push(['store', `${o.store} (one process; set IMOPS_DATABASE_URL=postgres://… to run several replicas)`]);
  }
  if (config.apps.length === 0) {
    rows.push([
      'apps',
      'none yet: the device API answers, but nothing can be checked.\n' +
        'To add an app: set IMOPS_SDKAPPID and IMOPS_SECRET_KEY (one app named "default"),\n' +
        'or list apps in imops.yml (apps[].name, sdkAppId, secretKey, certificates) and pass --config',
    ]);
  } else {
    rows.push([
      'apps',
      config.apps
        .map((a) => {
          const certs = a.certificates.map((c) => [c.id, c.platform, certificateFacts(c).environment].filter(Boolean).join(' '));
          return `${a.name} (SDKAppID ${a.sdkAppId}; push certificates: ${certs.length ? certs.join(', ') : 'none (list them under apps[].certificates in imops.yml to test pushes)'})`;
        })
        .join('\n'),
    ]);
  }
  for (const s of o.statuses) {
    const text =
      s.state === 'running'
        ? `enabled: ${s.detail}`
        : s.state === 'connecting'
          ? 'enabled, still connecting (see /readyz)'
          : s.state === 'failed'
            ? `FAILED to start: ${s.detail} (the API keeps running; see the log)`
            : `not enabled: ${s.detail}`;
    rows.push([s.label.toLowerCase(), text]);
  }
  if (config.watch) {
    // The watch posts through the adapters: a notify target whose adapter is not running would alert nobody.
    const idle = config.watch.notify.filter((n) => !o.statuses.some((s) => s.state !== 'disabled' && s.state !== 'failed' && n.startsWith(`${s.name}:`)));
    rows.push([
      'watch',
      `a round every ${config.watch.every} (certificate health, expiry within ${config.watch.certificateExpiryDays} days, a sweep of ${config.watch.sweep.sample} devices each); alerts to ${
        config.watch.notify.length ? config.watch.notify.join(', ') : 'no channel (watch.notify is empty: alerts are only logged)'
      }${idle.length ? `\nWARNING: ${idle.join(', ')} cannot be notified: that adapter is not running` : ''}`,
    ]);
  }
  if (config.apps.length > 0) {
    rows.push([
      'access',
      GUARDED_ACTIONS.map((a) => {
        const who = config.access[a] ?? [];
        if (who.some((w) => w.trim() === EVERYONE)) return `${a}: everyone on chat ("${EVERYONE}" in access.${a})`;
        return who.length ? `${a}: ${who.length} principal${who.length === 1 ? '' : 's'}` : `${a}: nobody from chat (add principals under access.${a})`;
      }).join('\n'),
    ]);
  }
  rows.push(['device API', `PUT and DELETE ${o.url}/v1/devices`]);
  rows.push(['IM callbacks', `POST ${o.url}${CALLBACK_PATH}`]);
  rows.push(['health', `${o.url}/healthz  ${o.url}/readyz  ${o.url}/metrics`]);
  for (const n of o.notices) rows.push(['notice', n]);
  lines.push(formatFields(rows, '  '));
  lines.push(`imops serve listening on ${o.url}`);
  return lines;
}

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the bot: the device upload API, /healthz, /readyz, /metrics, and each chat adapter whose credentials are set')
    .option('-p, --port <port>', `port to listen on (default: $PORT, then ${DEFAULT_PORT})`)
    .option('--host <address>', 'address to listen on (default: all interfaces)')
    .action(async (opts: { port?: string; host?: string }) => {
      const port = parsePort(opts.port ?? ctx.env.PORT);
      const level = logLevelFrom(ctx.env, 'info');
      const { config, notices } = loadConfig({ path: ctx.configPath(), env: ctx.env, cwd: ctx.cwd });
      // Asynchronous writes: under load, lines written while one write is pending go out together instead of a
      // syscall per line. pino flushes what is pending when the process exits.
      const destination = pino.destination({ fd: 2, sync: false });
      const log = createLogger({ level, destination });
      ctx.setExit(await serveUntilSignal({ config, notices, port, host: opts.host, log, env: ctx.env, adapters: ctx.adapters, out: ctx.out }));
    });
}

async function serveUntilSignal(o: {
  config: Config;
  notices: string[];
  port: number;
  host?: string;
  log: Logger;
  env: NodeJS.ProcessEnv;
  adapters: readonly ChatAdapter[];
  out: (text: string) => void;
}): Promise<number> {
  const { log } = o;
  // A lost promise (most often inside a chat library) leaves nothing half-done that imops depends on: log it and
  // keep serving. An uncaught exception stopped code in the middle of whatever it was doing: the process is in an
  // unknown state, so it reports not ready, closes gracefully and exits 1 for the supervisor to restart it.
  const onRejection = (reason: unknown) => log.error({ err: describeError(reason) }, 'unhandled promise rejection (imops keeps serving)');
  let onCrash: (err: unknown) => void = () => {};
  const crashed = new Promise<unknown>((resolve) => (onCrash = resolve));
  let crashes = 0;
  const onException = (err: Error) => {
    crashes += 1;
    log.fatal(
      { err: describeError(err) },
      crashes === 1
        ? 'uncaught exception: imops is in an unknown state; shutting down (exit 1) for the supervisor to restart it'
        : 'another uncaught exception while shutting down',
    );
    onCrash(err);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  // Listen for signals before starting, so a SIGTERM during start-up still ends in a clean shutdown.
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const signalled = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const detach = () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };

  let serve: RunningServe;
  try {
    serve = await startServe({ config: o.config, env: o.env, adapters: o.adapters, log, port: o.port, host: o.host, notices: o.notices });
  } catch (err) {
    detach();
    throw err;
  }
  o.out(serve.banner().join('\n'));

  const stop = await Promise.race([signalled.then((signal) => ({ signal })), crashed.then(() => ({ signal: undefined }))]);
  // A second signal means "now": the operator no longer wants to wait for the drain.
  const force = (second: NodeJS.Signals) => {
    log.warn({ signal: second }, 'second signal: exiting without waiting');
    process.exit(1);
  };
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  const code = stop.signal ? EXIT_OK : EXIT_CHECK_FAILED;
  if (stop.signal) log.info({ signal: stop.signal }, 'signal received');
  else serve.fail('uncaught exception');
  await serve.close();
  process.off('SIGTERM', force);
  process.off('SIGINT', force);
  detach();
  // Everything imops owns is closed; a library timer left behind must not keep the process alive forever.
  setTimeout(() => process.exit(code === EXIT_OK ? (process.exitCode ?? EXIT_OK) : code), 2_000).unref();
  return code;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535)
    throw new UsageError(
      say((t) => t.cli.serve.notAPort(value)),
      say((t) => t.cli.serve.notAPortFix),
    );
  return n;
}

function safeReady(adapter: RunningAdapter): boolean {
  try {
    return adapter.ready();
  } catch {
    return false;
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
