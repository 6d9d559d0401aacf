import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, usageHint } from '../../src/commands/specs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
interface SlashCommand {
  command: string;
  url?: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
}
const manifest = parse(readFileSync(`${root}manifest.yml`, 'utf8')) as {
  display_information: { name: string; description?: string };
  features: { slash_commands: SlashCommand[]; bot_user?: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
};

describe('manifest.yml', () => {
  it('declares exactly the commands in COMMAND_SPECS, with their descriptions and derived usage hints', () => {
    const declared = manifest.features.slash_commands.map((c) => ({ command: c.command, description: c.description, usage_hint: c.usage_hint }));
    const expected = COMMAND_SPECS.map((s) => ({ command: `/${s.name}`, description: s.description, usage_hint: usageHint(s) }));
    expect(declared).toEqual(expected);
  });

  it("stays within Slack's manifest limits", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect((manifest.display_information.description ?? '').length).toBeLessThanOrEqual(140);
    for (const c of manifest.features.slash_commands) {
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(1000);
      expect(c.url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
      // Slack must pass the text as typed: a UserSig may contain `*`, `_` and `-`.
      expect(c.should_escape).toBe(false);
    }
  });

  it('turns interactivity on (modals, select, button) at the same endpoint as the commands', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.request_url).toBe(manifest.features.slash_commands[0]!.url);
  });

  it('asks only for the scopes the adapter uses', () => {
    const adapterSource = readdirSync(`${root}adapters/slack`)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(`${root}adapters/slack/${f}`, 'utf8'))
      .join('\n');
    // Each scope with the Web API methods that need it; a scope is justified only if the adapter calls one.
    const needs: Record<string, RegExp> = {
      commands: /app\.command\(/,
      'chat:write': /chat\.(postEphemeral|postMessage|update)\(/,
      'users:read': /users\.info\(/,
    };
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      Object.keys(needs)
        .filter((s) => needs[s]!.test(adapterSource))
        .sort(),
    );
  });
});
