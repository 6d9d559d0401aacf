import { capitalise } from '../present/common.js';
import { errorReply, type Reply } from '../present/reply.js';
import type { Catalogue } from '../text/en/index.js';
import type { CommandSpec, OptionSpec, ParseProblem, SubcommandSpec } from './types.js';

export const appOption: OptionSpec = {
  name: 'app',
  description: 'App name from the imops config (optional when only one app is configured)',
  type: 'string',
  required: false,
  autocomplete: 'app',
};
export const userIdOption: OptionSpec = {
  name: 'userId',
  description: 'The UserID exactly as the client logs in with it',
  type: 'string',
  required: true,
  autocomplete: 'userId',
};

function optionUsage(o: OptionSpec): string {
  return o.required ? `<${o.name}>` : `[${o.name}]`;
}

export function subcommandUsage(sub: SubcommandSpec): string {
  return [sub.name, ...sub.options.map(optionUsage)].join(' ');
}

/** The Slack usage hint (manifest `usage_hint`): every form of the command on one line. */
export function usageHint(spec: Pick<CommandSpec, 'subcommands' | 'options'>): string {
  if (spec.subcommands) return spec.subcommands.map(subcommandUsage).join(' | ');
  return (spec.options ?? []).map(optionUsage).join(' ');
}

export function spec(s: Omit<CommandSpec, 'usageHint'>): CommandSpec {
  return { ...s, usageHint: usageHint(s) };
}

/** Usage lines for a command (or one subcommand), as `/usersig gen <userId> [expiry] [app]`. */
export function usageLines(command: CommandSpec, subcommand?: string): string[] {
  if (command.subcommands) {
    const subs = subcommand ? command.subcommands.filter((s) => s.name === subcommand) : command.subcommands;
    return (subs.length ? subs : command.subcommands).map((s) => `/${command.name} ${subcommandUsage(s)}`);
  }
  return [`/${command.name} ${usageHint(command)}`];
}

/** "Cannot read that /usersig command", the problem, and the usage lines of the command (or subcommand). */
export function usageReply(t: Catalogue, command: string, spec: CommandSpec | undefined, subcommand: string | undefined, problem: ParseProblem): Reply {
  const lines = spec ? usageLines(spec, subcommand) : [];
  return errorReply(
    t.errors.cannotRead(command),
    `${capitalise(problemWords(t, command, problem))}${t.errors.sentenceEnd}`,
    lines.length === 1 ? t.errors.useOne(lines[0]!) : t.errors.useForms(command),
    {
      blocks: [{ type: 'list', title: t.labels.usage, items: lines }],
    },
  );
}

function problemWords(t: Catalogue, command: string, p: ParseProblem): string {
  switch (p.kind) {
    case 'not_a_command':
      return t.errors.notACommand(command);
    case 'unknown_subcommand':
      return t.errors.unknownSubcommand(p.value);
    case 'unexpected':
      return t.errors.unexpected(p.values);
    case 'missing':
      return t.errors.missing(p.names.join(' '));
  }
}
