import { DEFAULT_EXPIRE_SECONDS, generateUserSig, inspectUserSig, verifyUserSig, explainImError, parseExpiry } from '../usersig/index.js';
import type { Inspection, Verification } from '../usersig/types.js';
import { UsageError } from '../errors.js';
import { principalName } from '../access/policy.js';
import { code, errorReply, fields, text, type Block, type Form, type FormField, type Reply } from './reply.js';
import { appNames, capitalise, clip, duration, guard, requireAccess, requireRate, resolveApp, usageErrorReply, when, type Ctx } from './context.js';
import { encodeId, IDS } from './ids.js';
import { findSpec, subcommandUsage } from './specs.js';
import type { Args, FormResult, Plan, Principal } from './types.js';

/** Slack's plain_text_input allows at most 3000 characters; a PrivateMapKey fits well within it. */
const SIG_MAX = 3000;

const ephemeral = (run: () => Promise<Reply>): Plan => ({ kind: 'reply', visibility: 'ephemeral', run });

export function planUsersig(ctx: Ctx, principal: Principal, subcommand: string | undefined, args: Args): Plan {
  switch (subcommand) {
    case 'gen':
      return ephemeral(() => guard(ctx, 'usersig gen', () => generate(ctx, principal, args)));
    case 'verify':
      if (!args.userSig) {
        // The form carries the app in its id; an unknown one is answered now, not after the user pasted a UserSig.
        if (args.app !== undefined) resolveApp(ctx.config, args.app, `/usersig verify ${args.userId ?? '<userId>'}`);
        return { kind: 'form', form: verifyForm(ctx, args) };
      }
      return ephemeral(() => guard(ctx, 'usersig verify', () => verify(ctx, principal, args)));
    case 'inspect':
      if (!args.userSig) return { kind: 'form', form: inspectForm() };
      return ephemeral(() => guard(ctx, 'usersig inspect', () => inspect(ctx, args.userSig!)));
    case 'explain':
      // An error code's explanation holds nothing private, and is worth sharing with the channel.
      return { kind: 'reply', visibility: 'public', run: () => guard(ctx, 'usersig explain', () => explain(args.code ?? '')) };
    default:
      return ephemeral(async () => helpReply());
  }
}

export function helpReply(): Reply {
  const spec = findSpec('usersig')!;
  const items = (spec.subcommands ?? []).map((s) => `/usersig ${subcommandUsage(s)} — ${s.description}`);
  return {
    status: 'info',
    title: 'How to use /usersig',
    visibility: 'ephemeral',
    blocks: [
      { type: 'list', title: 'Commands', items: [...items, '/usersig — open a form'] },
      text('Expiry is seconds or a number with a unit: 180d, 12h, 30m, 45s (default 180 days). The app can be left out when only one is configured.'),
    ],
  };
}

async function generate(ctx: Ctx, principal: Principal, args: Args): Promise<Reply> {
  const userId = args.userId ?? '';
  await requireAccess(ctx, principal, 'usersig.generate', { app: args.app, target: userId });
  const names = appNames(ctx.config);
  let expireSeconds = DEFAULT_EXPIRE_SECONDS;
  if (args.expiry !== undefined) {
    try {
      expireSeconds = parseExpiry(args.expiry);
    } catch (err) {
      if (!(err instanceof UsageError) || args.app !== undefined) throw err;
      // `gen alice prdo`: the word was meant as an app name as often as an expiry.
      throw new UsageError(`"${clip(args.expiry, 40)}" is neither an expiry nor a configured app`,
        `give the expiry as 180d, 12h, 30m or 45s, and the app as one of: ${names.join(', ')}`);
    }
  }
  const app = resolveApp(ctx.config, args.app, `/usersig gen ${userId}`);
  const nowS = Math.floor(ctx.now() / 1000);
  await requireRate(ctx, principal, 'usersig.generate', { app: app.name, target: userId });
  const audit = { principal: principalName(principal), action: 'usersig.generate', app: app.name, target: userId };
  let sig: string;
  try {
    sig = generateUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, expireSeconds, now: nowS });
  } catch (err) {
    await ctx.audit.record({ ...audit, outcome: 'rejected' });
    if (err instanceof UsageError) return usageErrorReply(err, 'Cannot generate that UserSig');
    throw err;
  }
  await ctx.audit.record({ ...audit, outcome: 'generated', detail: `expires in ${duration(expireSeconds)}` });
  const nowMs = nowS * 1000;
  return {
    status: 'success',
    title: `UserSig for ${userId}`,
    visibility: 'ephemeral',
    blocks: [
      code(sig),
      fields(
        ['SDKAppID', String(app.sdkAppId)],
        ['UserID', userId],
        ['App', app.name],
        ['Generated', when(new Date(nowMs).toISOString(), ctx.now())],
        ['Expires', when(new Date(nowMs + expireSeconds * 1000).toISOString(), ctx.now())],
        ['Valid for', duration(expireSeconds)],
      ),
    ],
    footer: 'Only you can see this. A UserSig logs in as this user until it expires: share it only with whoever needs it.',
  };
}

