// /pushsweep <certificateId> [app]: the fleet view of one certificate in chat. A command of its own rather than
// a `/pushcheck sweep` form, so that a UserID called "sweep" stays reachable with /pushcheck. Guarded by
// `push.test` (it pushes through the app's credentials, silently) and deferred: a sweep takes seconds.
import { isAllowed } from '../../access/policy.js';
import { appNames } from '../../checks/refusal.js';
import { sweepCheck } from '../../checks/sweep.js';
import { sweepReply } from '../../present/incidents.js';
import { describeCertificate } from '../../push/providers/index.js';
import { chat, type Ctx } from '../context.js';
import { replyPlan, type CommandModule } from '../module.js';
import type { Choice } from '../../present/reply.js';
import type { Principal } from '../types.js';
import { appOption, spec, usageReply } from '../usage.js';

const PUSHSWEEP_SPEC = spec({
  name: 'pushsweep',
  description: "Test a push certificate's most recently seen devices silently: verdicts and failure rate",
  options: [
    {
      name: 'certificateId',
      description: 'The certificate ID from the IM console (as in imops.yml)',
      type: 'string',
      required: true,
      autocomplete: 'certificate',
    },
    appOption,
  ],
});

function run(ctx: Ctx, principal: Principal, certificateId: string, app: string | undefined) {
  return chat(ctx, principal, sweepCheck, { certificateId, ...(app !== undefined && { app }) }, (f) => sweepReply(ctx.t, f), {
    retry: `/pushsweep ${certificateId}`,
  });
}

/** Configured certificates (not device data), offered to those who may sweep. */
function certificateChoices(ctx: Ctx, principal: Principal, app: string | undefined, partial: string): Choice[] {
  const { config } = ctx.deps;
  if (!isAllowed(config, principal, 'push.test')) return [];
  const names = appNames(config);
  const name = app && names.includes(app) ? app : names.length === 1 ? names[0] : undefined;
  const found = config.apps.find((a) => a.name === name);
  return (found?.certificates ?? [])
    .filter((c) => c.id.startsWith(partial))
    .slice(0, 25)
    .map((c) => ({ label: describeCertificate(c), value: c.id }));
}

export const pushsweepCommand: CommandModule = {
  spec: PUSHSWEEP_SPEC,
  idPrefix: 'ps.',
  idKinds: [],
  plan(ctx, principal, inv) {
    const cert = inv.args.certificateId;
    if (inv.empty || !cert) return replyPlan(usageReply(ctx.t, 'pushsweep', PUSHSWEEP_SPEC, undefined, ctx.t.errors.missing('<certificateId>')));
    return { kind: 'defer', visibility: 'ephemeral', run: () => run(ctx, principal, cert, inv.args.app) };
  },
  async autocomplete(ctx, principal, source, partial, args) {
    if (source === 'certificate') return certificateChoices(ctx, principal, args.app, partial);
    return [];
  },
};
