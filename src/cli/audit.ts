import type { Command } from 'commander';
import { displayWidth } from '../format.js';
import { wordsIn } from '../text/words.js';
import type { CliContext } from './context.js';
import { UsageError } from '../errors.js';
import { say } from '../text/index.js';
import { openStore, type Store } from '../store/index.js';
import { loadCli } from './services.js';
import { storeOpenError } from './startup.js';

const MAX_LIMIT = 10_000;

export function registerAuditCommand(program: Command, ctx: CliContext): void {
  program
    .command('audit')
    .description('recent audit entries: who generated, verified or tested what, for which UserID, and how it ended')
    .option('--limit <n>', 'how many entries, newest first', '20')
    .option('--json', 'print one JSON document')
    .action(async (opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!/^\d+$/.test(opts.limit.trim()) || limit < 1 || limit > MAX_LIMIT) {
        throw new UsageError(
          say((t) => t.cli.audit.badLimit(MAX_LIMIT, opts.limit)),
          say((t) => t.cli.audit.limitFix),
        );
      }
      const { config } = loadCli(ctx);
      let store: Store;
      try {
        store = await openStore({ dataDir: config.dataDir, ...(config.database && { database: config.database }) });
      } catch (err) {
        throw storeOpenError(config, err);
      }
      try {
        const entries = await store.audit.recent(limit);
        if (opts.json) {
          ctx.out(JSON.stringify({ entries }, wordsIn(ctx.t()), 2));
          return;
        }
        const t = ctx.t();
        if (entries.length === 0) {
          ctx.out(t.cli.audit.empty(config.dataDir));
          return;
        }
        const now = Date.now();
        const rows = entries.map((e) => [t.time.when(Date.parse(e.at), now), e.principal, e.action, e.app ?? '-', e.target ?? '-', e.outcome, e.detail ?? '']);
        const c = t.cli.audit.columns;
        const header = [c.time, c.who, c.action, c.app, c.userId, c.outcome, c.detail];
        const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
        const line = (cells: string[]) =>
          cells
            .map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
            .join('  ')
            .trimEnd();
        ctx.out([line(header), ...rows.map(line)].join('\n'));
      } finally {
        await store.close();
      }
    });
}
