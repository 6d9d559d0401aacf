import type { Command } from 'commander';
import type { CliContext } from '../cli.js';
import { findApp, loadConfig } from '../config/load.js';
import type { AppConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import {
  explainImError,
  generatePrivateMapKey,
  generateUserSig,
  inspectUserSig,
  parseExpiry,
  PRIVILEGES,
  verifyUserSig,
  type ImErrorInfo,
  type Inspection,
  type PrivateMapInfo,
  type Verification,
} from '../usersig/index.js';
import { formatFields, formatTime, humanDuration } from '../format.js';

/** cli.ts's EXIT_CHECK_FAILED; a value import of cli.ts would load every other command module with this one. */
const EXIT_CHECK_FAILED = 1;

/** TRTC's own suggestion for a PrivateMapKey: fetch it just before entering the room. */
const DEFAULT_PRIVMAP_EXPIRE = 300;

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function registerUsersigCommands(program: Command, ctx: CliContext): void {
  const usersig = program
    .command('usersig')
    .description('generate, verify and decode Tencent IM / TRTC UserSigs and PrivateMapKeys; explain IM error codes')
    .addHelpText('after', examples([
      'imops usersig gen alice --expire 30d',
      'imops usersig verify alice "$SIG"',
      'imops usersig inspect "$SIG"',
      'imops usersig explain 70001',
    ]));

  usersig
    .command('gen')
    .description('sign a UserSig for a UserID with the configured app key')
    .argument('<userId>', 'the UserID the client logs in with (1-32 bytes of A-Z a-z 0-9 _ -)')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--expire <duration>', 'validity: seconds, or 180d, 12h, 30m, 45s', '180d')
    .option('--time <unix>', 'signing time in unix seconds (default: now)')
    .option('--relaxed-user-id', 'accept any printable-ASCII UserID, as the IM SDK does')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examples([
      'imops usersig gen alice',
      'imops usersig gen alice --app prod --expire 12h',
      'IMOPS_SDKAPPID=1400000000 IMOPS_SECRET_KEY=… imops usersig gen alice --json',
    ]))
    .action((userId: string, opts: { app?: string; expire: string; time?: string; relaxedUserId?: boolean; json?: boolean }) => {
      const app = resolveApp(ctx, opts.app);
      const expireSeconds = parseExpiry(opts.expire);
      const now = opts.time !== undefined ? parseUnix(opts.time, '--time') : Math.floor(Date.now() / 1000);
      const userSig = generateUserSig({
        sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, expireSeconds, now,
        relaxedUserId: opts.relaxedUserId === true, onNotice: (m) => ctx.err(`imops: note: ${m}`),
      });
      const info = inspectUserSig(userSig, { now });
      if (opts.json) {
        ctx.out(JSON.stringify({ userSig, app: app.name, ...decodedFields(info) }, null, 2));
        return;
      }
      ctx.out(`UserSig for ${userId} (app ${app.name}, SDKAppID ${app.sdkAppId})\n`);
      ctx.out(`  ${userSig}\n`);
      ctx.out(formatFields(fieldRows(info, now), '  '));
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
    .addHelpText('after', examples([
      'imops usersig privmap alice --room 10000 --privileges all',
      'imops usersig privmap bob --str-room live-42 --privileges 42 --expire 10m   # audience: enter + receive audio/video',
    ]))
    .action((userId: string, opts: { room?: string; strRoom?: string; privileges: string; app?: string; expire: string; time?: string; relaxedUserId?: boolean; json?: boolean }) => {
      if ((opts.room === undefined) === (opts.strRoom === undefined)) {
        throw new UsageError(opts.room === undefined ? 'a room is required' : 'give --room or --str-room, not both', 'pass --room N for a numeric room ID or --str-room S for a string room ID, exactly as the client enters the room');
      }
      const app = resolveApp(ctx, opts.app);
      const expireSeconds = parseExpiry(opts.expire);
      const now = opts.time !== undefined ? parseUnix(opts.time, '--time') : Math.floor(Date.now() / 1000);
      const privateMapKey = generatePrivateMapKey({
        sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, expireSeconds, now,
        ...(opts.room !== undefined ? { roomId: parseWhole(opts.room, '--room') } : { strRoomId: opts.strRoom! }),
        privileges: parsePrivileges(opts.privileges),
        relaxedUserId: opts.relaxedUserId === true, onNotice: (m) => ctx.err(`imops: note: ${m}`),
      });
      const info = inspectUserSig(privateMapKey, { now });
      if (opts.json) {
        ctx.out(JSON.stringify({ privateMapKey, app: app.name, ...decodedFields(info) }, null, 2));
        return;
      }
      ctx.out(`PrivateMapKey for ${userId} (app ${app.name}, SDKAppID ${app.sdkAppId})\n`);
      ctx.out(`  ${privateMapKey}\n`);
      ctx.out(formatFields(fieldRows(info, now), '  '));
    });

  usersig
    .command('verify')
    .description('check a UserSig (or PrivateMapKey) against the app key: valid, or the exact cause and fix')
    .argument('<userId>', 'the UserID the client logs in with (compared exactly)')
    .argument('<userSig>', 'the UserSig as the client sent it')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--at <time>', 'judge expiry at this time: unix seconds or ISO 8601 (default: now)')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examples([
      'imops usersig verify alice eJyrVgrxCdYrSy1SslIy0jNQ0gHz…',
      'imops usersig verify alice "$SIG" --app prod --at 2024-05-01T12:00:00Z',
      'imops usersig verify alice "$SIG" --json | jq .verdict',
    ]) + '\nExit status: 0 valid, 1 not valid, 2 usage or configuration error.\n')
    .action((userId: string, userSig: string, opts: { app?: string; at?: string; json?: boolean }) => {
      const app = resolveApp(ctx, opts.app);
      const now = opts.at !== undefined ? parseAt(opts.at) : Math.floor(Date.now() / 1000);
      const v = verifyUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, userSig, now });
      if (!v.valid) ctx.setExit(EXIT_CHECK_FAILED);
      if (opts.json) {
        ctx.out(JSON.stringify(v, null, 2));
        return;
      }
      ctx.out(renderVerification(v, app, now));
    });

  usersig
    .command('inspect')
    .description('decode a UserSig without a key: app, UserID, times, room grant (authenticity is not checked)')
    .argument('<userSig>', 'the UserSig or PrivateMapKey')
    .option('--at <time>', 'judge expiry at this time: unix seconds or ISO 8601 (default: now)')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examples(['imops usersig inspect eJyrVgrxCdYrSy1SslIy0jNQ0gHz…', 'imops usersig inspect "$SIG" --json']))
    .action((userSig: string, opts: { at?: string; json?: boolean }) => {
      const now = opts.at !== undefined ? parseAt(opts.at) : Math.floor(Date.now() / 1000);
      const info = inspectUserSig(userSig, { now });
      if (info.verdict !== 'DECODED') ctx.setExit(EXIT_CHECK_FAILED);
      if (opts.json) {
        ctx.out(JSON.stringify(info, null, 2));
        return;
      }
      ctx.out(renderInspection(info, now));
    });

  usersig
    .command('explain')
    .description('what an IM / TRTC error code means, its usual cause and the fix')
    .argument('<imErrorCode>', 'the code the client reported, e.g. 70001, -100018, -10019')
    .option('--json', 'print one JSON document')
    .addHelpText('after', examples(['imops usersig explain 70009', 'imops usersig explain -100006']))
    .action((codeText: string, opts: { json?: boolean }) => {
      if (!/^\s*-?\d{1,9}\s*$/.test(codeText)) {
        throw new UsageError(`"${codeText.slice(0, 40)}" is not an error code`, 'give the number the client reported, e.g. 70001 or -100018');
      }
      const code = Number(codeText);
      const info = explainImError(code);
      if (!info) {
        ctx.setExit(EXIT_CHECK_FAILED);
        if (opts.json) ctx.out(JSON.stringify({ code, known: false }, null, 2));
        else ctx.out(`${code} is not in imops' catalogue of UserSig and account error codes (IM 70001-70500, 60004/60005, 6206, 7003; TRTC -100018, -100006, -100013; TRTC Web -10013, -10018, -10019).\nLook it up in the IM or TRTC error-code documentation.`);
        return;
      }
      if (opts.json) {
        ctx.out(JSON.stringify(info, null, 2));
        return;
      }
      ctx.out(renderImError(info));
    });
}

