import type { Choice } from '../present/reply.js';
import { appNames } from '../checks/refusal.js';
import { staleReply } from '../present/common.js';
import { failureReply, makeCtx, readerCatalogue, type Ctx } from './context.js';
import { decodeId } from './ids.js';
import { replyPlan } from './module.js';
import { parseCommandText } from './parse.js';
import { commandForId, COMMAND_SPECS, findCommand } from './registry.js';
import type { Args, CommandCore, CoreServices, FormResult, Invocation, OptionSpec, Plan, Principal } from './types.js';
import { usageReply } from './usage.js';

/**
 * The platform-neutral command core: a lookup from command names and id prefixes to command modules. Every entry
 * point answers with a Plan (or form errors) and never throws: a failure becomes an ephemeral Reply with its fix,
 * so no adapter can go silent.
 */
export function createCommandCore(services: CoreServices): CommandCore {
  const base: Ctx = makeCtx(services);
  /** The context of one person: the words in their language, times on their clock. */
  const ctxFor = (p: Principal): Ctx => ({ ...base, t: readerCatalogue(base.deps.config, p) });
  /** Every reply and form says which language it is in, so the renderers word their own labels alike. */
  const inLanguage = (ctx: Ctx, plan: Plan): Plan => {
    const locale = ctx.t.locale;
    if (plan.kind === 'form') return { ...plan, form: { ...plan.form, locale } };
    const run = plan.run;
    return { ...plan, run: async () => ({ ...(await run()), locale }) };
  };
  const safely = (ctx: Ctx, where: string, fn: () => Plan): Plan => {
    try {
      return fn();
    } catch (err) {
      return replyPlan(failureReply(ctx, err, where));
    }
  };

  return {
    specs: COMMAND_SPECS,

    wordsFor: (principal: Principal) => ctxFor(principal).t,

    parseText(command: string, text: string): Invocation {
      const module = findCommand(command);
      const name = command.replace(/^\//, '');
      if (!module) return { command: name, args: {}, empty: false, problem: { kind: 'not_a_command' } };
      return parseCommandText(module.spec, text, appNames(base.deps.config));
    },

    plan(principal: Principal, inv: Invocation): Plan {
      const ctx = ctxFor(principal);
      return inLanguage(
        ctx,
        safely(ctx, `plan /${inv.command}`, () => {
          const module = findCommand(inv.command);
          if (inv.problem || !module) {
            return replyPlan(usageReply(ctx.t, inv.command, module?.spec, inv.subcommand, inv.problem ?? { kind: 'not_a_command' }));
          }
          return module.plan(ctx, principal, inv);
        }),
      );
    },

    async submitForm(principal: Principal, formId: string, values: Record<string, string>): Promise<FormResult> {
      const ctx = ctxFor(principal);
      try {
        const id = decodeId(formId);
        const module = id && commandForId(formId);
        if (!id || !module?.submitForm) return { kind: 'plan', plan: inLanguage(ctx, replyPlan(staleReply(ctx.t, 'form'))) };
        const result = await module.submitForm(ctx, principal, id.kind, id.parts, values);
        return result.kind === 'plan' ? { kind: 'plan', plan: inLanguage(ctx, result.plan) } : result;
      } catch (err) {
        return { kind: 'plan', plan: inLanguage(ctx, replyPlan(failureReply(ctx, err, 'form submit'))) };
      }
    },

    action(principal: Principal, actionId: string, value?: string): Plan {
      const ctx = ctxFor(principal);
      return inLanguage(
        ctx,
        safely(ctx, 'action', () => {
          const id = decodeId(actionId);
          const plan = id && commandForId(actionId)?.action?.(ctx, principal, id.kind, id.parts, value);
          return plan ?? replyPlan(staleReply(ctx.t, 'button'));
        }),
      );
    },

    async autocomplete(principal: Principal, source: NonNullable<OptionSpec['autocomplete']>, partial: string, args: Args): Promise<Choice[]> {
      const ctx = ctxFor(principal);
      try {
        const config = ctx.deps.config;
        const p = partial.toLowerCase();
        const names = appNames(config);
        if (source === 'app')
          return names
            .filter((n) => n.toLowerCase().startsWith(p))
            .slice(0, 25)
            .map((n) => ({ label: n, value: n }));
        if (source === 'certificate') {
          const app = config.apps.find((a) => a.name === (args.app ?? (names.length === 1 ? names[0] : undefined)));
          return (app?.certificates ?? [])
            .filter((c) => c.id.startsWith(partial))
            .slice(0, 25)
            .map((c) => ({ label: `${c.id} · ${c.platform}`, value: c.id }));
        }
        const results = await Promise.all(COMMAND_SPECS.map((s) => findCommand(s.name)?.autocomplete?.(ctx, principal, source, partial, args) ?? []));
        return results.flat().slice(0, 25);
      } catch (err) {
        // Autocomplete has no place to show an error: log it and offer nothing.
        ctx.deps.log.warn({ source, err: err instanceof Error ? err.message : String(err) }, 'autocomplete failed');
        return [];
      }
    },
  };
}
