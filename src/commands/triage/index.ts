// /triage <userId> [app]: every check for one user at once, the most likely cause first. Buttons add the test
// pushes (Start testing), a UserSig check (a modal: the UserSig never appears in the channel) and an IM test
// message (confirmed first, through /imstatus' buttons).
import { requireApp } from '../../checks/refusal.js';
import { triageFor, type TriageInput } from '../../checks/triage.js';
import { triageReply } from '../../present/triage.js';
import type { Action, Form, FormField, Reply } from '../../present/reply.js';
import { chat, type Ctx } from '../context.js';
import { appField, userIdField } from '../fields.js';
import { encodeId } from '../ids.js';
import { sendTestButton } from '../imstatus/index.js';
import { replyPlan, type CommandModule } from '../module.js';
import type { FormResult, Plan, Principal } from '../types.js';
import { appOption, spec, usageReply, userIdOption } from '../usage.js';
import { SIG_MAX } from '../../checks/usersig.js';

export const TRIAGE_KINDS = { form: 'tr.form', push: 'tr.push', sigForm: 'tr.sigf', sig: 'tr.sig' } as const;

const TRIAGE_SPEC = spec({
  name: 'triage',
  description: 'Run every check for one user at once and put the most likely cause first',
  options: [userIdOption, appOption],
});

function actions(ctx: Ctx, app: string, userId: string, pushed: boolean): Action[] {
  const out: Action[] = [];
  const push = encodeId(TRIAGE_KINDS.push, app, userId);
  const sig = encodeId(TRIAGE_KINDS.sigForm, app, userId);
  if (push && !pushed) out.push({ type: 'button', id: push, label: ctx.t.triage.startTesting, style: 'primary' });
  if (sig) out.push({ type: 'button', id: sig, label: ctx.t.triage.checkUserSig });
  if (requireApp(ctx.deps.config, app).im) out.push(...sendTestButton(ctx, app, userId));
  return out;
}

function run(ctx: Ctx, principal: Principal, input: TriageInput): Promise<Reply> {
  return chat(
    ctx,
    principal,
    triageFor(input),
    input,
    (r) => triageReply(ctx.t, requireApp(ctx.deps.config, r.app), r, actions(ctx, r.app, r.userId, input.push === true)),
    { retry: `/triage ${input.userId}` },
  );
}

const sigField = (ctx: Ctx, required: boolean): FormField => ({
  type: 'text',
  id: 'userSig',
  label: ctx.t.triage.forms.userSig,
  placeholder: ctx.t.triage.forms.userSigPlaceholder,
  required,
  multiline: true,
  maxLength: SIG_MAX,
});

function triageForm(ctx: Ctx): Form {
  return {
    id: TRIAGE_KINDS.form,
    title: ctx.t.triage.forms.title,
    submitLabel: ctx.t.triage.forms.submit,
    fields: [userIdField(ctx, { required: true }), ...appField(ctx), sigField(ctx, false)],
  };
}

const defer = (fn: () => Promise<Reply>): Plan => ({ kind: 'defer', visibility: 'ephemeral', run: fn });

export const triageCommand: CommandModule = {
  spec: TRIAGE_SPEC,
  idPrefix: 'tr.',
  idKinds: Object.values(TRIAGE_KINDS),
  plan(ctx, principal, inv) {
    if (inv.empty) return { kind: 'form', form: triageForm(ctx) };
    if (!inv.args.userId) return replyPlan(usageReply(ctx.t, 'triage', TRIAGE_SPEC, undefined, { kind: 'missing', names: ['<userId>'] }));
    const { userId, app } = inv.args;
    return defer(() => run(ctx, principal, { userId, ...(app !== undefined && { app }) }));
  },
  submitForm(ctx, principal, kind, parts, values): FormResult {
    const userSig = (values.userSig ?? '').trim();
    if (kind === TRIAGE_KINDS.sig) {
      const [app, userId] = parts;
      if (app === undefined || userId === undefined) return { kind: 'errors', errors: {} };
      if (userSig === '') return { kind: 'errors', errors: { userSig: ctx.t.triage.forms.enterUserSig } };
      return { kind: 'plan', plan: defer(() => run(ctx, principal, { app, userId, userSig })) };
    }
    const userId = values.userId ?? '';
    if (userId.trim() === '') return { kind: 'errors', errors: { userId: ctx.t.triage.forms.enterUserId } };
    const app = (values.app ?? '').trim() || undefined;
    return { kind: 'plan', plan: defer(() => run(ctx, principal, { userId, ...(app !== undefined && { app }), ...(userSig !== '' && { userSig }) })) };
  },
  action(ctx, principal, kind, parts) {
    const [app, userId] = parts;
    if (app === undefined || userId === undefined) return undefined;
    if (kind === TRIAGE_KINDS.push) return { kind: 'update', visibility: 'ephemeral', run: () => run(ctx, principal, { app, userId, push: true }) };
    if (kind === TRIAGE_KINDS.sigForm) {
      const id = encodeId(TRIAGE_KINDS.sig, app, userId);
      if (!id) return undefined;
      return { kind: 'form', form: { id, title: ctx.t.triage.forms.title, submitLabel: ctx.t.triage.forms.submit, fields: [sigField(ctx, true)] } };
    }
    return undefined;
  },
};
