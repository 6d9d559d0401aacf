// The shared scenario table, end to end: real discord.js in the adapter, the Discord emulator, the real core and
// services, the APNs/FCM emulators. Secret options (a UserSig) go through the modal Discord opens for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import type { RunningAdapter } from '../../src/commands/adapter.js';
import { discordOptionName, findTarget } from '../../adapters/discord/commands.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle, type JsonObject, type SlashOption } from '../emulators/discord.js';
import { SCENARIOS, USERS, check, createWorld, fillValues, typedArgs, type Scenario, type Seen, type World } from '../scenarios/table.js';
import { BOT_TOKEN, componentByLabel, firstSelect, modalInputs, seenOf, settle, startAdapter, type Outcome } from './harness.js';

let world: World;
let emu: DiscordEmulator;
let adapter: RunningAdapter;
const interactionTokens: string[] = [];

beforeAll(async () => {
  world = await createWorld();
  emu = await startDiscordEmulator();
  adapter = await startAdapter(world.core, world.log, emu);
});

afterAll(async () => {
  await adapter?.stop();
  await emu?.close();
  await world?.close();
});

async function play(row: Scenario): Promise<Seen> {
  const user = { id: USERS[row.as ?? 'admin'].discord };
  const target = findTarget(COMMAND_SPECS, row.command, row.subcommand);
  if (!target) throw new Error(`no spec for ${row.command} ${row.subcommand ?? ''}`);
  const args = typedArgs(row, world);
  const options: SlashOption[] = [];
  const secret: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    const spec = target.options.find((o) => o.name === name);
    if (!spec) throw new Error(`option ${name} is not in the spec`);
    if (spec.secret) secret[name] = value;
    else options.push({ name: discordOptionName(name), value: spec.type === 'integer' ? Number(value) : value });
  }
  const track = (h: InteractionHandle) => {
    interactionTokens.push(h.token);
    return h;
  };
  let outcome: Outcome = await settle(emu, track(emu.slash(row.command, row.subcommand, options, { user })));
  const steps = [...(row.steps ?? [])];
  // On Discord a UserSig is never a slash option: the form it opens is where it goes.
  if (Object.keys(secret).length > 0 && !steps.some((s) => 'submit' in s)) steps.unshift({ submit: secret });
  let submitted: JsonObject | undefined;
  for (const step of steps) {
    let handle: InteractionHandle;
    if ('submit' in step) {
      if (outcome.kind !== 'modal') throw new Error(`expected a form to submit, got ${outcome.kind}`);
      const wanted = fillValues(step.submit, world);
      const values: Record<string, string | string[]> = {};
      for (const [id, input] of modalInputs(outcome.data)) {
        const value = wanted[id] ?? input.initial ?? '';
        values[id] = input.select ? (value ? [value] : []) : value;
      }
      submitted = outcome.data;
      handle = emu.modalSubmit(String(outcome.data.custom_id), values, { user });
    } else if (outcome.kind !== 'message' || !outcome.message) {
      throw new Error(`expected a message to act on, got ${outcome.kind}`);
    } else if ('select' in step) {
      handle = emu.select(outcome.message, String(firstSelect(outcome.message).custom_id), [step.select], { user });
    } else {
      handle = emu.button(outcome.message, String(componentByLabel(outcome.message, step.click).custom_id), { user });
    }
    outcome = await settle(emu, track(handle));
  }
  return seenOf(outcome, submitted);
}

describe('the scenario table through discord.js', () => {
  for (const row of SCENARIOS.filter((r) => r.only !== 'slack')) {
    it(row.name, async () => {
      const seen = await play(row);
      expect(check(row, seen, world)).toEqual([]);
    });
  }

  it('the test pushes really reached the APNs and FCM emulators', () => {
    const apns = world.fixture!.apns.production.requests.length + world.fixture!.apns.sandbox.requests.length;
    expect(apns).toBeGreaterThan(0);
    expect(world.fixture!.fcm.requests.length).toBeGreaterThan(0);
  });

  it('no log line holds a secret key, a UserSig, a full device token, the bot token or an interaction token', () => {
    expect(world.logLines.length).toBeGreaterThan(0);
    const all = world.logLines.join('');
    const secrets = [...world.secrets.keys, ...world.secrets.userSigs, ...world.secrets.tokens, BOT_TOKEN, ...interactionTokens];
    const leaked = secrets.filter((s) => all.includes(s));
    expect(leaked).toEqual([]);
  });
});
