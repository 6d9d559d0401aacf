import { Command, CommanderError } from 'commander';
import { ConfigError, UsageError } from './errors.js';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type CliContext, type CliDeps, type CliIo } from './cli/context.js';
import { registerUsersigCommands } from './cli/usersig.js';
import { registerPushCommands } from './cli/push.js';
import { registerServeCommand } from './cli/serve.js';
import { registerAuditCommand } from './cli/audit.js';
import { registerIncidentCommands } from './cli/incidents.js';
import { registerImCommands } from './cli/im.js';
import { cliCatalogue } from './cli/lang.js';
import { en, inLocale, type Catalogue } from './text/index.js';

export { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, type CliContext, type CliDeps, type CliIo } from './cli/context.js';

/** Run the `imops` command. Returns the exit status instead of exiting, so tests run it in process. */
export async function main(argv: string[], deps: CliDeps = {}): Promise<number> {
  const io: CliIo = {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
    cwd: process.cwd(),
    interactive: process.stdout.isTTY === true,
    readStdin: () => readAll(process.stdin),
    ...deps.io,
  };
  let exit = EXIT_OK;
  const program = new Command('imops')
    .description('UserSig and offline-push checks for Tencent IM / TRTC apps, from the shell, Slack and Discord.')
    .option('-c, --config <file>', 'configuration file (default: $IMOPS_CONFIG, then ./imops.yml)')
    .option('--lang <language>', 'language of the output: en or zh-CN (default: from $LC_ALL, $LC_MESSAGES or $LANG)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();

  const ctx: CliContext = {
    ...io,
    adapters: deps.adapters ?? [],
    setExit: (code) => {
      exit = Math.max(exit, code);
    },
    configPath: () => program.opts<{ config?: string }>().config,
    t: () => cliCatalogue(program.opts<{ lang?: string }>().lang, io.env),
  };
  // A bad --lang fails before any command runs, not only when something is printed.
  program.hook('preAction', () => {
    ctx.t();
  });
  registerUsersigCommands(program, ctx);
  registerPushCommands(program, ctx);
  registerIncidentCommands(program, ctx);
  registerImCommands(program, ctx);
  registerAuditCommand(program, ctx);
  registerServeCommand(program, ctx);
  for (const extend of deps.extend ?? []) extend(program, ctx);
  // exitOverride must reach every subcommand so usage errors come back here as exit status 2.
  const applyToAll = (cmd: Command) => {
    cmd
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
      .showHelpAfterError('(run with --help for usage)');
    cmd.commands.forEach(applyToAll);
  };
  program.commands.forEach(applyToAll);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    return handleError(err, io, argv, () => ctx.t());
  }
}

function handleError(err: unknown, io: CliIo, argv: readonly string[], t: () => Catalogue): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
    if (err.code === 'commander.unknownOption') hintUserIdOption(err.message, io, argv, readerOf(t));
    return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (err instanceof ConfigError) {
    io.err(`imops: configuration error: ${err.message}`);
    return EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    const reader = readerOf(t);
    const fix = err.fixText === undefined ? undefined : inLocale(err.fixText, reader);
    io.err(`imops: ${inLocale(err.problem, reader)}${fix ? `\n  ${reader.cli.fix(fix)}` : ''}`);
    return EXIT_USAGE;
  }
  io.err(`imops: unexpected error: ${(err as Error)?.message ?? String(err)}`);
  return EXIT_CHECK_FAILED;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `imops usersig gen -bob`: commander sees an option; when it looks like a UserID, say how to pass one. */
/** The reader's words; a bad --lang is itself the usage error being told, in English. */
function readerOf(t: () => Catalogue): Catalogue {
  try {
    return t();
  } catch {
    return en;
  }
}

function hintUserIdOption(message: string, io: CliIo, argv: readonly string[], t: Catalogue): void {
  const option = /unknown option '([^']+)'/.exec(message)?.[1];
  if (!option || !/^-{1,2}[^-=\s][^=\s]*$/.test(option) || !argv.includes(option)) return;
  const at = argv.indexOf(option);
  const fixed = [...argv.slice(0, at), '--', ...argv.slice(at)].join(' ');
  io.err(`imops: ${t.cli.dashUserId(option, `imops ${fixed}`)}`);
}
