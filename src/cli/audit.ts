import type { Command } from 'commander';
import type { CliContext } from '../cli.js';

export function registerAuditCommand(program: Command, ctx: CliContext): void {
  void program;
  void ctx;
}
