// /imstatus <userId> [app]: the user's IM account and online state; a button leads to a confirmed send-test.
import { imSendTestCheck, imStatusCheck } from '../../checks/im.js';
import { requireApp } from '../../checks/refusal.js';
import { sendTestReply, statusReply } from '../../present/im.js';
import { text, type Action, type Form, type Reply } from '../../present/reply.js';
import { chat, guard, type Ctx } from '../context.js';
import { appField, userIdField } from '../fields.js';
import { encodeId } from '../ids.js';
import { replyPlan, type CommandModule } from '../module.js';
import type { FormResult, Plan, Principal } from '../types.js';
import { appOption, spec, usageReply, userIdOption } from '../usage.js';

export const IMSTATUS_KINDS = { form: 'is.form', ask: 'is.ask', send: 'is.send', cancel: 'is.no' } as const;

const IMSTATUS_SPEC = spec({
  name: 'imstatus',
  description: 'Ask Tencent IM whether a user exists and is Online, PushOnline or Offline',
  options: [userIdOption, appOption],
});

/** The button that asks before a test message is sent (its id carries app and UserID). */
export function sendTestButton(ctx: Ctx, app: string, userId: string): Action[] {
  const id = encodeId(IMSTATUS_KINDS.ask, app, userId);
  return id ? [{ type: 'button', id, label: ctx.t.im.sendTestButton }] : [];
}

function status(ctx: Ctx, principal: Principal, app: string | undefined, userId: string): Promise<Reply> {
  return chat(
    ctx,
    principal,
    imStatusCheck,
    { userId, ...(app !== undefined && { app }) },
    (f) =>
      statusReply(
        ctx.t,
        requireApp(ctx.deps.config, f.app),
        f,
        f.verdict === 'IM_ERROR' || f.verdict === 'ACCOUNT_NOT_FOUND' ? [] : sendTestButton(ctx, f.app, userId),
      ),
    { retry: `/imstatus ${userId}` },
  );
}

function confirm(ctx: Ctx, app: string, userId: string): Promise<Reply> {
  return guard(ctx, 'imstatus confirm', () => {
    const appConfig = requireApp(ctx.deps.config, app);
    const w = ctx.t.im.sendTest;
    const send = encodeId(IMSTATUS_KINDS.send, app, userId);
    const cancel = encodeId(IMSTATUS_KINDS.cancel, app, userId);
    const actions: Action[] = [];
    if (send) actions.push({ type: 'button', id: send, label: w.confirm, style: 'danger' });
    if (cancel) actions.push({ type: 'button', id: cancel, label: ctx.t.im.cancel });
    return {
      status: 'warning',
      title: w.confirmTitle(userId),
      visibility: 'ephemeral',
      blocks: [text(w.confirmBody(userId, appConfig.im?.testSender ?? appConfig.im?.admin ?? 'administrator'))],
      actions,
    };
  });
}

function sendTest(ctx: Ctx, principal: Principal, app: string, userId: string): Promise<Reply> {
  return chat(ctx, principal, imSendTestCheck, { app, userId, words: ctx.t.im.sendTest }, (f) => sendTestReply(ctx.t, requireApp(ctx.deps.config, app), f), {
    retry: `/imstatus ${userId}`,
  });
}

function statusForm(ctx: Ctx): Form {
  return {
    id: IMSTATUS_KINDS.form,
    title: ctx.t.im.forms.statusTitle,
    submitLabel: ctx.t.im.forms.submit,
    fields: [userIdField(ctx, { required: true }), ...appField(ctx)],
  };
}

const defer = (run: () => Promise<Reply>): Plan => ({ kind: 'defer', visibility: 'ephemeral', run });

export const imstatusCommand: CommandModule = {
  spec: IMSTATUS_SPEC,
  idPrefix: 'is.',
  idKinds: Object.values(IMSTATUS_KINDS),
  plan(ctx, principal, inv) {
    if (inv.empty) return { kind: 'form', form: statusForm(ctx) };
    if (!inv.args.userId) return replyPlan(usageReply(ctx.t, 'imstatus', IMSTATUS_SPEC, undefined, { kind: 'missing', names: ['<userId>'] }));
    const { userId, app } = inv.args;
    return defer(() => status(ctx, principal, app, userId));
  },
  submitForm(ctx, principal, _kind, _parts, values): FormResult {
    const userId = values.userId ?? '';
    if (userId.trim() === '') return { kind: 'errors', errors: { userId: ctx.t.triage.forms.enterUserId } };
    const app = (values.app ?? '').trim() || undefined;
    return { kind: 'plan', plan: defer(() => status(ctx, principal, app, userId)) };
  },
  action(ctx, principal, kind, parts) {
    const [app, userId] = parts;
    if (app === undefined || userId === undefined) return undefined;
    if (kind === IMSTATUS_KINDS.ask) return { kind: 'update', visibility: 'ephemeral', run: () => confirm(ctx, app, userId) };
    if (kind === IMSTATUS_KINDS.send) return { kind: 'update', visibility: 'ephemeral', run: () => sendTest(ctx, principal, app, userId) };
    if (kind === IMSTATUS_KINDS.cancel) {
      return { kind: 'update', visibility: 'ephemeral', run: async () => ({ status: 'info', title: ctx.t.im.cancelled, visibility: 'ephemeral', blocks: [] }) };
    }
    return undefined;
  },
};
