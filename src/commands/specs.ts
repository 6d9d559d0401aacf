import type { CommandSpec, OptionSpec, SubcommandSpec } from './types.js';

const app: OptionSpec = { name: 'app', description: 'App name from the imops config (optional when only one app is configured)', type: 'string', required: false, autocomplete: 'app' };
const userId: OptionSpec = { name: 'userId', description: 'The UserID exactly as the client logs in with it', type: 'string', required: true, autocomplete: 'userId' };

const USERSIG_SUBCOMMANDS: SubcommandSpec[] = [
  {
    name: 'gen',
    description: 'Generate a UserSig for a UserID (shown only to you)',
    options: [
      userId,
      { name: 'expiry', description: 'Validity: seconds, or 180d, 12h, 30m, 45s (default 180d)', type: 'string', required: false },
      app,
    ],
  },
  {
    name: 'verify',
    description: 'Check a UserSig against a UserID and say why it fails',
    options: [
      userId,
      { name: 'userSig', description: 'The UserSig to check', type: 'string', required: true, secret: true, rest: true },
      app,
    ],
  },
  {
    name: 'inspect',
    description: 'Decode a UserSig without a key: SDKAppID, UserID, times',
    options: [{ name: 'userSig', description: 'The UserSig to decode', type: 'string', required: true, secret: true, rest: true }],
  },
  {
    name: 'explain',
    description: 'Explain an IM error code (for example 70001) and how to fix it',
    options: [{ name: 'code', description: 'The IM error code the client reported', type: 'integer', required: true }],
  },
  { name: 'help', description: 'Show how to use /usersig', options: [] },
];

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

function spec(s: Omit<CommandSpec, 'usageHint'>): CommandSpec {
  return { ...s, usageHint: usageHint(s) };
}

/** One declaration per slash command: Slack usage text, help, the manifest check and Discord registration derive from it. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  spec({ name: 'usersig', description: 'Generate, verify and explain Tencent IM UserSigs', subcommands: USERSIG_SUBCOMMANDS }),
  spec({ name: 'pushcheck', description: 'Show the devices a UserID uploaded and send them a test offline push', options: [userId, app] }),
];

export function findSpec(name: string): CommandSpec | undefined {
  const bare = name.replace(/^\//, '');
  return COMMAND_SPECS.find((s) => s.name === bare);
}

/** Usage lines for a command (or one subcommand), as `/usersig gen <userId> [expiry] [app]`. */
export function usageLines(command: CommandSpec, subcommand?: string): string[] {
  if (command.subcommands) {
    const subs = subcommand ? command.subcommands.filter((s) => s.name === subcommand) : command.subcommands;
    return (subs.length ? subs : command.subcommands).map((s) => `/${command.name} ${subcommandUsage(s)}`);
  }
  return [`/${command.name} ${usageHint(command)}`];
}
