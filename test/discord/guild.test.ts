// In production the bot's guilds are cached (GUILD_CREATE after READY), so a member arrives as a GuildMember
// with a role manager rather than a plain list of role IDs; access by role must work the same way.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningAdapter } from '../../src/commands/adapter.js';
import { startDiscordEmulator, type DiscordEmulator } from '../emulators/discord.js';
import { createWorld, type World } from '../scenarios/table.js';
import { seenOf, settle, startAdapter } from './harness.js';

const GUILD = '555555555555555555';
const OPS_ROLE = '777000000000000777';
const OTHER_ROLE = '888000000000000888';

let world: World;
let emu: DiscordEmulator;
let adapter: RunningAdapter;

beforeAll(async () => {
  world = await createWorld({ push: false, access: { 'push.test': [`discord:role:${OPS_ROLE}`] } });
  emu = await startDiscordEmulator({ guilds: [{ id: GUILD, roles: [OPS_ROLE, OTHER_ROLE] }] });
  adapter = await startAdapter(world.core, world.log, emu);
});

afterAll(async () => {
  await adapter?.stop();
  await emu?.close();
  await world?.close();
});

const pushcheck = (roles: string[]) =>
  emu.slash(
    'pushcheck',
    undefined,
    [
      { name: 'user', value: 'alice' },
      { name: 'app', value: 'prod' },
    ],
    { user: { id: '400000000000000004', roles, guildId: GUILD } },
  );

it('a cached guild member with the listed role sees the device card', async () => {
  const seen = seenOf(await settle(emu, pushcheck([OPS_ROLE])));
  expect(seen.title).toContain('Devices of alice');
  expect(seen.ephemeral).toBe(true);
});

it('a cached guild member without it is refused', async () => {
  const seen = seenOf(await settle(emu, pushcheck([OTHER_ROLE])));
  expect(seen.title).toContain('not allowed');
});
