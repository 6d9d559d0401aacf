/**
 * Interaction routing: one handler for every INTERACTION_CREATE, so a click on a card made before a restart
 * still works (the core's ids carry their own state). The core decides what comes first (Plan); this file
 * only maps that onto Discord's rules: a modal only as the first response, an answer within 3 seconds,
 * ephemeral fixed when the first response is sent, edits within 15 minutes.
 */
import {
  DiscordAPIError,
  DiscordjsError,
  MessageFlags,
  type APIInteractionGuildMember,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type GuildMember,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { adapterErrorReply, clip, localeOf, REPLY_BUDGET_MS, type Logger } from '../../src/commands/adapter.js';
import { errorReply, type Choice, type Reply, type Visibility } from '../../src/commands/reply.js';
import type { Args, CommandCore, FormResult, OptionSpec, Plan, Principal } from '../../src/commands/types.js';
import { discordOptionName, findTarget } from './commands.js';
import { formLabels, renderForm, renderReply } from './render.js';

/** Discord's codes for an interaction that timed out (3 s) and for one another process already answered. */
export const UNKNOWN_INTERACTION = 10062;
export const ALREADY_ACKNOWLEDGED = 40060;

/** Autocomplete cannot be deferred: offer nothing rather than miss the deadline. */
const AUTOCOMPLETE_WITHIN_MS = 2000;
const MAX_CHOICES = 25;
/** Interaction tokens die after 15 minutes: answer "took too long" while the edit can still land. */
const EDIT_DEADLINE_MS = 14 * 60_000;
/** Labels of forms we opened, to name fields in the validation answer; bounded, oldest dropped first. */
const REMEMBERED_FORMS = 500;

type Repliable = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

export interface HandlerDeps {
  core: CommandCore;
  log: Logger;
  /** How long a 'reply' plan may run before it is deferred (default 1500 ms). */
  replyWithinMs?: number;
}

export function principalOf(interaction: Pick<Interaction, 'user' | 'member' | 'channelId' | 'locale'>): Principal {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    roles: rolesOf(interaction.member),
    ...(interaction.channelId && { channelId: interaction.channelId }),
    // Discord sends every user's client language (zh-CN, zh-TW, en-US…); Chinese of any script reads zh-CN.
    ...(localeOf(interaction.locale) && { locale: localeOf(interaction.locale) }),
  };
}

/**
 * Member roles come as a plain ID list when the guild is not cached, and as a role manager when it is; the
 * manager only knows cached roles, so both shapes are read.
 */
function rolesOf(member: GuildMember | APIInteractionGuildMember | null): string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return [...member.roles];
  return [...member.roles.cache.keys()];
}

/** Core args (spec option names) from Discord's typed options of a command or its subcommand. */
export function argsFrom(data: readonly CommandInteractionOption[], options: readonly OptionSpec[]): Args {
  const flat = data.length === 1 && data[0]!.options && data[0]!.type === 1 ? data[0]!.options : data;
  const args: Args = {};
  for (const o of flat) {
    const spec = options.find((s) => discordOptionName(s.name) === o.name);
    if (spec && o.value !== undefined && o.value !== null) args[spec.name] = String(o.value);
  }
  return args;
}

function modalValues(interaction: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if ('value' in field && typeof field.value === 'string') values[id] = field.value;
    else if ('values' in field && Array.isArray(field.values)) values[id] = field.values.join(',');
  }
  return values;
}

const flagsFor = (v: Visibility) => (v === 'ephemeral' ? MessageFlags.Ephemeral : undefined);
const stricter = (a: Visibility, b: Visibility): Visibility => (a === 'ephemeral' || b === 'ephemeral' ? 'ephemeral' : 'public');

type Settled<T> = { done: true; value: T } | { done: false; later: Promise<T> };

/** The result if it comes within `ms`, otherwise the promise to wait on after acknowledging. */
async function within<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const first = await Promise.race([promise.then((value) => ({ value })), late]);
  clearTimeout(timer);
  return first === 'late' ? { done: false, later: promise } : { done: true, value: first.value };
}

function apiCode(err: unknown): number | string | undefined {
  if (err instanceof DiscordAPIError) return err.code;
  if (err instanceof DiscordjsError) return err.code;
  return undefined;
}

function kindOf(i: Interaction | Repliable): string {
  if (i.isChatInputCommand()) return 'command';
  if (i.isAutocomplete()) return 'autocomplete';
  if (i.isButton()) return 'button';
  if (i.isStringSelectMenu()) return 'select';
  if (i.isModalSubmit()) return 'modal';
  return 'other';
}

/** The message a component (or a modal opened from one) sits on: what an 'update' replaces. */
function sourceMessage(i: Repliable) {
  if (i.isMessageComponent()) return i.message;
  if (i.isModalSubmit() && i.isFromMessage()) return i.message;
  return undefined;
}

