// Command registration: derived from COMMAND_SPECS, done at start-up only when Discord's copy differs, and by
// `imops discord register`. Through real discord.js / @discordjs/rest against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.js';
import { main } from '../../src/cli.js';
import { createCommandCore } from '../../src/commands/core.js';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import type { CommandCore } from '../../src/commands/types.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { PushService } from '../../src/push/types.js';
import { registerDiscordCli } from '../../adapters/discord/cli.js';
import { toDiscordCommands } from '../../adapters/discord/commands.js';
import { startDiscordEmulator, type DiscordEmulator, type JsonObject } from '../emulators/discord.js';
import { BOT_TOKEN, startAdapter } from './harness.js';

const logLines: string[] = [];
const log = createLogger({
  level: 'debug',
  destination: new Writable({
    write: (c: Buffer, _e, done) => {
      logLines.push(c.toString());
      done();
    },
  }),
});
const config: Config = {
  source: 'test',
  apps: [{ name: 'prod', sdkAppId: 1400000001, secretKey: 'k'.repeat(64), certificates: [] }],
  access: {},
  providers: DEFAULT_PROVIDERS,
  dataDir: ':memory:',
};
// Registration reads only the specs; the push service is never reached here.
const noPush: PushService = {
  devices: () => Promise.resolve([]),
  knownUserIds: () => Promise.resolve([]),
  test: () => Promise.reject(new Error('no push in registration tests')),
  sweep: () => Promise.reject(new Error('no push in registration tests')),
  certificates: () => Promise.resolve([]),
  close: () => Promise.resolve(),
};
const store = openSqliteStore({ dataDir: ':memory:' });
const core: CommandCore = createCommandCore({ config, log, push: noPush, audit: store.audit });

let emu: DiscordEmulator;
beforeAll(async () => {
  emu = await startDiscordEmulator();
});
afterAll(async () => {
  await emu?.close();
  await store.close();
});

const puts = () => emu.calls.filter((c) => c.route === 'commands.put');
const gets = () => emu.calls.filter((c) => c.route === 'commands.get');

async function startAndStop(env: Record<string, string> = {}) {
  const adapter = await startAdapter(core, log, emu, env);
  expect(adapter.ready()).toBe(true);
  await adapter.stop();
  expect(adapter.ready()).toBe(false);
}

function option(cmd: JsonObject | undefined, ...path: string[]): JsonObject | undefined {
  let node = cmd;
  for (const name of path) node = (Array.isArray(node?.options) ? node.options : []).find((o) => (o as JsonObject).name === name) as JsonObject | undefined;
  return node;
}

