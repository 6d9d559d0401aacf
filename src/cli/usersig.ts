import type { Command } from 'commander';
import type { CliContext } from '../cli.js';

export function registerUsersigCommands(program: Command, ctx: CliContext): void {
  void program;
  void ctx;
}
