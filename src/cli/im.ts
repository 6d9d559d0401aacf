// imops im status | im send-test | triage: Tencent IM asked directly with the app's admin UserSig.
import type { Command } from 'commander';
import { say } from '../text/index.js';
import { wordsIn } from '../text/words.js';
import { runCheck } from '../checks/check.js';
import { imSendTestCheck, imStatusCheck, MAX_WAIT_SECONDS } from '../checks/im.js';
import { triageFor } from '../checks/triage.js';
import { UsageError } from '../errors.js';
import { sendTestJson, sendTestReply, statusJson, statusReply } from '../present/im.js';
import { renderTerminal } from '../present/terminal.js';
import { triageJson, triageReply } from '../present/triage.js';
import { EXIT_CHECK_FAILED, type CliContext } from './context.js';
import { operator } from './operator.js';
import { withServices } from './services.js';

function parseWait(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) > MAX_WAIT_SECONDS) {
    throw new UsageError(
      say((t) => t.im.usage.waitNotSeconds(v.slice(0, 40))),
      say((t) => t.im.usage.waitFix(MAX_WAIT_SECONDS)),
    );
  }
  return Number(v);
}

export function registerImCommands(program: Command, ctx: CliContext): void {
  const im = program.command('im').description('ask Tencent IM about a user (REST API, signed as the app admin)');

  im.command('status')
    .description('account imported or not, Online / PushOnline / Offline per platform, and what it means for offline push')
    .argument('<userId>', 'the UserID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { app?: string; json?: boolean }) => {
      await withServices(ctx, opts.app, async (_s, app, deps) => {
        const f = await runCheck(deps, operator(), imStatusCheck, { app: app.name, userId });
        if (f.verdict !== 'ONLINE' && f.verdict !== 'PUSH_ONLINE') ctx.setExit(EXIT_CHECK_FAILED);
        ctx.out(opts.json ? JSON.stringify(statusJson(ctx.t(), app, f), wordsIn(ctx.t()), 2) : renderTerminal(statusReply(ctx.t(), app, f), ctx.t()));
      });
    });

  im.command('send-test')
    .description("send a text message with offline push through IM's own pipeline (it appears in the user's chat history)")
    .argument('<userId>', 'the UserID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--wait <seconds>', "wait this long for IM's push callback (default 10 with a callback token, else 0)")
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { app?: string; wait?: string; json?: boolean }) => {
      const wait = parseWait(opts.wait);
      await withServices(ctx, opts.app, async (_s, app, deps) => {
        const f = await runCheck(deps, operator(), imSendTestCheck, {
          app: app.name,
          userId,
          words: ctx.t().im.sendTest,
          ...(wait !== undefined && { wait }),
          ...(!opts.json && { onSent: (_s, w) => w > 0 && ctx.err(ctx.t().im.sendTest.sentWaiting(w)) }),
        });
        if (f.kind === 'failed' || f.reports.some((r) => !r.ok)) ctx.setExit(EXIT_CHECK_FAILED);
        ctx.out(opts.json ? JSON.stringify(sendTestJson(ctx.t(), app, f), wordsIn(ctx.t()), 2) : renderTerminal(sendTestReply(ctx.t(), app, f), ctx.t()));
      });
    });

  program
    .command('triage')
    .description('run every check for one user at once (IM account and status, logins, push results, devices, certificates)')
    .argument('<userId>', 'the UserID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--push', 'also send test pushes to the uploaded devices')
    .option('--usersig <sig>', 'a UserSig the user cannot log in with ("-" reads it from stdin)')
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { app?: string; push?: boolean; usersig?: string; json?: boolean }) => {
      const userSig = opts.usersig === '-' ? (await ctx.readStdin()).trim() : opts.usersig;
      await withServices(ctx, opts.app, async (_s, app, deps) => {
        const input = { app: app.name, userId, push: opts.push === true, ...(userSig !== undefined && { userSig }) };
        const r = await runCheck(deps, operator(), triageFor(input), input);
        if (r.findings.some((f) => !f.ok)) ctx.setExit(EXIT_CHECK_FAILED);
        ctx.out(opts.json ? JSON.stringify(triageJson(ctx.t(), app, r), wordsIn(ctx.t()), 2) : renderTerminal(triageReply(ctx.t(), app, r), ctx.t()));
      });
    });
}