describe('registration at start-up', () => {
  it('registers global commands derived from the specs, with the UserSig never a slash option', async () => {
    await startAndStop();
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.authorized).toBe(true);
    const registered = emu.commands();
    expect(registered.map((c) => c.name).sort()).toEqual(['imstatus', 'pushcheck', 'pushsweep', 'triage', 'usersig']);
    const usersig = registered.find((c) => c.name === 'usersig');
    const subs = ((usersig?.options ?? []) as JsonObject[]).map((o) => o.name);
    expect(subs).toEqual(expect.arrayContaining(['gen', 'verify', 'inspect', 'explain']));
    expect(option(usersig, 'verify', 'user')).toMatchObject({ type: 3, required: true, autocomplete: true });
    expect(option(usersig, 'verify', 'app')).toMatchObject({ type: 3, required: false, autocomplete: true });
    expect(option(usersig, 'verify', 'user_sig')).toBeUndefined();
    expect(((option(usersig, 'inspect')?.options ?? []) as JsonObject[]).length).toBe(0);
    expect(option(usersig, 'explain', 'code')).toMatchObject({ type: 4, required: true });
    const pushcheck = registered.find((c) => c.name === 'pushcheck');
    expect(option(pushcheck, 'user')).toMatchObject({ type: 3, required: true, autocomplete: true });
    // Only the Guilds intent: interactions need none, privileged ones would get the gateway closed.
    expect(emu.gatewayEvents.filter((e) => e.kind === 'identify').map((e) => e.intents)).toEqual([1]);
  });

  it('skips the PUT when Discord already has the same definitions', async () => {
    const before = { puts: puts().length, gets: gets().length };
    await startAndStop();
    expect(gets().length).toBe(before.gets + 1);
    expect(puts().length).toBe(before.puts);
    expect(logLines.join('')).toContain('up to date');
  });

  it('gives every command, subcommand and option its Chinese words for zh-CN and zh-TW clients', async () => {
    await startAndStop();
    const registered = emu.commands();
    const named = /^[-_\p{L}\p{N}]{1,32}$/u;
    const walk = (c: JsonObject, path: string) => {
      const zh = c.description_localizations as Record<string, string> | null;
      expect(zh?.['zh-CN'], `${path} description`).toMatch(/[\u4e00-\u9fff]/);
      expect(zh?.['zh-TW'], path).toBe(zh?.['zh-CN']);
      expect(zh!['zh-CN']!.length, path).toBeLessThanOrEqual(100);
      for (const o of (c.options ?? []) as JsonObject[]) {
        if (o.type !== 1) {
          const names = o.name_localizations as Record<string, string> | null;
          expect(names?.['zh-CN'], `${path} ${String(o.name)} name`).toMatch(named);
          expect(names!['zh-CN'], 'Discord wants lower case').toBe(names!['zh-CN']!.toLowerCase());
        }
        walk(o, `${path} ${String(o.name)}`);
      }
    };
    for (const c of registered) walk(c, `/${String(c.name)}`);
    const user = option(
      registered.find((c) => c.name === 'pushcheck'),
      'user',
    );
    expect(user?.name_localizations).toMatchObject({ 'zh-CN': '用户', 'zh-TW': '用户' });
  });

  it('registers again when a translation changed', async () => {
    const stale = toDiscordCommands(COMMAND_SPECS).map((c) =>
      c.name === 'triage' ? { ...c, description_localizations: { 'zh-CN': '旧的说明', 'zh-TW': '旧的说明' } } : c,
    );
    emu.setCommands(stale as unknown as JsonObject[]);
    const before = puts().length;
    await startAndStop();
    expect(puts().length).toBe(before + 1);
  });

  it('registers again when a definition changed', async () => {
    const stale = toDiscordCommands(COMMAND_SPECS).map((c) => (c.name === 'pushcheck' ? { ...c, description: 'an older description' } : c));
    emu.setCommands(stale as unknown as JsonObject[]);
    const before = puts().length;
    await startAndStop();
    expect(puts().length).toBe(before + 1);
    expect(emu.commands().find((c) => c.name === 'pushcheck')?.description).toBe(COMMAND_SPECS.find((s) => s.name === 'pushcheck')!.description);
  });

  it('uses guild commands when DISCORD_GUILD_ID is set', async () => {
    await startAndStop({ DISCORD_GUILD_ID: '987654321098765432' });
    const put = puts().at(-1)!;
    expect(put.guildId).toBe('987654321098765432');
    expect(
      emu
        .commands('987654321098765432')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['imstatus', 'pushcheck', 'pushsweep', 'triage', 'usersig']);
  });

  it('a failed registration is logged and the bot still starts', async () => {
    const other = await startDiscordEmulator();
    try {
      // Discord answers 404 Unknown Application for an application ID that is not this bot's.
      const adapter = await startAdapter(core, log, other, { DISCORD_APPLICATION_ID: '123' });
      expect(adapter.ready()).toBe(true);
      await adapter.stop();
      expect(logLines.join('')).toContain('could not register Discord commands');
    } finally {
      await other.close();
    }
  });
});

describe('imops discord register', () => {
  async function run(args: string[], env: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['discord', 'register', ...args], { io: { out: (t) => out.push(t), err: (t) => err.push(t), env }, extend: [registerDiscordCli] });
    return { code, out: out.join(''), err: err.join('') };
  }

  it('registers, then says there is nothing to do, and finds the application ID itself', async () => {
    const fresh = await startDiscordEmulator();
    try {
      const env = { DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: fresh.apiUrl, DISCORD_GUILD_ID: '111122223333444455' };
      const first = await run([], env);
      expect(first.code).toBe(0);
      expect(first.out).toContain('registered 5 Discord commands (/usersig, /pushcheck, /pushsweep, /triage, /imstatus) in guild 111122223333444455');
      expect(fresh.calls.some((c) => c.route === 'application.me')).toBe(true);
      const second = await run([], env);
      expect(second.code).toBe(0);
      expect(second.out).toContain('up to date');
      expect(fresh.calls.filter((c) => c.route === 'commands.put')).toHaveLength(1);
      const forced = await run(['--force'], env);
      expect(forced.out).toContain('registered');
      expect(fresh.calls.filter((c) => c.route === 'commands.put')).toHaveLength(2);
    } finally {
      await fresh.close();
    }
  });

  it('--dry-run reports a difference with exit status 1 and changes nothing', async () => {
    const fresh = await startDiscordEmulator();
    try {
      const result = await run(['--dry-run', '--global'], {
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_API_URL: fresh.apiUrl,
        DISCORD_APPLICATION_ID: fresh.applicationId,
      });
      expect(result.code).toBe(1);
      expect(result.out).toContain('differ');
      expect(fresh.calls.filter((c) => c.route === 'commands.put')).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });

  it('without DISCORD_TOKEN: exit status 2 and how to fix it', async () => {
    const result = await run([], {});
    expect(result.code).toBe(2);
    expect(result.err).toContain('DISCORD_TOKEN');
    expect(result.err).toContain('fix');
  });

  it('a token Discord refuses: exit status 1, the cause, and no token in the output', async () => {
    const fresh = await startDiscordEmulator();
    try {
      const result = await run([], { DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: fresh.apiUrl, DISCORD_APPLICATION_ID: '42' });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/registration failed: .*Unknown Application/);
      expect(result.err + result.out).not.toContain(BOT_TOKEN);
    } finally {
      await fresh.close();
    }
  });

  it('no log line holds the bot token', () => {
    expect(logLines.join('')).not.toContain(BOT_TOKEN);
  });
});
