// The fleet commands: `imops devices import`, `imops push sweep`, `imops watch --once` (design.md "Sweep and watch").
import { createReadStream } from 'node:fs';
import { wordsIn } from '../text/words.js';
import { say } from '../text/index.js';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { runCheck } from '../checks/check.js';
import { importDevicesCheck } from '../checks/import.js';
import { SWEEP_DEFAULTS, sweepCheck, sweepJson } from '../checks/sweep.js';
import { watchRound } from '../checks/watch.js';
import type { WatchConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import { importProblem, importReply, sweepReply, watchJson, watchTerminal } from '../present/incidents.js';
import { renderTerminal } from '../present/terminal.js';
import { EXIT_CHECK_FAILED, type CliContext } from './context.js';
import { operator } from './operator.js';
import { withServices, withStore } from './services.js';

/** The watch settings a `--once` run uses when imops.yml has no `watch:` section. */
export const WATCH_DEFAULTS: WatchConfig = {
  every: '1h',
  everyMs: 3_600_000,
  notify: [],
  certificateExpiryDays: 30,
  sweep: { sample: 100, maxFailureRate: 0.2 },
};

function whole(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(say((t) => t.cli.fleet.notWholeInRange(name, min, max, value)));
    return n;
  };
}

function rate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(
      say((t) => t.cli.fleet.notRate(value)),
      say((t) => t.cli.fleet.notRateFix),
    );
  }
  return n;
}

export function registerIncidentCommands(program: Command, ctx: CliContext): void {
  const devices = program.commands.find((c) => c.name() === 'devices');
  const push = program.commands.find((c) => c.name() === 'push');
  if (!devices || !push) throw new Error('register the push commands first');

  devices
    .command('import')
    .description('bulk-load devices a team already keeps, one JSON object per line: {"userId","certificateId","token",...}')
    .argument('<file>', 'a JSON-lines file (- for standard input)')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document: { stored, updated, rejected: [{ line, problem }] }')
    .action(async (file: string, opts: { app?: string; json?: boolean }) => {
      if (file !== '-') {
        const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
          throw new UsageError(
            say((t) => t.cli.fleet.cannotRead(file, err.code ?? 'error')),
            say((t) => t.cli.fleet.fileFix),
          );
        });
        if (!info.isFile()) {
          throw new UsageError(
            say((t) => t.cli.fleet.notAFile(file)),
            say((t) => t.cli.fleet.fileFix),
          );
        }
      }
      await withServices(ctx, opts.app, async (_s, app, deps) => {
        const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
        const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
        const f = await runCheck(deps, operator(), importDevicesCheck, { app: app.name, lines });
        if (f.rejectedCount > 0) ctx.setExit(EXIT_CHECK_FAILED);
        if (opts.json) {
          const rejected = f.rejected.map((r) => ({ line: r.line, problem: importProblem(ctx.t(), r.problem) }));
          ctx.out(JSON.stringify({ stored: f.stored, updated: f.updated, rejected }, wordsIn(ctx.t()), 2));
          return;
        }
        ctx.out(renderTerminal(importReply(ctx.t(), f), ctx.t()));
      });
    });

  push
    .command('sweep')
    .description("test one certificate's most recently seen devices without showing anything on them: verdict histogram and failure rate")
    .requiredOption('--cert <id>', 'the certificate ID to sweep')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--sample <n>', `how many devices, the most recently seen (default ${SWEEP_DEFAULTS.sample})`, whole('--sample', 1, 100_000))
    .option('--concurrency <n>', `pushes in flight at once (default ${SWEEP_DEFAULTS.concurrency})`, whole('--concurrency', 1, 256))
    .option('--max-failure-rate <r>', `exit 1 above this failure rate (default ${SWEEP_DEFAULTS.maxFailureRate})`, rate)
    .option('--budget <seconds>', `stop starting pushes after this long (default ${SWEEP_DEFAULTS.budgetMs / 1000})`, whole('--budget', 1, 3600))
    .option('--prune', 'remove the devices the provider says are gone (TOKEN_UNREGISTERED)')
    .option('--json', 'print one JSON document')
    .action(
      async (opts: {
        cert: string;
        app?: string;
        sample?: number;
        concurrency?: number;
        maxFailureRate?: number;
        budget?: number;
        prune?: boolean;
        json?: boolean;
      }) => {
        await withServices(ctx, opts.app, async (_s, app, deps) => {
          const tty = !opts.json && process.stderr.isTTY === true;
          let last = 0;
          const f = await runCheck(deps, operator(), sweepCheck, {
            app: app.name,
            certificateId: opts.cert,
            ...(opts.sample !== undefined && { sample: opts.sample }),
            ...(opts.concurrency !== undefined && { concurrency: opts.concurrency }),
            ...(opts.maxFailureRate !== undefined && { maxFailureRate: opts.maxFailureRate }),
            ...(opts.budget !== undefined && { budgetMs: opts.budget * 1000 }),
            ...(opts.prune && { prune: true }),
            ...(tty && {
              onProgress: (done: number, total: number) => {
                const t = Date.now();
                if (done < total && t - last < 100) return;
                last = t;
                process.stderr.write(`\r${ctx.t().sweep.progress(done, total)}${done === total ? '\n' : ''}`);
              },
            }),
          });
          if (f.failing) ctx.setExit(EXIT_CHECK_FAILED);
          ctx.out(opts.json ? JSON.stringify(sweepJson(f), wordsIn(ctx.t()), 2) : renderTerminal(sweepReply(ctx.t(), f), ctx.t()));
        });
      },
    );

  program
    .command('watch')
    .description('run one watch round (every certificate: health, expiry, a sweep) and print the alerts; for cron and CI')
    .requiredOption('--once', 'run one round and exit (imops serve runs rounds on the `watch: every` schedule)')
    .option('--json', 'print one JSON document: { alerts: [{ certificateId, kind, verdict, cause, fix }] }')
    .action(async (opts: { once: boolean; json?: boolean }) => {
      await withStore(ctx, async (s, deps) => {
        const { config } = deps;
        const watch = config.watch ?? WATCH_DEFAULTS;
        if (!config.watch && !opts.json) ctx.err(`imops: ${ctx.t().cli.note(ctx.t().watch.notConfigured)}`);
        const f = await watchRound({ ...deps, locks: s.store.locks, alerts: s.store.alerts }, watch);
        if (!f.ran) ctx.err(`imops: ${ctx.t().watch.roundSkipped}`);
        if (f.alerts.some((a) => a.kind !== 'recovered')) ctx.setExit(EXIT_CHECK_FAILED);
        ctx.out(opts.json ? JSON.stringify(watchJson(ctx.t(), f), wordsIn(ctx.t()), 2) : renderTerminal(watchTerminal(ctx.t(), f), ctx.t()));
      });
    });
}
