// /usersig: gen, verify, inspect, explain, help; its forms.
import { explainCheck, generateCheck, inspectCheck, SIG_MAX, verifyCheck } from '../../checks/usersig.js';
import { appNames, appRefusal } from '../../checks/refusal.js';
import { UsageError } from '../../errors.js';
import { capitalise, refusalReply } from '../../present/common.js';
import type { Form, FormField, Reply } from '../../present/reply.js';
import { explainReply, generatedReply, inspectionReply, verificationReply } from '../../present/usersig.js';
import { clip } from '../../text.js';
import { inLocale } from '../../text/words.js';
import { parseExpiry } from '../../usersig/index.js';
import { chat, type Ctx } from '../context.js';
import { encodeId } from '../ids.js';
import { appField, userIdField } from '../fields.js';
import { ephemeral, replyPlan, type CommandModule } from '../module.js';
import type { Args, FormResult, Plan, Principal, SubcommandSpec } from '../types.js';
import { appOption, spec, subcommandUsage, userIdOption } from '../usage.js';

const KINDS = { form: 'us.form', verify: 'us.verify', inspect: 'us.inspect' } as const;

const SUBCOMMANDS: SubcommandSpec[] = [
  {
    name: 'gen',
    description: 'Generate a UserSig for a UserID (shown only to you)',
    options: [
      userIdOption,
      { name: 'expiry', description: 'Validity: seconds, or 180d, 12h, 30m, 45s (default 180d)', type: 'string', required: false },
      appOption,
    ],
  },
  {
    name: 'verify',
    description: 'Check a UserSig against a UserID and say why it fails',
    options: [userIdOption, { name: 'userSig', description: 'The UserSig to check', type: 'string', required: true, secret: true, rest: true }, appOption],
  },
  {
    name: 'inspect',
    description: 'Decode a UserSig without a key: SDKAppID, UserID, times',
    options: [{ name: 'userSig', description: 'The UserSig to decode', type: 'string', required: true, secret: true, rest: true }],
  },
  {
    name: 'explain',
    description: 'Explain an IM error code (for example 70001) and how to fix it',
    options: [{ name: 'code', description: 'The IM error code the client reported', type: 'integer', required: true }],
  },
  { name: 'help', description: 'Show how to use /usersig', options: [] },
];

const USERSIG_SPEC = spec({ name: 'usersig', description: 'Generate, verify and explain Tencent IM UserSigs', subcommands: SUBCOMMANDS });

function planSubcommand(ctx: Ctx, principal: Principal, subcommand: string | undefined, args: Args): Plan {
  const now = ctx.deps.now;
  const userId = args.userId ?? '';
  switch (subcommand) {
    case 'gen':
      return ephemeral(() =>
        chat(
          ctx,
          principal,
          generateCheck,
          { userId, ...(args.app !== undefined && { app: args.app }), ...(args.expiry !== undefined && { expiry: args.expiry }), expiryMayBeApp: true },
          (g) => generatedReply(ctx.t, g, now()),
          { retry: `/usersig gen ${userId}` },
        ),
      );
    case 'verify':
      if (!args.userSig) {
        // The form carries the app in its id; an unknown one is answered now, not after the user pasted a UserSig.
        if (args.app !== undefined) {
          const refused = appRefusal(ctx.deps.config, args.app);
          if (refused) return replyPlan(refusalReply(ctx.t, refused, `/usersig verify ${userId || '<userId>'}`));
        }
        return { kind: 'form', form: verifyForm(ctx, args) };
      }
      return ephemeral(() =>
        chat(
          ctx,
          principal,
          verifyCheck,
          { userId, userSig: args.userSig ?? '', ...(args.app !== undefined && { app: args.app }) },
          (f) => verificationReply(ctx.t, f, now()),
          { retry: `/usersig verify ${userId} <userSig>` },
        ),
      );
    case 'inspect':
      if (!args.userSig) return { kind: 'form', form: inspectForm(ctx) };
      return ephemeral(() => chat(ctx, principal, inspectCheck, { userSig: args.userSig ?? '' }, (f) => inspectionReply(ctx.t, f, now()), { retry: '' }));
    case 'explain':
      return {
        kind: 'reply',
        visibility: 'public',
        run: () => chat(ctx, principal, explainCheck, { code: args.code ?? '' }, (e) => explainReply(ctx.t, e, (s) => clip(s, 20)), { retry: '' }),
      };
    default:
      return ephemeral(async () => helpReply(ctx));
  }
}

