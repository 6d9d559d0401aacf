/**
 * Discord's view of the core's COMMAND_SPECS: registration JSON, option names, and where a Discord option's value
 * goes back into the core's Args. Secret options (a UserSig) are never slash options: they are asked for in a
 * modal, so they do not sit in a visible command line or the client's command history.
 */
import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandSpec, OptionSpec } from '../../src/commands/types.js';
import { chineseCommandWords, clip } from '../../src/commands/adapter.js';

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

const NAME_MAX = 32;
const DESCRIPTION_MAX = 100;

/**
 * Discord option names are lower case. The core's `userId` reads best as `user` (`/pushcheck user:alice`);
 * other camelCase names become snake_case.
 */
export function discordOptionName(name: string): string {
  if (name === 'userId') return 'user';
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^-_\p{L}\p{N}]/gu, '_')
    .slice(0, NAME_MAX);
}

/** The options typed in the command line, required ones first (Discord rejects a required option after an optional one). */
export function visibleOptions(options: readonly OptionSpec[]): OptionSpec[] {
  const shown = options.filter((o) => !o.secret);
  return [...shown.filter((o) => o.required), ...shown.filter((o) => !o.required)];
}

export function hasSecretOption(options: readonly OptionSpec[]): boolean {
  return options.some((o) => o.secret);
}

export interface Target {
  spec: CommandSpec;
  subcommand?: string;
  options: readonly OptionSpec[];
}

/** The spec and option list a Discord invocation refers to, if the core knows it. */
export function findTarget(specs: readonly CommandSpec[], command: string, subcommand: string | null | undefined): Target | undefined {
  const spec = specs.find((s) => s.name === command);
  if (!spec) return undefined;
  if (spec.subcommands && spec.subcommands.length > 0) {
    const sub = spec.subcommands.find((s) => s.name === subcommand);
    return sub ? { spec, subcommand: sub.name, options: sub.options } : undefined;
  }
  return { spec, options: spec.options ?? [] };
}

/**
 * Discord's per-language names and descriptions: Chinese users (zh-CN and zh-TW clients) see the zh-CN words; the
 * command names themselves stay as typed everywhere.
 */
function localized(text: string | undefined, max: number): Partial<Record<'zh-CN' | 'zh-TW', string>> | undefined {
  if (!text) return undefined;
  const clipped = clip(text, max);
  return { 'zh-CN': clipped, 'zh-TW': clipped };
}

const CHINESE = chineseCommandWords();

function describedAs(path: string, english: string) {
  const zh = localized(CHINESE.descriptions[path], DESCRIPTION_MAX);
  return { description: clip(english, DESCRIPTION_MAX), ...(zh && { description_localizations: zh }) };
}

function optionJson(option: OptionSpec) {
  const zhName = CHINESE.optionNames[option.name];
  const zhDescription = localized(CHINESE.optionDescriptions[option.name], DESCRIPTION_MAX);
  const base = {
    name: discordOptionName(option.name),
    ...(zhName && { name_localizations: { 'zh-CN': discordOptionName(zhName), 'zh-TW': discordOptionName(zhName) } }),
    description: clip(option.description, DESCRIPTION_MAX),
    ...(zhDescription && { description_localizations: zhDescription }),
    required: option.required,
    ...(option.autocomplete && { autocomplete: true as const }),
  };
  switch (option.type) {
    case 'string':
      return { ...base, type: ApplicationCommandOptionType.String as const };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer as const };
    default: {
      const never: never = option.type;
      throw new Error(`option type ${String(never)} has no Discord equivalent`);
    }
  }
}

/** The registration body for `PUT /applications/:id/(guilds/:g/)commands`. */
export function toDiscordCommands(specs: readonly CommandSpec[]): CommandJson[] {
  return specs.map((spec) => {
    const base = { name: spec.name.toLowerCase().slice(0, NAME_MAX), ...describedAs(spec.name, spec.description) };
    if (spec.subcommands && spec.subcommands.length > 0) {
      return {
        ...base,
        options: spec.subcommands.map((sub) => ({
          type: ApplicationCommandOptionType.Subcommand as const,
          name: sub.name.toLowerCase().slice(0, NAME_MAX),
          ...describedAs(`${spec.name} ${sub.name}`, sub.description),
          options: visibleOptions(sub.options).map(optionJson),
        })),
      };
    }
    return { ...base, options: visibleOptions(spec.options ?? []).map(optionJson) };
  });
}

/**
 * The parts of a command that we set, with Discord's defaults filled in, so a command read back from Discord
 * (with ids, versions, localizations) compares equal to the one we would send.
 */
interface Comparable {
  type: number;
  name: string;
  description: string;
  required: boolean;
  autocomplete: boolean;
  /** Translations count: a changed one must be registered again. */
  localizations: string;
  options: Comparable[];
}

function comparable(value: unknown, isOption: boolean): Comparable {
  const o = (value ?? {}) as Record<string, unknown>;
  const options = Array.isArray(o.options) ? o.options.map((x) => comparable(x, true)) : [];
  return {
    type: typeof o.type === 'number' ? o.type : isOption ? 0 : 1,
    name: String(o.name ?? ''),
    description: String(o.description ?? ''),
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    localizations: JSON.stringify([sorted(o.name_localizations), sorted(o.description_localizations)]),
    options,
  };
}

/** A localization map with its keys in order; Discord answers `null` for none. */
function sorted(value: unknown): [string, unknown][] {
  return value && typeof value === 'object' ? Object.entries(value).sort(([a], [b]) => a.localeCompare(b)) : [];
}

/** True when the registered commands already match the desired ones (order of commands does not matter). */
export function sameCommands(current: readonly unknown[], desired: readonly unknown[]): boolean {
  const norm = (list: readonly unknown[]) => JSON.stringify(list.map((c) => comparable(c, false)).sort((a, b) => a.name.localeCompare(b.name)));
  return norm(current) === norm(desired);
}
