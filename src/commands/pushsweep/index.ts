// /pushsweep <certificateId> [app]: the fleet view of one certificate in chat. A command of its own rather than
// a `/pushcheck sweep` form, so that a UserID called "sweep" stays reachable with /pushcheck. Guarded by
// `push.test` (it pushes through the app's credentials, silently) and deferred: a sweep takes seconds.
import { sweepCheck } from '../../checks/sweep.js';
import { sweepReply } from '../../present/incidents.js';
import { chat, type Ctx } from '../context.js';
import { replyPlan, type CommandModule } from '../module.js';
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

export const pushsweepCommand: CommandModule = {
  spec: PUSHSWEEP_SPEC,
  idPrefix: 'ps.',
  idKinds: [],
  plan(ctx, principal, inv) {
    const cert = inv.args.certificateId;
    if (inv.empty || !cert) return replyPlan(usageReply(ctx.t, 'pushsweep', PUSHSWEEP_SPEC, undefined, { kind: 'missing', names: ['<certificateId>'] }));
    return { kind: 'defer', visibility: 'ephemeral', run: () => run(ctx, principal, cert, inv.args.app) };
  },
};
