// Every slash command imops has: one module each. Adding a command is one line here.
import type { CommandModule } from './module.js';
import { pushcheckCommand } from './pushcheck/index.js';
import { pushsweepCommand } from './pushsweep/index.js';
import type { CommandSpec } from './types.js';
import { usersigCommand } from './usersig/index.js';
import { imstatusCommand } from './imstatus/index.js';
import { triageCommand } from './triage/index.js';

export const COMMANDS: readonly CommandModule[] = [usersigCommand, pushcheckCommand, pushsweepCommand, triageCommand, imstatusCommand];

export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.spec);

export function findCommand(name: string): CommandModule | undefined {
  const bare = name.replace(/^\//, '');
  return COMMANDS.find((c) => c.spec.name === bare);
}

export function findSpec(name: string): CommandSpec | undefined {
  return findCommand(name)?.spec;
}

/** The module that issued a form or action id. */
export function commandForId(id: string): CommandModule | undefined {
  return COMMANDS.find((c) => id.startsWith(c.idPrefix));
}

/** Every id kind the core issues, for metrics labels. */
export const ID_KINDS: ReadonlySet<string> = new Set(COMMANDS.flatMap((c) => c.idKinds));

/** Every form and action id the core issues starts with one of these: adapters route "ours" on this alone. */
export const ID_PREFIXES: readonly string[] = COMMANDS.map((c) => c.idPrefix);
