// The shared scenario table, end to end: real discord.js in the adapter, the Discord emulator, the real core and
// services, the APNs/FCM emulators. Secret options (a UserSig) go through the modal Discord opens for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import type { RunningAdapter } from '../../src/commands/adapter.js';
import { discordOptionName, findTarget } from '../../adapters/discord/commands.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle, type JsonObject, type SlashOption } from '../emulators/discord.js';
import {
  SCENARIO_LOCALES,
  SCENARIOS,
  USERS,
  checkIn,
  createWorld,
  fillValues,
  rowIn,
  typedArgs,
  type Scenario,
  type ScenarioLocale,
  type Seen,
  type World,
} from '../scenarios/table.js';
import { BOT_TOKEN, componentByLabel, firstSelect, modalInputs, seenOf, settle, startAdapter, type Outcome } from './harness.js';

/** One bot per language: its own world (rate-limit budgets), its own Discord (a gateway dispatches to every bot). */
interface Setup {
  world: World;
  emu: DiscordEmulator;
  adapter: RunningAdapter;
}
const setups = new Map<ScenarioLocale, Setup>();
const interactionTokens: string[] = [];

beforeAll(async () => {
  for (const locale of SCENARIO_LOCALES) {
    const world = await createWorld();
    const emu = await startDiscordEmulator();
    setups.set(locale, { world, emu, adapter: await startAdapter(world.core, world.log, emu) });
  }
});

afterAll(async () => {
  for (const { adapter, emu, world } of setups.values()) {
    await adapter.stop();
    await emu.close();
    await world.close();
  }
});

/** Drive one row through discord.js, every interaction from a client set to `locale` (Discord's `locale` field). */
async function play(original: Scenario, locale: ScenarioLocale): Promise<Seen> {
  const { world, emu } = setups.get(locale)!;
  const row = rowIn(original, locale);
  const user = { id: USERS[row.as ?? 'admin'].discord };
  const client = { user, locale: locale === 'zh-CN' ? 'zh-CN' : 'en-US' };
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
  let outcome: Outcome = await settle(emu, track(emu.slash(row.command, row.subcommand, options, client)));
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
      handle = emu.modalSubmit(String(outcome.data.custom_id), values, client);
    } else if (outcome.kind !== 'message' || !outcome.message) {
      throw new Error(`expected a message to act on, got ${outcome.kind}`);
    } else if ('select' in step) {
      handle = emu.select(outcome.message, String(firstSelect(outcome.message).custom_id), [step.select], client);
    } else {
      handle = emu.button(outcome.message, String(componentByLabel(outcome.message, step.click).custom_id), client);
    }
    outcome = await settle(emu, track(handle));
  }
  return seenOf(outcome, submitted);
}

describe.each(SCENARIO_LOCALES)('the scenario table through discord.js, in %s', (locale) => {
  for (const row of SCENARIOS.filter((r) => r.only !== 'slack')) {
    it(row.name, async () => {
      const seen = await play(row, locale);
      expect(checkIn(locale, row, seen, setups.get(locale)!.world)).toEqual([]);
    });
  }
});

describe('discord.js end to end', () => {
  it('the test pushes really reached the APNs and FCM emulators, in every language', () => {
    for (const { world } of setups.values()) {
      const apns = world.fixture!.apns.production.requests.length + world.fixture!.apns.sandbox.requests.length;
      expect(apns).toBeGreaterThan(0);
      expect(world.fixture!.fcm.requests.length).toBeGreaterThan(0);
    }
  });

  it('no log line holds a secret key, a UserSig, a full device token, the bot token or an interaction token', () => {
    for (const { world } of setups.values()) {
      expect(world.logLines.length).toBeGreaterThan(0);
      const all = world.logLines.join('');
      const secrets = [...world.secrets.keys, ...world.secrets.userSigs, ...world.secrets.tokens, BOT_TOKEN, ...interactionTokens];
      const leaked = secrets.filter((s) => all.includes(s));
      expect(leaked).toEqual([]);
    }
  });
});
