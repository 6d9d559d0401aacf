// Discord settings from the environment. Kept apart from the adapter so reading them does not load discord.js.

export interface DiscordEnv {
  token: string;
  applicationId?: string;
  guildId?: string;
  apiUrl?: string;
}

/** Read the Discord settings from the environment; blank values count as unset. */
export function discordEnv(env: NodeJS.ProcessEnv): Partial<DiscordEnv> {
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  return {
    ...(get('DISCORD_TOKEN') && { token: get('DISCORD_TOKEN') }),
    ...(get('DISCORD_APPLICATION_ID') && { applicationId: get('DISCORD_APPLICATION_ID') }),
    ...(get('DISCORD_GUILD_ID') && { guildId: get('DISCORD_GUILD_ID') }),
    ...(get('DISCORD_API_URL') && { apiUrl: get('DISCORD_API_URL') }),
  };
}

export function discordMissing(env: NodeJS.ProcessEnv): string[] {
  return discordEnv(env).token ? [] : ['DISCORD_TOKEN'];
}

export const DISCORD = {
  name: 'discord',
  label: 'Discord',
  setupHint: 'invite the bot with the bot and applications.commands scopes',
  missing: discordMissing,
} as const;
