import type { Choice, Reply } from '../present/reply.js';
import type { Ctx } from './context.js';
import type { Args, CommandSpec, FormResult, Invocation, OptionSpec, Plan, Principal } from './types.js';

/**
 * One slash command: its declaration, how it answers, and the forms and buttons it issues. A new command is one
 * module and one line in registry.ts; the core dispatches by name (commands) and by id prefix (forms, actions).
 */
export interface CommandModule {
  spec: CommandSpec;
  /** Every form and action id this module issues starts with this (e.g. `us.`); ids carry their own state. */
  idPrefix: string;
  /** The id kinds it issues, for metrics labels. */
  idKinds: readonly string[];
  /** `inv.problem` is handled by the core; `inv.empty` means "open the form". */
  plan(ctx: Ctx, principal: Principal, inv: Invocation): Plan;
  submitForm?(ctx: Ctx, principal: Principal, kind: string, parts: string[], values: Record<string, string>): FormResult | Promise<FormResult>;
  action?(ctx: Ctx, principal: Principal, kind: string, parts: string[], value: string | undefined): Plan | undefined;
  autocomplete?(ctx: Ctx, principal: Principal, source: NonNullable<OptionSpec['autocomplete']>, partial: string, args: Args): Promise<Choice[]>;
}

export const ephemeral = (run: () => Promise<Reply>): Plan => ({ kind: 'reply', visibility: 'ephemeral', run });
export const replyPlan = (reply: Reply): Plan => ephemeral(async () => reply);