async function verify(ctx: Ctx, principal: Principal, args: Args): Promise<Reply> {
  const userId = args.userId ?? '';
  const userSig = args.userSig ?? '';
  if (userSig.length > SIG_MAX) throw new UsageError(`that UserSig is ${userSig.length} characters long; a real one is a few hundred`, 'paste only the UserSig itself');
  const app = resolveApp(ctx.config, args.app, `/usersig verify ${userId} <userSig>`);
  const v = verifyUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId, userSig, now: Math.floor(ctx.now() / 1000) });
  await ctx.audit.record({ principal: principalName(principal), action: 'usersig.verify', app: app.name, target: userId, outcome: v.verdict });
  return verificationReply(ctx, app.name, userId, v);
}

export function verificationReply(ctx: Ctx, appName: string, userId: string, v: Verification): Reply {
  const blocks: Block[] = [
    fields(
      ['Verdict', v.verdict],
      ['SDKAppID', v.sdkAppId !== undefined ? String(v.sdkAppId) : undefined],
      ['UserID', v.userId],
      ['Generated', when(v.generatedAt, ctx.now())],
      ['Expires', when(v.expiresAt, ctx.now())],
      ['Validity', v.expireSeconds !== undefined ? duration(v.expireSeconds) : undefined],
      ['Checked against', `app ${appName}, UserID ${userId}`],
    ),
    ...privateMapBlocks(v.privateMap),
  ];
  if (v.valid) {
    return { status: 'success', title: `Valid UserSig for ${userId}`, visibility: 'ephemeral', blocks };
  }
  return {
    status: 'failure',
    title: `Invalid UserSig: ${v.verdict}`,
    visibility: 'ephemeral',
    blocks,
    cause: v.cause,
    fix: v.fix,
    ...(v.imErrorCode !== undefined && { code: `IM ${v.imErrorCode}` }),
  };
}

function privateMapBlocks(pm: Verification['privateMap']): Block[] {
  if (!pm) return [];
  return [
    fields(
      ['PrivateMapKey room', pm.roomId !== undefined ? String(pm.roomId) : pm.strRoomId !== undefined ? `"${pm.strRoomId}" (string room)` : undefined],
      ['Privileges', `${pm.privileges} (${pm.privilegeNames.join(', ') || 'none'})`],
      ['Room access expires', pm.expiresAt],
    ),
  ];
}

function inspect(ctx: Ctx, userSig: string): Reply {
  if (userSig.length > SIG_MAX) throw new UsageError(`that UserSig is ${userSig.length} characters long; a real one is a few hundred`, 'paste only the UserSig itself');
  const i: Inspection = inspectUserSig(userSig, { now: Math.floor(ctx.now() / 1000) });
  const configured = i.sdkAppId !== undefined ? ctx.config.apps.find((a) => a.sdkAppId === i.sdkAppId) : undefined;
  const blocks: Block[] = [
    fields(
      ['Format', i.format],
      ['Kind', i.kind === 'privateMapKey' ? 'TRTC PrivateMapKey' : i.kind === 'userSig' ? 'UserSig' : undefined],
      ['SDKAppID', i.sdkAppId !== undefined ? `${i.sdkAppId}${configured ? ` (app ${configured.name})` : ''}` : undefined],
      ['UserID', i.userId],
      ['Generated', when(i.generatedAt, ctx.now())],
      ['Expires', when(i.expiresAt, ctx.now())],
      ['Validity', i.expireSeconds !== undefined ? duration(i.expireSeconds) : undefined],
      ['Likely generated by', i.generator],
    ),
    ...privateMapBlocks(i.privateMap),
    text('Decoded without a key: this shows what the UserSig claims, not that it is authentic. Use /usersig verify to check the signature.'),
  ];
  if (!i.decoded) {
    return { status: 'failure', title: `Cannot decode this UserSig: ${i.verdict}`, visibility: 'ephemeral', blocks, cause: i.cause, fix: i.fix, ...(i.imErrorCode !== undefined && { code: `IM ${i.imErrorCode}` }) };
  }
  if (i.expired) {
    return { status: 'warning', title: `Decoded UserSig for ${i.userId ?? '?'}: expired`, visibility: 'ephemeral', blocks, cause: i.cause, fix: i.fix, code: 'IM 70001' };
  }
  return { status: 'info', title: `Decoded UserSig for ${i.userId ?? '?'}`, visibility: 'ephemeral', blocks };
}

/** A code as the client printed it: TRTC codes are negative (-100018), and editors may turn "-" into "−". */
const CODE_RE = /^[-\u2212\u2013]?\d{1,9}$/;

