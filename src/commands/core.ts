import { errorReply, type Choice, type Reply } from './reply.js';
import { appNames, guard, guardSync, makeCtx, usageReply, type Ctx } from './context.js';
import { decodeId, IDS } from './ids.js';
import { parseCommandText } from './parse.js';
import { autocompleteUserIds, planPushcheck, pushAction, pushForm, submitPushForm } from './pushcheck.js';
import { COMMAND_SPECS, findSpec } from './specs.js';
import { planUsersig, submitUsersigForm, usersigForm } from './usersig.js';
import type { Args, CommandCore, CoreServices, FormResult, Invocation, OptionSpec, Plan, Principal } from './types.js';

const replyPlan = (reply: Reply): Plan => ({ kind: 'reply', visibility: 'ephemeral', run: async () => reply });

/**
 * The platform-neutral command core. Every entry point answers with a Plan (or form errors) and never throws:
 * a failure becomes an ephemeral Reply with its fix, so no adapter can go silent.
 */
export function createCommandCore(services: CoreServices): CommandCore {
  const ctx: Ctx = makeCtx(services);

  const plan = (principal: Principal, inv: Invocation): Plan =>
    guardSync(ctx, `plan /${inv.command}`, () => planInvocation(ctx, principal, inv), replyPlan);

  return {
    specs: COMMAND_SPECS,

    parseText(command: string, text: string): Invocation {
      const spec = findSpec(command);
      if (!spec) return { command: command.replace(/^\//, ''), args: {}, empty: false, problem: `/${command.replace(/^\//, '')} is not an imops command` };
      return parseCommandText(spec, text, appNames(ctx.config));
    },

    plan,

    async submitForm(principal: Principal, formId: string, values: Record<string, string>): Promise<FormResult> {
      try {
        const id = decodeId(formId);
        if (id?.kind === IDS.usersigForm || id?.kind === IDS.verifyForm || id?.kind === IDS.inspectForm) {
          return submitUsersigForm(ctx, principal, id.kind, id.parts, values);
        }
        if (id?.kind === IDS.pushForm) return submitPushForm(ctx, principal, values);
        return { kind: 'plan', plan: replyPlan(staleReply('form')) };
      } catch (err) {
        return { kind: 'plan', plan: replyPlan(await guard(ctx, 'form submit', () => { throw err; })) };
      }
    },

    action(principal: Principal, actionId: string, value?: string): Plan {
      return guardSync(ctx, 'action', () => {
        const id = decodeId(actionId);
        const p = id ? pushAction(ctx, principal, id.kind, id.parts, value) : undefined;
        return p ?? replyPlan(staleReply('button'));
      }, replyPlan);
    },

    async autocomplete(principal: Principal, source: NonNullable<OptionSpec['autocomplete']>, partial: string, args: Args): Promise<Choice[]> {
      try {
        const p = partial.toLowerCase();
        if (source === 'app') return appNames(ctx.config).filter((n) => n.toLowerCase().startsWith(p)).slice(0, 25).map((n) => ({ label: n, value: n }));
        if (source === 'userId') return autocompleteUserIds(ctx, principal, args, partial);
        const names = appNames(ctx.config);
        const app = ctx.config.apps.find((a) => a.name === (args.app ?? (names.length === 1 ? names[0] : undefined)));
        return (app?.certificates ?? []).filter((c) => c.id.startsWith(partial)).slice(0, 25).map((c) => ({ label: `${c.id} · ${c.platform}`, value: c.id }));
      } catch (err) {
        // Autocomplete has no place to show an error: log it and offer nothing.
        ctx.log.warn({ source, err: err instanceof Error ? err.message : String(err) }, 'autocomplete failed');
        return [];
      }
    },
  };
}

function planInvocation(ctx: Ctx, principal: Principal, inv: Invocation): Plan {
  if (inv.problem) return replyPlan(usageReply(inv.command, inv.subcommand, inv.problem));
  switch (inv.command) {
    case 'usersig':
      if (inv.empty) return { kind: 'form', form: usersigForm(ctx) };
      return planUsersig(ctx, principal, inv.subcommand, inv.args);
    case 'pushcheck':
      if (inv.empty) return { kind: 'form', form: pushForm(ctx) };
      if (!inv.args.userId) return replyPlan(usageReply('pushcheck', undefined, 'missing <userId>'));
      return planPushcheck(ctx, principal, inv.args);
    default:
      return replyPlan(usageReply(inv.command, undefined, `/${inv.command} is not an imops command`));
  }
}

function staleReply(what: 'form' | 'button'): Reply {
  return errorReply(`This ${what} is no longer understood`, `The ${what} came from another version of imops, or its data was cut short.`, 'Run the command again to get a fresh one.');
}