function resolveApp(ctx: CliContext, name: string | undefined): AppConfig {
  const { config, notices } = loadConfig({ path: ctx.configPath(), env: ctx.env, cwd: ctx.cwd });
  for (const n of notices) ctx.err(`imops: note: ${n}`);
  return findApp(config, name);
}

function parseWhole(text: string, flag: string): number {
  if (!/^\s*\d{1,15}\s*$/.test(text)) throw new UsageError(`${flag} must be a whole number, got "${text.slice(0, 40)}"`);
  return Number(text);
}

function parseUnix(text: string, flag: string): number {
  if (!/^\s*\d{1,12}\s*$/.test(text)) throw new UsageError(`${flag} must be unix seconds (a whole number), got "${text.slice(0, 40)}"`, 'e.g. 1700000000, or leave it out for now');
  return Number(text);
}

function parseAt(text: string): number {
  if (/^\s*\d{1,12}\s*$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(ms)) {
    throw new UsageError(`--at must be unix seconds or an ISO 8601 time, got "${text.slice(0, 40)}"`, 'e.g. --at 1700000000 or --at 2024-05-01T12:00:00Z');
  }
  return Math.floor(ms / 1000);
}

function parsePrivileges(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === 'all') return 255;
  const n = /^0x[0-9a-f]{1,8}$/.test(t) ? Number.parseInt(t.slice(2), 16) : /^\d{1,10}$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(n)) {
    throw new UsageError(`--privileges must be a number from 1 to 255 or "all", got "${text.slice(0, 40)}"`,
      `add the bits: ${PRIVILEGES.map((p) => `${p.bit} ${p.name}`).join(', ')}`);
  }
  return n;
}

