import type { Command } from 'commander';
import type { ChatAdapter } from '../commands/adapter.js';
import type { Catalogue } from '../text/index.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard output is a terminal: print for a person, not for a pipe. */
  interactive: boolean;
  /** All of standard input (`-` arguments). */
  readStdin: () => Promise<string>;
}

export interface CliDeps {
  io?: Partial<CliIo>;
  /** Chat adapters `imops serve` may start; the composition root (bin/imops.ts) supplies them. */
  adapters?: ChatAdapter[];
  /** Extra subcommands contributed by the composition root (for example `imops discord register`). */
  extend?: ((program: Command, ctx: CliContext) => void)[];
}

/** What each subcommand module gets: I/O, and a way to set the process exit status. */
export interface CliContext extends CliIo {
  adapters: ChatAdapter[];
  setExit(code: number): void;
  /** The --config value given to the top-level program. */
  configPath(): string | undefined;
  /** The words of the output, in the language of --lang or the shell's locale. */
  t(): Catalogue;
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
