/**
 * Command registration: compare what Discord has with what the specs say, and PUT only on a difference.
 * Guild commands (DISCORD_GUILD_ID) update at once and suit a team's server; global ones roll out slowly, and
 * every create counts against Discord's 200-a-day limit, so an unchanged start-up must not re-register.
 */
import { type REST, Routes } from 'discord.js';
import type { CommandSpec } from '../../src/commands/types.js';
import { sameCommands, toDiscordCommands } from './commands.js';

export { discordEnv, type DiscordEnv } from './env.js';

export interface SyncOptions {
  rest: REST;
  applicationId: string;
  guildId?: string;
  specs: readonly CommandSpec[];
  /** PUT even when nothing changed. */
  force?: boolean;
  /** Compare only; never PUT. */
  dryRun?: boolean;
}

export interface SyncResult {
  scope: 'guild' | 'global';
  guildId?: string;
  /** The definitions differed from what Discord had (or `force`). */
  changed: boolean;
  /** A PUT was made. */
  registered: boolean;
  names: string[];
}

export async function syncCommands(options: SyncOptions): Promise<SyncResult> {
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const desired = toDiscordCommands(options.specs);
  // Without with_localizations Discord leaves the translations out, and they would always look changed.
  const current = (await options.rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as unknown[];
  const changed = options.force === true || !Array.isArray(current) || !sameCommands(current, desired);
  const registered = changed && options.dryRun !== true;
  if (registered) await options.rest.put(route, { body: desired });
  return {
    scope: options.guildId ? 'guild' : 'global',
    ...(options.guildId && { guildId: options.guildId }),
    changed,
    registered,
    names: desired.map((c) => c.name),
  };
}

/** The application ID from the env, or from Discord itself (`GET /applications/@me`) when it is not set. */
export async function resolveApplicationId(rest: REST, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const app = (await rest.get(Routes.currentApplication())) as { id?: unknown };
  if (typeof app.id !== 'string') throw new Error('Discord did not return the application ID; set DISCORD_APPLICATION_ID');
  return app.id;
}

export function describeSync(result: SyncResult): string {
  const where = result.scope === 'guild' ? `guild ${result.guildId}` : 'global scope (changes can take a while to reach every client)';
  const list = result.names.map((n) => `/${n}`).join(', ');
  if (result.registered) return `registered ${result.names.length} Discord commands (${list}) in ${where}`;
  if (result.changed) return `Discord commands in ${where} differ from the code (${list}); not registered (dry run)`;
  return `Discord commands in ${where} are up to date (${list}); nothing registered`;
}