export function createInteractionHandler(deps: HandlerDeps): (interaction: Interaction) => Promise<void> {
  const { core, log } = deps;
  const replyWithin = deps.replyWithinMs ?? REPLY_BUDGET_MS;
  const labels = new Map<string, Record<string, string>>();

  const remember = (id: string, named: Record<string, string>) => {
    labels.delete(id);
    labels.set(id, named);
    if (labels.size > REMEMBERED_FORMS) labels.delete(labels.keys().next().value!);
  };

  /** A run() that throws still ends in a reply the user can act on; the log has the details under the same ID. */
  const safeRun = async (run: () => Promise<Reply>, interaction: Interaction | Repliable): Promise<Reply> => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Reply>((resolve) => {
      timer = setTimeout(() => {
        log.warn(
          { interaction: interaction.id, kind: kindOf(interaction) },
          'command still running after 14 minutes; answered before the interaction token expires',
        );
        const t = core.wordsFor(principalOf(interaction));
        resolve(errorReply(t.chrome.tooLong.title, t.chrome.tooLong.cause, t.chrome.tooLong.fix, { locale: t.locale }));
      }, EDIT_DEADLINE_MS);
      timer.unref();
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (err) {
      return internalError(err, interaction);
    } finally {
      clearTimeout(timer);
    }
  };

  const internalError = (err: unknown, interaction: Interaction | Repliable): Reply => {
    return adapterErrorReply(
      log,
      err,
      'discord interaction',
      { interaction: interaction.id, kind: kindOf(interaction) },
      core.wordsFor(principalOf(interaction)),
    );
  };

  /** A new message as the first response. */
  const answer = async (i: Repliable, reply: Reply, planned: Visibility) => {
    const visibility = stricter(planned, reply.visibility);
    await i.reply({ ...renderReply(reply), ...(visibility === 'ephemeral' && { flags: MessageFlags.Ephemeral }) });
  };

  /**
   * Put the reply where the deferred answer is. Ephemeral is fixed at defer time: a credential must never land
   * in a public placeholder, so that placeholder is removed and the reply goes out as an ephemeral follow-up.
   */
  const finish = async (i: Repliable, reply: Reply, deferredAs: Visibility) => {
    if (deferredAs === 'public' && reply.visibility === 'ephemeral') {
      await i.deleteReply();
      await i.followUp({ ...renderReply(reply), flags: MessageFlags.Ephemeral });
      return;
    }
    await i.editReply(renderReply(reply));
  };

  /** Whether the message that carried the component can show a reply of this visibility in place. */
  const canUpdate = (i: Repliable, visibility: Visibility): boolean => {
    const message = sourceMessage(i);
    if (!message) return false;
    return visibility === 'public' || message.flags.has(MessageFlags.Ephemeral);
  };

  const runPlan = async (i: Repliable, plan: Plan): Promise<void> => {
    if (plan.kind === 'form') {
      if (i.isModalSubmit() || i.deferred || i.replied) {
        const t = core.wordsFor(principalOf(i));
        const reply = errorReply(t.chrome.noFormHere.title, t.chrome.noFormHere.cause, t.chrome.noFormHere.fix, { locale: t.locale });
        return i.deferred || i.replied ? finish(i, reply, 'ephemeral') : answer(i, reply, 'ephemeral');
      }
      remember(plan.form.id, formLabels(plan.form));
      await i.showModal(renderForm(plan.form));
      return;
    }
    if (i.deferred || i.replied) {
      // Already acknowledged (ephemerally) while a form submit was being checked.
      return finish(i, await safeRun(plan.run, i), 'ephemeral');
    }
    switch (plan.kind) {
      case 'reply': {
        const result = await within(safeRun(plan.run, i), replyWithin);
        if (result.done) return answer(i, result.value, plan.visibility);
        await i.deferReply({ flags: flagsFor(plan.visibility) });
        return finish(i, await result.later, plan.visibility);
      }
      case 'defer':
        await i.deferReply({ flags: flagsFor(plan.visibility) });
        return finish(i, await safeRun(plan.run, i), plan.visibility);
      case 'update': {
        if (!canUpdate(i, plan.visibility)) {
          await i.deferReply({ flags: flagsFor(plan.visibility) });
          return finish(i, await safeRun(plan.run, i), plan.visibility);
        }
        if (i.isMessageComponent() || i.isModalSubmit()) await i.deferUpdate();
        const reply = await safeRun(plan.run, i);
        const message = sourceMessage(i);
        if (reply.visibility === 'ephemeral' && message && !message.flags.has(MessageFlags.Ephemeral)) {
          await i.followUp({ ...renderReply(reply), flags: MessageFlags.Ephemeral });
          return;
        }
        await i.editReply(renderReply(reply));
        return;
      }
      default: {
        const never: never = plan;
        throw new Error(`unknown plan ${JSON.stringify(never)}`);
      }
    }
  };

  const onCommand = async (i: ChatInputCommandInteraction, principal: Principal) => {
    const t = core.wordsFor(principal);
    const subcommand = i.options.getSubcommand(false);
    const target = findTarget(core.specs, i.commandName, subcommand);
    if (!target) {
      await answer(
        i,
        errorReply(
          t.chrome.unknownCommand.title(`/${i.commandName}${subcommand ? ` ${subcommand}` : ''}`),
          t.chrome.unknownCommand.cause,
          t.chrome.unknownCommand.fix,
          { locale: t.locale },
        ),
        'ephemeral',
      );
      return;
    }
    const args = argsFrom(i.options.data, target.options);
    const plan = core.plan(principal, { command: target.spec.name, ...(target.subcommand && { subcommand: target.subcommand }), args, empty: false });
    await runPlan(i, plan);
  };

  const onAutocomplete = async (i: AutocompleteInteraction, principal: Principal) => {
    const target = findTarget(core.specs, i.commandName, i.options.getSubcommand(false));
    const focused = i.options.getFocused(true);
    const option = target?.options.find((o) => discordOptionName(o.name) === focused.name);
    let choices: Choice[] = [];
    if (target && option?.autocomplete) {
      const args = argsFrom(i.options.data, target.options);
      delete args[option.name];
      const result = await within(core.autocomplete(principal, option.autocomplete, String(focused.value ?? ''), args), AUTOCOMPLETE_WITHIN_MS);
      if (result.done) choices = result.value;
      else log.warn({ interaction: i.id, source: option.autocomplete }, 'autocomplete too slow; offered nothing');
    }
    await i.respond(choices.slice(0, MAX_CHOICES).map((c) => ({ name: clip(c.label, 100), value: clip(c.value, 100) })));
  };

  const onModal = async (i: ModalSubmitInteraction, principal: Principal) => {
    const t = core.wordsFor(principal);
    const result = await within(core.submitForm(principal, i.customId, modalValues(i)), replyWithin);
    let outcome: FormResult;
    if (result.done) outcome = result.value;
    else {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      outcome = await result.later;
    }
    if (outcome.kind === 'errors') {
      // Discord modals cannot show errors under a field: say which field is wrong and how, privately.
      const named = labels.get(i.customId) ?? {};
      const reply: Reply = {
        status: 'warning',
        title: t.chrome.formErrorsTitle,
        visibility: 'ephemeral',
        blocks: [{ type: 'fields', fields: Object.entries(outcome.errors).map(([field, problem]) => ({ label: named[field] ?? field, value: problem })) }],
        fix: t.chrome.formErrorsFix,
        locale: t.locale,
      };
      return i.deferred ? finish(i, reply, 'ephemeral') : answer(i, reply, 'ephemeral');
    }
    await runPlan(i, outcome.plan);
  };

  const failed = async (i: Interaction, err: unknown) => {
    const code = apiCode(err);
    if (code === UNKNOWN_INTERACTION) {
      log.warn({ interaction: i.id, kind: kindOf(i), code }, 'Discord no longer knows this interaction (answered after 3 s, or it expired); skipped');
      return;
    }
    if (code === ALREADY_ACKNOWLEDGED || code === 'InteractionAlreadyReplied') {
      log.warn({ interaction: i.id, kind: kindOf(i), code }, 'interaction already acknowledged (is another imops running with this bot token?); skipped');
      return;
    }
    const reply = internalError(err, i);
    if (!i.isRepliable() || i.isAutocomplete()) return;
    try {
      if (i.deferred || i.replied) await i.followUp({ ...renderReply(reply), flags: MessageFlags.Ephemeral });
      else await i.reply({ ...renderReply(reply), flags: MessageFlags.Ephemeral });
    } catch (second) {
      log.warn({ interaction: i.id, code: apiCode(second) }, 'could not tell the user about the failure');
    }
  };

  return async (interaction) => {
    const principal = principalOf(interaction);
    const kind = kindOf(interaction);
    log.debug({ interaction: interaction.id, kind, principal: `discord:${principal.userId}` }, 'discord interaction');
    try {
      if (interaction.isAutocomplete()) await onAutocomplete(interaction, principal);
      else if (interaction.isChatInputCommand()) await onCommand(interaction, principal);
      else if (interaction.isButton()) await runPlan(interaction, core.action(principal, interaction.customId));
      else if (interaction.isStringSelectMenu()) await runPlan(interaction, core.action(principal, interaction.customId, interaction.values[0]));
      else if (interaction.isModalSubmit()) await onModal(interaction, principal);
    } catch (err) {
      await failed(interaction, err);
    }
  };
}
