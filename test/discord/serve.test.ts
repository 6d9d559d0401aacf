// `imops serve` from bin/imops.ts with DISCORD_TOKEN set: the bot connects, registers, answers, and leaves the
// gateway on SIGTERM. One child process; the Discord emulator runs in the test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startDiscordEmulator, type DiscordEmulator, type JsonObject } from '../emulators/discord.js';
import { baseEnv, startServe, tempDir, waitForLog, type ServeChild } from '../serve/harness.js';
import { BOT_TOKEN, shownText } from './harness.js';

let emu: DiscordEmulator;
let serve: ServeChild;
const data = tempDir('discord-serve');
const secretKey = randomBytes(32).toString('hex');

beforeAll(async () => {
  emu = await startDiscordEmulator();
  serve = await startServe({
    cwd: data.dir,
    env: baseEnv({
      IMOPS_SDKAPPID: '1400000001',
      IMOPS_SECRET_KEY: secretKey,
      IMOPS_DATA_DIR: data.dir,
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_API_URL: emu.apiUrl,
      DISCORD_APPLICATION_ID: emu.applicationId,
      DISCORD_GUILD_ID: '555555555555555555',
    }),
  });
});

afterAll(async () => {
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
  await emu?.close();
  data.remove();
});

it('connects with only the Guilds intent, registers guild commands and says so in the banner', async () => {
  await emu.identified(1);
  await waitForLog(serve, /registered 5 Discord commands/);
  expect(emu.gatewayEvents.find((e) => e.kind === 'identify')?.intents).toBe(1);
  expect(
    emu
      .commands('555555555555555555')
      .map((c) => c.name)
      .sort(),
  ).toEqual(['imstatus', 'pushcheck', 'pushsweep', 'triage', 'usersig']);
  expect(serve.stdout()).toMatch(/Discord \(guild 555555555555555555\)/);
});

it('answers a slash command, privately when it carries a credential', async () => {
  const h = emu.slash('usersig', 'gen', [{ name: 'user', value: 'alice' }], { user: { id: '100000000000000009', roles: [] } });
  const cb = await h.callback();
  const body = cb.body as JsonObject;
  // Nobody is listed in access (no config file): refused, privately, with the line to add.
  expect(cb.messageFlags).toBe(64);
  expect(shownText(body.data as JsonObject)).toContain('access.usersig.generate: ["discord:100000000000000009"]');
});

it('leaves the gateway on SIGTERM, and nothing secret reached the log', async () => {
  const closes = emu.gatewayEvents.filter((e) => e.kind === 'close').length;
  serve.child.kill('SIGTERM');
  const exit = await serve.exited;
  expect(exit.code).toBe(0);
  await emu.closed(closes + 1);
  const output = serve.stdout() + serve.stderr();
  expect(output).not.toContain(BOT_TOKEN);
  expect(output).not.toContain(secretKey);
});