function helpReply(ctx: Ctx): Reply {
  const t = ctx.t.usersig.help;
  const items = SUBCOMMANDS.map((s) => `/usersig ${subcommandUsage(s)} — ${ctx.t.commands.descriptions[`usersig ${s.name}`] ?? s.description}`);
  return {
    status: 'info',
    title: t.title,
    visibility: 'ephemeral',
    blocks: [
      { type: 'list', title: ctx.t.labels.commands, items: [...items, t.openForm] },
      { type: 'text', text: t.expiryNote },
    ],
  };
}

// Forms

const userSigField = (ctx: Ctx, required: boolean): FormField => ({
  type: 'text',
  id: 'userSig',
  label: ctx.t.usersig.forms.userSig,
  placeholder: ctx.t.usersig.forms.userSigPlaceholder,
  required,
  multiline: true,
  maxLength: SIG_MAX,
});

function usersigForm(ctx: Ctx): Form {
  const f = ctx.t.usersig.forms;
  return {
    id: KINDS.form,
    title: f.title,
    submitLabel: f.run,
    fields: [
      {
        type: 'select',
        id: 'action',
        label: f.action,
        required: true,
        initial: 'gen',
        options: [
          { label: f.gen, value: 'gen' },
          { label: f.verify, value: 'verify' },
          { label: f.inspect, value: 'inspect' },
        ],
      },
      ...appField(ctx),
      userIdField(ctx, { required: false }),
      { type: 'text', id: 'expiry', label: f.expiry, placeholder: f.expiryPlaceholder, required: false, maxLength: 20 },
      userSigField(ctx, false),
    ],
  };
}

function verifyForm(ctx: Ctx, args: Args): Form {
  const f = ctx.t.usersig.forms;
  return {
    id: encodeId(KINDS.verify, args.app ?? '') ?? KINDS.verify,
    title: f.verifyTitle,
    submitLabel: f.verifySubmit,
    fields: [
      userIdField(ctx, { required: true, ...(args.userId !== undefined && { initial: args.userId }) }),
      userSigField(ctx, true),
      ...(args.app === undefined ? appField(ctx) : []),
    ],
  };
}

function inspectForm(ctx: Ctx): Form {
  const f = ctx.t.usersig.forms;
  return { id: KINDS.inspect, title: f.inspectTitle, submitLabel: f.inspectSubmit, fields: [userSigField(ctx, true)] };
}

/** Validate a submitted form in place: every problem is keyed by the field that has it. */
function submitForm(ctx: Ctx, principal: Principal, kind: string, parts: string[], values: Record<string, string>): FormResult {
  const f = ctx.t.usersig.forms;
  const v = (k: string) => (values[k] ?? '').trim();
  const userSig = (values.userSig ?? '').trim();
  const userId = values.userId ?? '';
  const errors: Record<string, string> = {};
  let action: string;
  let app: string | undefined;
  if (kind === KINDS.form) {
    action = v('action') || 'gen';
    app = v('app') || undefined;
  } else if (kind === KINDS.verify) {
    action = 'verify';
    app = parts[0] || v('app') || undefined;
  } else {
    action = 'inspect';
  }
  const names = appNames(ctx.deps.config);
  if (app !== undefined && !names.includes(app)) errors.app = ctx.t.app.formError(names);
  if (action === 'gen' || action === 'verify') {
    if (userId === '') errors.userId = f.enterUserId;
    else if (userId !== userId.trim() && action === 'gen') errors.userId = f.userIdSpaces;
  }
  if (action === 'gen' && v('expiry') !== '') {
    try {
      parseExpiry(v('expiry'));
    } catch (err) {
      errors.expiry =
        err instanceof UsageError
          ? capitalise(ctx.t.chrome.problemAndFix(inLocale(err.problem, ctx.t), err.fixText ? inLocale(err.fixText, ctx.t) : '')).slice(0, 150)
          : f.notAnExpiry;
    }
  }
  if (action === 'verify' || action === 'inspect') {
    if (userSig === '') errors.userSig = f.pasteUserSig;
    else if (userSig.length > SIG_MAX) errors.userSig = f.tooLong(userSig.length);
  }
  if (Object.keys(errors).length > 0) return { kind: 'errors', errors };
  return { kind: 'plan', plan: planSubcommand(ctx, principal, action, { userId, app, expiry: v('expiry') || undefined, userSig }) };
}

export const usersigCommand: CommandModule = {
  spec: USERSIG_SPEC,
  idPrefix: 'us.',
  idKinds: Object.values(KINDS),
  plan(ctx, principal, inv) {
    if (inv.empty) return { kind: 'form', form: usersigForm(ctx) };
    return planSubcommand(ctx, principal, inv.subcommand, inv.args);
  },
  submitForm,
};
