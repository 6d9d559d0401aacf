// /pushcheck: the user's devices, a certificate select, and a test run that replaces the card with its results.
import { isAllowed } from '../../access/policy.js';
import { listDevicesCheck } from '../../checks/devices.js';
import { pushTestCheck } from '../../checks/push.js';
import { appNames } from '../../checks/refusal.js';
import { deviceCard, noDevicesReply, testResultsReply } from '../../present/push.js';
import { errorReply, type Action, type Choice, type Form, type Reply } from '../../present/reply.js';
import { clip } from '../../text.js';
import { chat, ReplyError, type Ctx } from '../context.js';
import { encodeId } from '../ids.js';
import { appField, userIdField } from '../fields.js';
import { ephemeral, replyPlan, type CommandModule } from '../module.js';
import type { Args, FormResult, Plan, Principal } from '../types.js';
import { appOption, spec, usageReply, userIdOption } from '../usage.js';

const KINDS = { form: 'pc.form', select: 'pc.sel', run: 'pc.run' } as const;

/** Select value meaning "every certificate the user uploaded with". */
export const ALL_CERTIFICATES = '*';

/**
 * Devices one chat test run sends to: the most recently seen (the phones the user is likely holding now). Every
 * device gets a real notification, and a stale list can hold many reinstalls.
 */
export const MAX_TEST_DEVICES = 20;

const PUSHCHECK_SPEC = spec({
  name: 'pushcheck',
  description: 'Show the devices a UserID uploaded and send them a test offline push',
  options: [userIdOption, appOption],
});

function ids(ctx: Ctx, app: string, userId: string, cert: string | undefined) {
  const select = encodeId(KINDS.select, app, userId);
  const run = encodeId(KINDS.run, app, cert ?? ALL_CERTIFICATES, userId);
  if (!select || !run) {
    const t = ctx.t.push.tooLongUserId;
    throw new ReplyError(errorReply(t.title, t.cause(clip(userId, 40), userId.length), t.fix));
  }
  return { select, run, all: ALL_CERTIFICATES };
}

function card(ctx: Ctx, principal: Principal, app: string | undefined, userId: string, cert: string | undefined): Promise<Reply> {
  return chat(
    ctx,
    principal,
    listDevicesCheck,
    { userId, ...(app !== undefined && { app }) },
    (f) => {
      if (f.devices.length === 0) return noDevicesReply(ctx.t, f.app, userId);
      const selected = cert && f.devices.some((d) => d.certificateId === cert) ? cert : undefined;
      return deviceCard(ctx.t, f, selected, ids(ctx, f.app.name, userId, selected), MAX_TEST_DEVICES, ctx.deps.now());
    },
    { retry: `/pushcheck ${userId}` },
  );
}

function rerun(ctx: Ctx, app: string, userId: string, cert: string | undefined): Action[] {
  const id = encodeId(KINDS.run, app, cert ?? ALL_CERTIFICATES, userId);
  return id ? [{ type: 'button', id, label: ctx.t.push.testAgain }] : [];
}

function test(ctx: Ctx, principal: Principal, app: string, userId: string, cert: string | undefined): Promise<Reply> {
  const again = rerun(ctx, app, userId, cert);
  return chat(
    ctx,
    principal,
    pushTestCheck,
    { app, userId, ...(cert !== undefined && { certificateId: cert }), maxDevices: MAX_TEST_DEVICES },
    (f) => testResultsReply(ctx.t, f, MAX_TEST_DEVICES, again, ctx.deps.now()),
    { retry: `/pushcheck ${userId}`, extra: { actions: again } },
  );
}

function pushForm(ctx: Ctx): Form {
  const f = ctx.t.push.forms;
  return {
    id: KINDS.form,
    title: f.title,
    submitLabel: f.submit,
    fields: [userIdField(ctx, { required: true }), ...appField(ctx)],
  };
}

function planCard(ctx: Ctx, principal: Principal, args: Args): Plan {
  return ephemeral(() => card(ctx, principal, args.app, args.userId ?? '', undefined));
}

/** UserIDs with uploaded devices are device data: only those who may run push checks see them. */
async function autocompleteUserIds(ctx: Ctx, principal: Principal, args: Args, partial: string): Promise<Choice[]> {
  const { config, push } = ctx.deps;
  if (!push || !isAllowed(config, principal, 'push.test')) return [];
  const names = appNames(config);
  const app = args.app && names.includes(args.app) ? args.app : names.length === 1 ? names[0] : undefined;
  if (!app) return [];
  return (await push.knownUserIds(app, partial, 25)).map((u) => ({ label: u, value: u }));
}

export const pushcheckCommand: CommandModule = {
  spec: PUSHCHECK_SPEC,
  idPrefix: 'pc.',
  idKinds: Object.values(KINDS),
  plan(ctx, principal, inv) {
    if (inv.empty) return { kind: 'form', form: pushForm(ctx) };
    if (!inv.args.userId) {
      return replyPlan(usageReply(ctx.t, 'pushcheck', PUSHCHECK_SPEC, undefined, { kind: 'missing', names: ['<userId>'] }));
    }
    return planCard(ctx, principal, inv.args);
  },
  submitForm(ctx, principal, _kind, _parts, values): FormResult {
    const errors: Record<string, string> = {};
    const userId = values.userId ?? '';
    const app = (values.app ?? '').trim() || undefined;
    const names = appNames(ctx.deps.config);
    if (userId.trim() === '') errors.userId = ctx.t.push.forms.enterUserId;
    if (app !== undefined && !names.includes(app)) errors.app = ctx.t.app.formError(names);
    if (Object.keys(errors).length > 0) return { kind: 'errors', errors };
    return { kind: 'plan', plan: planCard(ctx, principal, { userId, app }) };
  },
  action(ctx, principal, kind, parts, value) {
    if (kind === KINDS.select) {
      const [app, userId] = parts;
      if (app === undefined || userId === undefined) return undefined;
      const cert = value && value !== ALL_CERTIFICATES ? value : undefined;
      return { kind: 'update', visibility: 'ephemeral', run: () => card(ctx, principal, app, userId, cert) };
    }
    if (kind === KINDS.run) {
      const [app, cert, userId] = parts;
      if (app === undefined || cert === undefined || userId === undefined) return undefined;
      return { kind: 'update', visibility: 'ephemeral', run: () => test(ctx, principal, app, userId, cert === ALL_CERTIFICATES ? undefined : cert) };
    }
    return undefined;
  },
  async autocomplete(ctx, principal, source, partial, args) {
    if (source === 'userId') return autocompleteUserIds(ctx, principal, args, partial);
    return [];
  },
};
