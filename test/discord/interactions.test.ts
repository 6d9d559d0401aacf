// Discord-specific behaviour beyond the scenario table: autocomplete, role-based access, form errors without
// inline errors, acknowledging before slow work, and surviving 10062 / 40060. Real discord.js, emulated Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningAdapter } from '../../src/commands/adapter.js';
import {
  type ALREADY_ACKNOWLEDGED,
  CallbackType,
  EPHEMERAL,
  UNKNOWN_INTERACTION,
  startDiscordEmulator,
  type DiscordEmulator,
  type InteractionHandle,
  type JsonObject,
} from '../emulators/discord.js';
import { createWorld, type World } from '../scenarios/table.js';
import { BOT_TOKEN, componentByLabel, firstSelect, seenOf, settle, shownText, startAdapter } from './harness.js';

const OPS_ROLE = '777000000000000777';
const OTHER_ROLE = '888000000000000888';
const MEMBER = '300000000000000003';

let world: World;
let emu: DiscordEmulator;
let adapter: RunningAdapter;
const interactionTokens: string[] = [];
const track = (h: InteractionHandle) => {
  interactionTokens.push(h.token);
  return h;
};

beforeAll(async () => {
  world = await createWorld({
    providerTimeoutMs: 1000,
    access: { 'usersig.generate': [`discord:role:${OPS_ROLE}`], 'push.test': [`discord:role:${OPS_ROLE}`] },
  });
  emu = await startDiscordEmulator();
  adapter = await startAdapter(world.core, world.log, emu);
  const push = world.logLines.push.bind(world.logLines);
  world.logLines.push = (...lines: string[]) => {
    const n = push(...lines);
    for (const l of [...logListeners]) l();
    return n;
  };
});

afterAll(async () => {
  await adapter?.stop();
  await emu?.close();
  await world?.close();
});

const logText = () => world.logLines.join('');
const logListeners = new Set<() => void>();

/** Resolves when the log satisfies the condition (checked on every new line), so no test sleeps. */
function waitForLog(condition: (text: string) => boolean): Promise<void> {
  if (condition(logText())) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      logListeners.delete(listener);
      reject(new Error('the expected log line was not written'));
    }, 5000);
    const listener = () => {
      if (!condition(logText())) return;
      clearTimeout(timer);
      logListeners.delete(listener);
      resolve();
    };
    logListeners.add(listener);
  });
}
const count = (re: RegExp) => (logText().match(re) ?? []).length;

describe('autocomplete', () => {
  it('offers the UserIDs that uploaded devices, filtered by what was typed, only to those allowed push.test', async () => {
    const typed = [
      { name: 'user', value: 'ca', focused: true },
      { name: 'app', value: 'prod' },
    ];
    const out = await settle(emu, track(emu.autocomplete('pushcheck', undefined, typed, { user: { id: MEMBER, roles: [OPS_ROLE] } })));
    expect(out).toEqual({ kind: 'choices', choices: [{ name: 'carol', value: 'carol' }] });
    const refused = await settle(emu, track(emu.autocomplete('pushcheck', undefined, typed, { user: { id: MEMBER, roles: [OTHER_ROLE] } })));
    expect(refused).toEqual({ kind: 'choices', choices: [] });
  });

  it('offers the configured app names', async () => {
    const h = track(
      emu.autocomplete('usersig', 'gen', [
        { name: 'user', value: 'alice' },
        { name: 'app', value: 'st', focused: true },
      ]),
    );
    expect(await settle(emu, h)).toEqual({ kind: 'choices', choices: [{ name: 'staging', value: 'staging' }] });
  });
});

describe('access by Discord role', () => {
  const gen = (roles: string[]) =>
    track(
      emu.slash(
        'usersig',
        'gen',
        [
          { name: 'user', value: 'alice' },
          { name: 'app', value: 'prod' },
        ],
        { user: { id: MEMBER, roles } },
      ),
    );

  it('a member with a role listed in access.usersig.generate gets a UserSig, privately', async () => {
    const seen = seenOf(await settle(emu, gen([OTHER_ROLE, OPS_ROLE])));
    expect(seen.status).toBe('success');
    expect(seen.ephemeral).toBe(true);
    expect(seen.code).toHaveLength(1);
  });

  it('the same member without that role is refused, with the line to add', async () => {
    const seen = seenOf(await settle(emu, gen([OTHER_ROLE])));
    expect(seen.status).toBe('error');
    expect(seen.ephemeral).toBe(true);
    expect(seen.code).toHaveLength(0);
    expect(seen.text).toContain(`access.usersig.generate: ["discord:${MEMBER}"]`);
    expect((await world.services.audit.recent(5)).some((e) => e.principal === `discord:${MEMBER}` && e.outcome === 'denied')).toBe(true);
  });
});

describe('forms', () => {
  it('inspect asks for the UserSig in a modal, never as a visible option', async () => {
    const out = await settle(emu, track(emu.slash('usersig', 'inspect', [])));
    expect(out.kind).toBe('modal');
  });

  it('a submit with a problem gets a private answer naming the field and the problem', async () => {
    const modal = await settle(
      emu,
      track(
        emu.slash('usersig', 'verify', [
          { name: 'user', value: 'alice' },
          { name: 'app', value: 'prod' },
        ]),
      ),
    );
    if (modal.kind !== 'modal') throw new Error('expected the verify form');
    const h = track(emu.modalSubmit(String(modal.data.custom_id), { userId: '', userSig: '   ' }));
    const out = await settle(emu, h);
    const seen = seenOf(out, modal.data);
    expect(seen.kind).toBe('form-errors');
    expect(seen.ephemeral).toBe(true);
    expect(seen.formFields.sort()).toEqual(['userId', 'userSig']);
    expect(seen.text).toContain('UserSig\nPaste the UserSig');
    expect(seen.text).toContain('UserID\nEnter the UserID');
  });
});

