import type { Command } from 'commander';
import { wordsIn } from '../text/words.js';
import type { CliContext } from './context.js';
import { UsageError } from '../errors.js';
import { openStore, type Store } from '../store/index.js';
import { formatTime } from '../format.js';
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
        throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, got "${opts.limit}"`, 'for example --limit 50');
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
        if (entries.length === 0) {
          ctx.out(`No audit entries yet in ${config.dataDir}.`);
          return;
        }
        const rows = entries.map((e) => [formatTime(e.at), e.principal, e.action, e.app ?? '-', e.target ?? '-', e.outcome, e.detail ?? '']);
        const header = ['time', 'who', 'action', 'app', 'UserID', 'outcome', 'detail'];
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        const line = (cells: string[]) =>
          cells
            .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
            .join('  ')
            .trimEnd();
        ctx.out([line(header), ...rows.map(line)].join('\n'));
      } finally {
        await store.close();
      }
    });
}
