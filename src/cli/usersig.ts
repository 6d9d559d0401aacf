import type { Command } from 'commander';
import { inLocale, type Text, wordsIn } from '../text/words.js';
import { say } from '../text/index.js';
import { EXIT_CHECK_FAILED, type CliContext } from './context.js';
import { runCheck, type CheckDeps } from '../checks/check.js';
import { explainCheck, generateCheck, inspectCheck, parseErrorCode, privmapCheck, verifyCheck } from '../checks/usersig.js';
import { findApp, loadConfig } from '../config/load.js';
import { DEFAULT_PROVIDERS, type Config } from '../config/types.js';
import { UsageError } from '../errors.js';
import { createLogger } from '../log.js';
import { renderTerminal } from '../present/terminal.js';
import { explainReply, generatedReply, inspectionReply, privmapReply, verificationReply } from '../present/usersig.js';
import { operator } from './operator.js';
import { detectInspection, explain, parseExpiry, PRIVILEGES, toImErrorInfo, toInspection, toVerification, type DecodedFields } from '../usersig/index.js';

/** TRTC's own suggestion for a PrivateMapKey: fetch it just before entering the room. */
const DEFAULT_PRIVMAP_EXPIRE = 300;

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function registerUsersigCommands(program: Command, ctx: CliContext): void {
  const usersig = program
    .command('usersig')
    .description('generate, verify and decode Tencent IM / TRTC UserSigs and PrivateMapKeys; explain IM error codes')
    .addHelpText(
      'after',
      examples(['imops usersig gen alice --expire 30d', 'imops usersig verify alice "$SIG"', 'imops usersig inspect "$SIG"', 'imops usersig explain 70001']),
    );

  usersig
    .command('gen')
    .description('sign a UserSig for a UserID with the configured app key')
    .argument('<userId>', 'the UserID the client logs in with (1-32 bytes of A-Z a-z 0-9 _ -)')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--expire <duration>', 'validity: seconds, or 180d, 12h, 30m, 45s', '180d')
    .option('--time <unix>', 'signing time in unix seconds (default: now)')
    .option('--relaxed-user-id', 'accept any printable-ASCII UserID, as the IM SDK does')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      examples([
        'imops usersig gen alice',
        'imops usersig gen alice --app prod --expire 12h',
        'IMOPS_SDKAPPID=1400000000 IMOPS_SECRET_KEY=… imops usersig gen alice --json',
        'SIG=$(imops usersig gen alice)   # piped or captured: prints only the UserSig',
        'imops usersig gen -- -bob        # a UserID that begins with "-" goes after --',
      ]),
    )
    .action(async (userId: string, opts: { app?: string; expire: string; time?: string; relaxedUserId?: boolean; json?: boolean }) => {
      const deps = cliDeps(ctx);
      const at = opts.time !== undefined ? parseUnix(opts.time, '--time') : undefined;
      const g = await runCheck(deps, operator(), generateCheck, {
        app: findApp(deps.config, opts.app).name,
        userId,
        expiry: opts.expire,
        ...(at !== undefined && { at }),
        relaxedUserId: opts.relaxedUserId === true,
        onNotice: (_m, words) => note(ctx, words),
      });
      if (opts.json) {
        ctx.out(
          JSON.stringify(
            { userSig: g.userSig, app: g.app.name, ...decodedFields(detectInspection(g.userSig, { now: g.generatedAt }).fields) },
            wordsIn(ctx.t()),
            2,
          ),
        );
      } else if (!ctx.interactive) {
        // Piped or captured (SIG=$(imops usersig gen alice)): the UserSig alone.
        ctx.out(g.userSig);
      } else {
        ctx.out(renderTerminal({ ...generatedReply(ctx.t(), g, g.generatedAt * 1000), footer: undefined }, ctx.t()));
      }
    });

  usersig
    .command('privmap')
    .description('sign a TRTC PrivateMapKey: which room a UserID may enter and what it may do there')
    .argument('<userId>', 'the UserID that enters the room (ASCII)')
    .option('--room <n>', 'numeric room ID (1 to 4294967294)')
    .option('--str-room <s>', 'string room ID (a different room from the same digits as a number)')
    .requiredOption('--privileges <n>', `privilege bits, or "all" (255): ${PRIVILEGES.map((p) => `${p.bit} ${p.name}`).join(', ')}`)
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--expire <duration>', 'validity: seconds, or 12h, 30m, 45s', String(DEFAULT_PRIVMAP_EXPIRE))
    .option('--time <unix>', 'signing time in unix seconds (default: now)')
    .option('--relaxed-user-id', 'accept any printable-ASCII UserID, as the IM SDK does')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      examples([
        'imops usersig privmap alice --room 10000 --privileges all',
        'imops usersig privmap bob --str-room live-42 --privileges 42 --expire 10m   # audience: enter + receive audio/video',
      ]),
    )
    .action(
      async (
        userId: string,
        opts: { room?: string; strRoom?: string; privileges: string; app?: string; expire: string; time?: string; relaxedUserId?: boolean; json?: boolean },
      ) => {
        if ((opts.room === undefined) === (opts.strRoom === undefined)) {
          const missing = opts.room === undefined;
          throw new UsageError(
            say((t) => (missing ? t.cli.usersig.roomRequired : t.cli.usersig.roomBoth)),
            say((t) => t.cli.usersig.roomFix),
          );
        }
        const deps = cliDeps(ctx);
        const at = opts.time !== undefined ? parseUnix(opts.time, '--time') : undefined;
        const p = await runCheck(deps, operator(), privmapCheck, {
          app: findApp(deps.config, opts.app).name,
          userId,
          expireSeconds: parseExpiry(opts.expire),
          ...(at !== undefined && { at }),
          room: opts.room !== undefined ? { roomId: parseWhole(opts.room, '--room') } : { strRoomId: opts.strRoom! },
          privileges: parsePrivileges(opts.privileges),
          relaxedUserId: opts.relaxedUserId === true,
          onNotice: (_m, words) => note(ctx, words),
        });
        if (opts.json) {
          ctx.out(JSON.stringify({ privateMapKey: p.privateMapKey, app: p.app.name, ...decodedFields(p.inspection.fields) }, wordsIn(ctx.t()), 2));
        } else if (!ctx.interactive) {
          ctx.out(p.privateMapKey);
        } else {
          ctx.out(renderTerminal(privmapReply(ctx.t(), p, deps.now()), ctx.t()));
        }
      },
    );

  usersig
    .command('verify')
    .description('check a UserSig (or PrivateMapKey) against the app key: valid, or the exact cause and fix')
    .argument('<userId>', 'the UserID the client logs in with (compared exactly)')
    .argument('<userSig>', 'the UserSig as the client sent it, or - to read it from standard input (keeps it out of shell history)')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--at <time>', 'judge expiry at this time: unix seconds or ISO 8601 (default: now)')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `${examples([
        'imops usersig verify alice eJyrVgrxCdYrSy1SslIy0jNQ0gHz…',
        'imops usersig verify alice "$SIG" --app prod --at 2024-05-01T12:00:00Z',
        'imops usersig verify alice "$SIG" --json | jq .verdict',
        'pbpaste | imops usersig verify alice -',
      ])}\nExit status: 0 valid, 1 not valid, 2 usage or configuration error.\n`,
    )
    .action(async (userId: string, userSig: string, opts: { app?: string; at?: string; json?: boolean }) => {
      const deps = cliDeps(ctx);
      const app = findApp(deps.config, opts.app).name;
      const sig = userSig === '-' ? await readUserSig(ctx) : userSig;
      const f = await runCheck(deps, operator(), verifyCheck, { app, userId, userSig: sig, ...(opts.at !== undefined && { at: parseAt(opts.at) }) });
      if (!f.verification.valid) ctx.setExit(EXIT_CHECK_FAILED);
      ctx.out(
        opts.json
          ? JSON.stringify(toVerification(f.verification, ctx.t().usersigVerdicts, ctx.t().time), wordsIn(ctx.t()), 2)
          : renderTerminal(withCause(verificationReply(ctx.t(), f, f.at * 1000), explain(ctx.t().usersigVerdicts, f.verification, ctx.t().time)), ctx.t()),
      );
    });

  usersig
    .command('inspect')
    .description('decode a UserSig without a key: app, UserID, times, room grant (authenticity is not checked)')
    .argument('<userSig>', 'the UserSig or PrivateMapKey, or - to read it from standard input')
    .option('--at <time>', 'judge expiry at this time: unix seconds or ISO 8601 (default: now)')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examples(['imops usersig inspect eJyrVgrxCdYrSy1SslIy0jNQ0gHz…', 'imops usersig inspect "$SIG" --json']))
    .action(async (userSig: string, opts: { at?: string; json?: boolean }) => {
      const deps = cliDeps(ctx, { optionalConfig: true });
      const sig = userSig === '-' ? await readUserSig(ctx) : userSig;
      const f = await runCheck(deps, operator(), inspectCheck, { userSig: sig, ...(opts.at !== undefined && { at: parseAt(opts.at) }) });
      if (f.inspection.verdict !== 'DECODED') ctx.setExit(EXIT_CHECK_FAILED);
      ctx.out(
        opts.json
          ? JSON.stringify(toInspection(f.inspection, ctx.t().usersigVerdicts, ctx.t().usersigGenerators, ctx.t().time), wordsIn(ctx.t()), 2)
          : renderTerminal(inspectionReply(ctx.t(), f, f.at * 1000, 'terminal'), ctx.t()),
      );
    });

  usersig
    .command('explain')
    .description('what an IM / TRTC error code means, its usual cause and the fix')
    .argument('<imErrorCode>', 'the code the client reported, e.g. 70001, -100018, -10019')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examples(['imops usersig explain 70009', 'imops usersig explain -100006']))
    .action(async (codeText: string, opts: { json?: boolean }) => {
      if (parseErrorCode(codeText) === undefined) {
        const shown = codeText.slice(0, 40);
        throw new UsageError(
          say((t) => t.cli.usersig.notAnErrorCode(shown)),
          say((t) => t.cli.usersig.notAnErrorCodeFix),
        );
      }
      const e = await runCheck(cliDeps(ctx, { optionalConfig: true }), operator(), explainCheck, { code: codeText });
      if (e.kind !== 'known') ctx.setExit(EXIT_CHECK_FAILED);
      if (opts.json)
        ctx.out(
          JSON.stringify(
            e.kind === 'known' ? toImErrorInfo(e.entry, ctx.t().imErrors) : { code: e.kind === 'unknown' ? e.code : codeText, known: false },
            wordsIn(ctx.t()),
            2,
          ),
        );
      else
        ctx.out(
          renderTerminal(
            explainReply(ctx.t(), e, (s) => s.slice(0, 40), 'terminal'),
            ctx.t(),
          ),
        );
    });
}

function parseWhole(text: string, flag: string): number {
  if (!/^\s*\d{1,15}\s*$/.test(text)) throw new UsageError(say((t) => t.cli.usersig.notWhole(flag, text.slice(0, 40))));
  return Number(text);
}

function parseUnix(text: string, flag: string): number {
  if (!/^\s*\d{1,12}\s*$/.test(text))
    throw new UsageError(
      say((t) => t.cli.usersig.notUnix(flag, text.slice(0, 40))),
      say((t) => t.cli.usersig.notUnixFix),
    );
  return Number(text);
}

function parseAt(text: string): number {
  if (/^\s*\d{1,12}\s*$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(ms)) {
    throw new UsageError(
      say((t) => t.cli.usersig.notAt(text.slice(0, 40))),
      say((t) => t.cli.usersig.notAtFix),
    );
  }
  return Math.floor(ms / 1000);
}

function parsePrivileges(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'all') return 255;
  const n = /^0x[0-9a-f]{1,8}$/.test(t) ? Number.parseInt(t.slice(2), 16) : /^\d{1,10}$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(n)) {
    throw new UsageError(
      say((t) => t.cli.usersig.notPrivileges(text.slice(0, 40))),
      say((t) => t.usage.privileges.bits(PRIVILEGES)),
    );
  }
  return n;
}

/** The decoded fields of a freshly generated key, for --json. */
function decodedFields(info: DecodedFields) {
  return {
    sdkAppId: info.sdkAppId,
    userId: info.userId,
    generatedAt: info.generatedAt,
    expiresAt: info.expiresAt,
    expireSeconds: info.expireSeconds,
    ...(info.privateMap ? { privateMap: info.privateMap } : {}),
  };
}

/** The CLI's check dependencies: the config (an empty one when a command can do without), a quiet logger, the clock. */
function cliDeps(ctx: CliContext, o: { optionalConfig?: boolean } = {}): CheckDeps {
  let config: Config;
  let notices: string[] = [];
  try {
    ({ config, notices } = loadConfig({ path: ctx.configPath(), env: ctx.env, cwd: ctx.cwd }));
  } catch (err) {
    if (!o.optionalConfig) throw err;
    // inspect and explain need no app: a broken config file must not stop them.
    config = { source: 'none', apps: [], access: {}, providers: DEFAULT_PROVIDERS, dataDir: '' };
  }
  // Config notices are English, like configuration errors (they name config keys); the label is the reader's.
  for (const n of notices) note(ctx, n);
  return { config, log: createLogger({ level: 'silent' }), now: Date.now };
}

/** A UserSig from standard input: the first line with text, so `pbpaste |` and `< file` both work. */
async function readUserSig(ctx: CliContext): Promise<string> {
  const text = await ctx.readStdin();
  const line = text.split(/\r?\n/).find((l: string) => l.trim() !== '');
  if (line === undefined) {
    throw new UsageError(
      say((t) => t.cli.usersig.noStdin),
      say((t) => t.cli.usersig.noStdinFix),
    );
  }
  return line.trim();
}

/** A remark on stderr in the reader's language ("imops: note: …"). */
function note(ctx: CliContext, text: Text): void {
  ctx.err(`imops: ${ctx.t().cli.note(inLocale(text, ctx.t()))}`);
}

/** The terminal shows cause and fix for a valid UserSig too: what it is valid for, and where to look next. */
function withCause(reply: ReturnType<typeof verificationReply>, v: { cause: string; fix: string }) {
  return { ...reply, cause: v.cause, fix: v.fix };
}