describe('timing', () => {
  it('"Start testing" is acknowledged before the push provider answers; the result edits the card', async () => {
    const [apnsToken] = world.tokens.alice!;
    world.fixture!.apns.production.program(apnsToken!, { kind: 'hang' });
    const user = { id: MEMBER, roles: [OPS_ROLE] };
    const card = await settle(
      emu,
      track(
        emu.slash(
          'pushcheck',
          undefined,
          [
            { name: 'user', value: 'alice' },
            { name: 'app', value: 'prod' },
          ],
          { user },
        ),
      ),
    );
    if (card.kind !== 'message') throw new Error('expected the device card');
    const pending = world.fixture!.apns.production.waitForRequests(1);
    const click = track(emu.button(card.message!, String(componentByLabel(card.message, 'Start testing').custom_id), { user }));
    const ack = await click.callback();
    expect((ack.body as JsonObject).type).toBe(CallbackType.DeferUpdate);
    await pending;
    // Acknowledged, the push is in flight, and the card has not been replaced yet.
    expect(emu.calls.some((c) => c.interactionId === click.id && c.route === 'original.edit')).toBe(false);
    const edit = await click.edit();
    const text = shownText(edit.body as JsonObject);
    expect(text).toContain('FAIL');
    expect(text).toContain('PASS');
    expect((Number(click.message()?.flags) & EPHEMERAL) !== 0).toBe(true);
  });
});

describe('interaction errors are logged and survived', () => {
  const explain = (fail?: { callback?: typeof UNKNOWN_INTERACTION | typeof ALREADY_ACKNOWLEDGED; edit?: typeof UNKNOWN_INTERACTION }) =>
    track(emu.slash('usersig', 'explain', [{ name: 'code', value: 70001 }], fail ? { fail } : {}));

  it('10062 Unknown interaction on the first response', async () => {
    const h = explain({ callback: UNKNOWN_INTERACTION });
    expect((await h.callback()).status).toBe(404);
    await waitForLog((t) => /"code":10062[^\n]*no longer knows this interaction/.test(t));
    const next = seenOf(await settle(emu, explain()));
    expect(next.title).toContain('70001');
  });

  it('40060 already acknowledged: a second bot on the same token answers the same interaction', async () => {
    const second = await startAdapter(world.core, world.log, emu);
    try {
      await emu.identified(2);
      const h = explain();
      const a = await h.callback();
      const b = await h.callback();
      expect([a.status, b.status].sort()).toEqual([204, 400]);
      // Both bots keep serving.
      const next = explain();
      const statuses = [(await next.callback()).status, (await next.callback()).status].sort();
      expect(statuses).toEqual([204, 400]);
      await waitForLog((_t) => count(/"code":40060[^\n]*already acknowledged/g) >= 2);
    } finally {
      await second.stop();
    }
    const after = seenOf(await settle(emu, explain()));
    expect(after.title).toContain('70001');
  });

  it('10062 on the edit after a select: logged, and the next command is answered', async () => {
    const user = { id: MEMBER, roles: [OPS_ROLE] };
    const card = await settle(
      emu,
      track(
        emu.slash(
          'pushcheck',
          undefined,
          [
            { name: 'user', value: 'alice' },
            { name: 'app', value: 'prod' },
          ],
          { user },
        ),
      ),
    );
    if (card.kind !== 'message') throw new Error('expected the device card');
    const before = count(/"code":10062/g);
    const h = track(emu.select(card.message!, String(firstSelect(card.message).custom_id), ['20001'], { user, fail: { edit: UNKNOWN_INTERACTION } }));
    expect((await h.edit()).status).toBe(404);
    await waitForLog(() => count(/"code":10062/g) === before + 1);
    const next = seenOf(await settle(emu, explain()));
    expect(next.title).toContain('70001');
  });
});

describe('secrets', () => {
  it('no log line holds a secret key, a UserSig, a full device token, the bot token or an interaction token', () => {
    const all = logText();
    expect(all.length).toBeGreaterThan(0);
    const leaked = [...world.secrets.keys, ...world.secrets.userSigs, ...world.secrets.tokens, BOT_TOKEN, ...interactionTokens].filter((s) => all.includes(s));
    expect(leaked).toEqual([]);
  });

  it('every message that showed a UserSig or device data was ephemeral', () => {
    let checked = 0;
    for (const c of emu.calls) {
      if (c.messageFlags === undefined || c.status >= 300) continue;
      const body = c.body as JsonObject;
      const text = shownText(c.route === 'callback' ? (body.data as JsonObject | undefined) : body);
      if (!/```|\bToken\b/.test(text)) continue;
      checked += 1;
      expect(c.messageFlags & EPHEMERAL).toBe(EPHEMERAL);
    }
    expect(checked).toBeGreaterThan(2);
  });
});