function explain(raw: string): Reply {
  const trimmed = raw.trim();
  if (!CODE_RE.test(trimmed)) {
    return errorReply('That is not an error code', `"${clip(raw, 20)}" is not a number.`, 'Give the number the client reported, with its minus sign if it has one, for example: /usersig explain 70001 or /usersig explain -100018', { visibility: 'public' });
  }
  const n = Number(trimmed.replace(/^[\u2212\u2013]/, '-'));
  const info = explainImError(n);
  if (!info) {
    return {
      status: 'warning',
      title: `Error ${n} is not in the imops catalogue`,
      visibility: 'public',
      blocks: [],
      cause: 'imops knows the UserSig and account errors (IM 70001–70500, the SDK codes that mirror them, and the TRTC room-entry codes such as -100018); this code is not one of them.',
      fix: 'Search the Tencent Cloud IM (or TRTC) error code page for it; if it concerns login or UserSig, run /usersig verify on the UserSig the client used.',
    };
  }
  const system = info.source.startsWith('TRTC') ? 'TRTC' : 'IM';
  return {
    status: 'info',
    title: `${system} error ${n}: ${info.name}`,
    visibility: 'public',
    blocks: [
      text(info.meaning),
      fields(['Reported by', info.source], ['Check with', info.verdicts?.length ? `/usersig verify (verdicts ${info.verdicts.join(', ')})` : undefined]),
    ],
    cause: info.cause,
    fix: info.fix,
    code: `${system} ${n}`,
  };
}

// Forms

function appField(ctx: Ctx, initial: string | undefined): FormField[] {
  const names = appNames(ctx.config);
  if (names.length === 0) return [];
  const pick = initial && names.includes(initial) ? initial : names[0]!;
  return [{ type: 'select', id: 'app', label: 'App', options: names.map((n) => ({ label: n, value: n })), required: true, initial: pick }];
}

const userIdField = (initial?: string): FormField => ({ type: 'text', id: 'userId', label: 'UserID', placeholder: 'exactly as the client logs in', required: false, maxLength: 200, ...(initial !== undefined && { initial }) });
const userSigField = (required: boolean): FormField => ({ type: 'text', id: 'userSig', label: 'UserSig', placeholder: 'paste the UserSig', required, multiline: true, maxLength: SIG_MAX });

export function usersigForm(ctx: Ctx): Form {
  return {
    id: IDS.usersigForm,
    title: 'UserSig',
    submitLabel: 'Run',
    fields: [
      {
        type: 'select', id: 'action', label: 'Action', required: true, initial: 'gen',
        options: [
          { label: 'Generate a UserSig', value: 'gen' },
          { label: 'Verify a UserSig', value: 'verify' },
          { label: 'Decode a UserSig (no key)', value: 'inspect' },
        ],
      },
      ...appField(ctx, undefined),
      userIdField(),
      { type: 'text', id: 'expiry', label: 'Expiry (for Generate)', placeholder: '180d, 12h, 30m or seconds', required: false, maxLength: 20 },
      userSigField(false),
    ],
  };
}

function verifyForm(ctx: Ctx, args: Args): Form {
  const id = encodeId(IDS.verifyForm, args.app ?? '') ?? IDS.verifyForm;
  return {
    id,
    title: 'Verify a UserSig',
    submitLabel: 'Verify',
    fields: [{ ...userIdField(args.userId), required: true }, userSigField(true), ...(args.app === undefined ? appField(ctx, undefined) : [])],
  };
}

function inspectForm(): Form {
  return { id: IDS.inspectForm, title: 'Decode a UserSig', submitLabel: 'Decode', fields: [userSigField(true)] };
}

/** Validate a submitted form in place: every problem is keyed by the field that has it. */
export function submitUsersigForm(ctx: Ctx, principal: Principal, kind: string, parts: string[], values: Record<string, string>): FormResult {
  const v = (k: string) => (values[k] ?? '').trim();
  const userSig = (values.userSig ?? '').trim();
  const userId = values.userId ?? '';
  const errors: Record<string, string> = {};
  let action: string;
  let app: string | undefined;
  if (kind === IDS.usersigForm) {
    action = v('action') || 'gen';
    app = v('app') || undefined;
  } else if (kind === IDS.verifyForm) {
    action = 'verify';
    app = parts[0] || v('app') || undefined;
  } else {
    action = 'inspect';
  }
  if (app !== undefined && !appNames(ctx.config).includes(app)) errors.app = `Unknown app; configured: ${appNames(ctx.config).join(', ')}`;
  if (action === 'gen' || action === 'verify') {
    if (userId === '') errors.userId = 'Enter the UserID';
    else if (userId !== userId.trim() && action === 'gen') errors.userId = 'The UserID has spaces at the start or end; a UserID is used exactly as typed';
  }
  if (action === 'gen' && v('expiry') !== '') {
    try {
      parseExpiry(v('expiry'));
    } catch (err) {
      errors.expiry = err instanceof UsageError ? capitalise(`${err.message}: ${err.fix ?? ''}`).slice(0, 150) : 'Not an expiry';
    }
  }
  if (action === 'verify' || action === 'inspect') {
    if (userSig === '') errors.userSig = 'Paste the UserSig';
    else if (userSig.length > SIG_MAX) errors.userSig = `Too long (${userSig.length} characters); paste only the UserSig`;
  }
  if (Object.keys(errors).length > 0) return { kind: 'errors', errors };
  const args: Args = { userId, app, expiry: v('expiry') || undefined, userSig };
  return { kind: 'plan', plan: planUsersig(ctx, principal, action, args) };
}