/** The decoded fields of a freshly generated key, for --json. */
function decodedFields(info: Inspection) {
  return {
    sdkAppId: info.sdkAppId,
    userId: info.userId,
    generatedAt: info.generatedAt,
    expiresAt: info.expiresAt,
    expireSeconds: info.expireSeconds,
    ...(info.privateMap ? { privateMap: info.privateMap } : {}),
  };
}

type Fields = Pick<Verification, 'sdkAppId' | 'userId' | 'generatedAt' | 'expiresAt' | 'expireSeconds' | 'privateMap'>;

function fieldRows(f: Fields, now: number): [string, string | undefined][] {
  const nowMs = now * 1000;
  return [
    ['SDKAppID', f.sdkAppId?.toString()],
    ['UserID', f.userId !== undefined ? JSON.stringify(f.userId) : undefined],
    ['Signed', f.generatedAt ? formatTime(f.generatedAt, nowMs) : undefined],
    ['Validity', f.expireSeconds !== undefined ? `${humanDuration(f.expireSeconds)} (${f.expireSeconds} s)` : undefined],
    ['Expires', f.expiresAt ? formatTime(f.expiresAt, nowMs) : undefined],
    ...(f.privateMap ? grantRows(f.privateMap, nowMs) : []),
  ];
}

function grantRows(g: PrivateMapInfo, nowMs: number): [string, string | undefined][] {
  return [
    ['Room', g.strRoomId !== undefined ? `${JSON.stringify(g.strRoomId)} (string room ID)` : `${g.roomId} (numeric room ID)`],
    ['Privileges', `${g.privileges}: ${g.privilegeNames.join(', ') || 'none'}`],
    ['Grant expires', g.expiresAt ? formatTime(g.expiresAt, nowMs) : String(g.expiresAtUnix)],
  ];
}

function renderVerification(v: Verification, app: AppConfig, now: number): string {
  const head = v.valid
    ? `✓ VALID  ${v.privateMap ? 'PrivateMapKey' : 'UserSig'} for ${JSON.stringify(v.userId)} (app ${app.name}, SDKAppID ${app.sdkAppId})`
    : `✗ ${v.verdict}${v.imErrorCode !== undefined ? `  (the client sees error ${v.imErrorCode})` : ''}  checked against app ${app.name}, SDKAppID ${app.sdkAppId}`;
  const rows = fieldRows(v, now);
  const body = rows.some(([, val]) => val !== undefined) ? `\n\n${formatFields(rows, '  ')}` : '';
  return `${head}${body}\n\n${formatFields([['Cause', v.cause], ['Fix', v.fix]], '  ')}`;
}

function renderInspection(i: Inspection, now: number): string {
  const head = i.verdict === 'DECODED'
    ? `Decoded ${i.kind === 'privateMapKey' ? 'PrivateMapKey' : 'UserSig'} (signature not checked: no key)`
    : `✗ ${i.verdict}${i.imErrorCode !== undefined ? `  (the client sees error ${i.imErrorCode})` : ''}`;
  const rows: [string, string | undefined][] = [
    ...fieldRows(i, now),
    ['Format', i.format],
    ['Made by', i.generator],
  ];
  const body = rows.some(([, val]) => val !== undefined) ? `\n\n${formatFields(rows, '  ')}` : '';
  return `${head}${body}\n\n${formatFields([['Cause', i.cause], ['Fix', i.fix]], '  ')}`;
}

function renderImError(e: ImErrorInfo): string {
  return `${e.code}  ${e.name}  (${e.source})\n\n${formatFields([
    ['Meaning', e.meaning],
    ['Usual cause', e.cause],
    ['Fix', e.fix],
    ['Verdicts', e.verdicts?.length ? `imops usersig verify reports ${e.verdicts.join(', ')}` : undefined],
  ], '  ')}`;
}
