/**
 * `imops discord register`: put the commands in Discord outside of `imops serve`, for example from a deploy
 * step, so a start-up never has to. Without --force it registers only when the definitions differ.
 */
import type { Command } from 'commander';
import { ConfigError, type CliContext } from '../../src/commands/adapter.js';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import { discordEnv } from './env.js';

interface RegisterFlags {
  force?: boolean;
  dryRun?: boolean;
  guild?: string;
  global?: boolean;
  json?: boolean;
}

export function registerDiscordCli(program: Command, ctx: CliContext): void {
  const discord = program.command('discord').description('Discord bot administration');
  discord
    .command('register')
    .description('Register /usersig and /pushcheck with Discord: guild commands when DISCORD_GUILD_ID is set, global otherwise')
    .option('--force', 'register even when Discord already has the same definitions')
    .option('--dry-run', 'only say whether the registered commands differ from the code')
    .option('--guild <id>', 'register in this guild (overrides DISCORD_GUILD_ID)')
    .option('--global', 'register global commands even when DISCORD_GUILD_ID is set')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nEnvironment: DISCORD_TOKEN (required), DISCORD_APPLICATION_ID (looked up when unset), DISCORD_GUILD_ID, DISCORD_API_URL')
    .action(async (flags: RegisterFlags) => {
      const settings = discordEnv(ctx.env);
      if (!settings.token) {
        throw new ConfigError('environment', 'DISCORD_TOKEN', 'is not set', 'export DISCORD_TOKEN=<bot token from the Discord developer portal, Bot > Token>');
      }
      if (flags.guild !== undefined && !/^\d{5,25}$/.test(flags.guild)) {
        throw new ConfigError(
          '--guild',
          '',
          `"${flags.guild}" is not a Discord guild ID`,
          'give the numeric server ID (Discord: Developer Mode on, right-click the server > Copy Server ID)',
        );
      }
      const guildId = flags.global ? undefined : (flags.guild ?? settings.guildId);
      // Loaded here, not at the top: every other imops command would otherwise pay for discord.js.
      const [{ REST }, { describeSync, resolveApplicationId, syncCommands }] = await Promise.all([import('discord.js'), import('./register.js')]);
      const rest = new REST({ ...(settings.apiUrl && { api: settings.apiUrl }), retries: 1, timeout: 15_000 }).setToken(settings.token);
      let result: Awaited<ReturnType<typeof syncCommands>>;
      try {
        const applicationId = await resolveApplicationId(rest, settings.applicationId);
        result = await syncCommands({
          rest,
          applicationId,
          specs: COMMAND_SPECS,
          ...(guildId && { guildId }),
          ...(flags.force && { force: true }),
          ...(flags.dryRun && { dryRun: true }),
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        ctx.err(
          `imops: Discord registration failed: ${message}\n  fix: check DISCORD_TOKEN and DISCORD_APPLICATION_ID${guildId ? `, and that the bot was added to guild ${guildId}` : ''}`,
        );
        ctx.setExit(1);
        return;
      }
      if (flags.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(describeSync(result));
      if (flags.dryRun && result.changed) ctx.setExit(1);
    });
}
