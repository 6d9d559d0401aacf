/**
 * The Discord chat adapter: a discord.js gateway client inside `imops serve` when DISCORD_TOKEN is set.
 * It asks only for the Guilds intent (interactions need no intent; privileged ones would close the gateway
 * with 4014), registers the commands when their definitions changed, and routes interactions to the core.
 */
import { Client, Events, GatewayIntentBits, Routes, type RESTOptions } from 'discord.js';
import { ConfigError, type ChatAdapter, type RunningAdapter } from '../../src/commands/adapter.js';
import { createInteractionHandler } from './interactions.js';
import { renderReply } from './render.js';
import { discordEnv, DISCORD } from './env.js';
import { describeSync, resolveApplicationId, syncCommands } from './register.js';

export interface DiscordAdapterOptions {
  /** Extra REST options (tests: `{ retries: 0 }`, so a broken fake fails at once instead of retrying). */
  rest?: Partial<RESTOptions>;
  /** How long to wait for the gateway's READY before giving up at start-up. */
  readyTimeoutMs?: number;
  /** How long a 'reply' plan may run before the adapter defers it (default 1500 ms, inside Discord's 3 s). */
  replyWithinMs?: number;
}

export function createDiscordAdapter(options: DiscordAdapterOptions = {}): ChatAdapter {
  return {
    ...DISCORD,
    async start(ctx): Promise<RunningAdapter> {
      const settings = discordEnv(ctx.env);
      if (!settings.token) {
        throw new ConfigError(
          'environment',
          'DISCORD_TOKEN',
          'is not set',
          'set DISCORD_TOKEN to the bot token from the Discord developer portal (Bot > Token)',
        );
      }
      const log = ctx.log;
      const client = new Client({
        intents: [GatewayIntentBits.Guilds],
        rest: { ...(settings.apiUrl && { api: settings.apiUrl }), ...options.rest },
      });
      const handle = createInteractionHandler({ core: ctx.core, log, ...(options.replyWithinMs !== undefined && { replyWithinMs: options.replyWithinMs }) });
      client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
      client.on(Events.Error, (err) => log.error({ error: `${err.name}: ${err.message}` }, 'discord client error'));
      client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
      client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit hit'));

      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('Discord gateway did not become ready in time; check the network path to Discord (or DISCORD_API_URL)')),
          options.readyTimeoutMs ?? 30_000,
        );
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      try {
        await client.login(settings.token);
        await ready;
      } catch (err) {
        await client.destroy();
        const message = err instanceof Error ? err.message : String(err);
        throw new ConfigError(
          'environment',
          'DISCORD_TOKEN',
          `Discord login failed: ${message}`,
          'check DISCORD_TOKEN (Bot > Reset Token in the developer portal) and DISCORD_API_URL if set',
        );
      }

      // A failed registration must not stop the bot: commands registered earlier keep working.
      try {
        const applicationId = settings.applicationId ?? client.application?.id ?? (await resolveApplicationId(client.rest, undefined));
        const result = await syncCommands({
          rest: client.rest,
          applicationId,
          specs: ctx.core.specs,
          ...(settings.guildId && { guildId: settings.guildId }),
        });
        log.info({ scope: result.scope, guildId: result.guildId, registered: result.registered }, describeSync(result));
      } catch (err) {
        log.error(
          { error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) },
          'could not register Discord commands; the bot keeps serving with what is registered. Fix the cause, then run `imops discord register`',
        );
      }

      return {
        description: settings.guildId ? `Discord (guild ${settings.guildId})` : 'Discord (global commands)',
        ready: () => client.isReady(),
        stop: async () => {
          client.removeAllListeners();
          await client.destroy();
        },
        // POST /channels/{id}/messages: needs the bot in the guild with View Channel and Send Messages there.
        post: async (channelId, reply) => {
          const message = renderReply(reply);
          await client.rest.post(Routes.channelMessages(channelId), {
            body: {
              embeds: message.embeds.map((e) => e.toJSON()),
              components: message.components.map((c) => c.toJSON()),
              allowed_mentions: message.allowedMentions,
            },
          });
        },
      };
    },
  };
}

/** The adapter `imops serve` starts when DISCORD_TOKEN is set. */
export const discordAdapter: ChatAdapter = createDiscordAdapter();

export { registerDiscordCli } from './cli.js';
export { renderReply, renderForm } from './render.js';
export { toDiscordCommands, sameCommands } from './commands.js';
export { syncCommands, type SyncResult } from './register.js';
