// How each kind of Plan reaches Discord, including the paths the real core rarely takes: a slow 'reply' is
// deferred, a credential never lands in a public placeholder, a crashing run() still answers with an ID that is
// in the log. The core here is a small scripted CommandCore (our own contract); discord.js and Discord's
// rules are real (emulated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/text/en/index.js';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.js';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import type { RunningAdapter } from '../../src/commands/adapter.js';
import type { CommandCore, Plan } from '../../src/commands/types.js';
import type { Reply } from '../../src/commands/reply.js';
import { CallbackType, EPHEMERAL, startDiscordEmulator, type DiscordEmulator, type JsonObject } from '../emulators/discord.js';
import { shownText, startAdapter } from './harness.js';

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

const CREDENTIAL = 'eJwtjF0LgjAYhv-KeA3pNplmdxsUGUSBZdSd6JJlbvOTtui-5-ephemeral-only';
const credentialReply: Reply = { status: 'success', title: 'A credential', visibility: 'ephemeral', blocks: [{ type: 'code', text: CREDENTIAL }] };
const publicReply: Reply = { status: 'info', title: 'For everyone', visibility: 'public', blocks: [] };
/** What a hostile client could upload as its device model, shown on a public card. */
const HOSTILE = '@everyone [Re-auth](https://evil.example/login) <@&123456789012345678>';
const hostileReply: Reply = { ...publicReply, title: `Device ${HOSTILE}`, blocks: [{ type: 'fields', fields: [{ label: 'Device', value: HOSTILE }] }] };

let release: () => void = () => undefined;
const slow = new Promise<void>((resolve) => {
  release = resolve;
});

const byName: Record<string, () => Plan> = {
  // 'reply' whose run() outlasts the reply budget: must be deferred, privately, then edited.
  gen: () => ({
    kind: 'reply',
    visibility: 'ephemeral',
    run: async () => {
      await slow;
      return credentialReply;
    },
  }),
  // Deferred publicly, but the result turns out to carry a credential.
  explain: () => ({ kind: 'defer', visibility: 'public', run: async () => credentialReply }),
  help: () => ({ kind: 'reply', visibility: 'ephemeral', run: () => Promise.reject(new Error('database is locked')) }),
  verify: () => ({ kind: 'reply', visibility: 'public', run: async () => hostileReply }),
  inspect: () => ({
    kind: 'form',
    form: { id: 'test.form', title: 'Form', submitLabel: 'Go', fields: [{ type: 'text', id: 'x', label: 'X', required: true }] },
  }),
};

const core: CommandCore = {
  specs: COMMAND_SPECS,
  parseText: () => {
    throw new Error('Discord never parses text');
  },
  plan: (_p, inv) => byName[inv.subcommand ?? '']!(),
  // A submit that asks for another form: Discord cannot show one in answer to a modal.
  submitForm: async () => ({ kind: 'plan', plan: byName.inspect!() }),
  action: (_p, id) => ({ kind: 'update', visibility: 'ephemeral', run: async () => ({ ...credentialReply, title: `after ${id}` }) }),
  autocomplete: async () => [],
  wordsFor: () => en,
};

let emu: DiscordEmulator;
let adapter: RunningAdapter;
beforeAll(async () => {
  emu = await startDiscordEmulator();
  adapter = await startAdapter(core, log, emu, {}, { replyWithinMs: 50 });
});
afterAll(async () => {
  await adapter?.stop();
  await emu?.close();
});

const data = (c: { body: unknown }) => ((c.body as JsonObject).data ?? {}) as JsonObject;

describe('routing plans', () => {
  it('a reply that takes too long is deferred privately, then edited in', async () => {
    const h = emu.slash('usersig', 'gen', [{ name: 'user', value: 'alice' }]);
    const ack = await h.callback();
    expect((ack.body as JsonObject).type).toBe(CallbackType.DeferReply);
    expect(ack.messageFlags).toBe(EPHEMERAL);
    release();
    const edit = await h.edit();
    expect(shownText(edit.body as JsonObject)).toContain(CREDENTIAL);
    expect(edit.messageFlags).toBe(EPHEMERAL);
  });

  it('a credential never lands in a public placeholder: it is removed and the reply goes out privately', async () => {
    const h = emu.slash('usersig', 'explain', [{ name: 'code', value: 70001 }]);
    const ack = await h.callback();
    expect(ack.messageFlags).toBe(0);
    await h.deleted();
    const follow = await h.followUp();
    expect(follow.messageFlags).toBe(EPHEMERAL);
    expect(shownText(follow.body as JsonObject)).toContain(CREDENTIAL);
    expect(emu.calls.some((c) => c.interactionId === h.id && c.route === 'original.edit')).toBe(false);
  });

  it('an update asked for privately on a public message answers privately instead of editing it', async () => {
    const publicMessage = {
      id: '900000000000000001',
      channel_id: '444444444444444444',
      type: 0,
      content: '',
      flags: 0,
      components: [],
      embeds: [],
      author: { id: emu.applicationId, username: 'imops', discriminator: '0', bot: true, avatar: null, global_name: null },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
    };
    const h = emu.button(publicMessage, 'pc.run|prod|*|alice');
    const ack = await h.callback();
    expect((ack.body as JsonObject).type).toBe(CallbackType.DeferReply);
    expect(ack.messageFlags).toBe(EPHEMERAL);
    const edit = await h.edit();
    expect(edit.messageFlags).toBe(EPHEMERAL);
    expect(shownText(edit.body as JsonObject)).toContain('after pc.run|prod|*|alice');
  });

  it('a run() that throws still answers, with a correlation ID that is in the log', async () => {
    const h = emu.slash('usersig', 'help', []);
    const cb = await h.callback();
    expect(cb.messageFlags).toBe(EPHEMERAL);
    const text = shownText(data(cb));
    const id = /Correlation ID: ([0-9a-f]{12})/.exec(text)?.[1];
    expect(id).toBeDefined();
    expect(logLines.join('')).toMatch(new RegExp(`"correlationId":"${id}"[^\\n]*database is locked`));
  });

  it('a form is the first answer; a form asked for in answer to a form becomes a private explanation', async () => {
    const h = emu.slash('usersig', 'inspect', []);
    expect(((await h.callback()).body as JsonObject).type).toBe(CallbackType.Modal);
    const submit = emu.modalSubmit('test.form', { x: 'y' });
    const cb = await submit.callback();
    expect((cb.body as JsonObject).type).toBe(CallbackType.Reply);
    expect(cb.messageFlags).toBe(EPHEMERAL);
    expect(shownText(data(cb))).toContain('cannot open a form here');
  });

  it('a public card tells Discord to ping nobody, and shows uploaded text as text', async () => {
    const h = emu.slash('usersig', 'verify', [{ name: 'user', value: 'alice' }]);
    const cb = await h.callback();
    expect(cb.messageFlags).toBe(0);
    expect(data(cb).allowed_mentions).toEqual({ parse: [] });
    const embed = (data(cb).embeds as JsonObject[])[0]!;
    const field = (embed.fields as JsonObject[])[0]!;
    for (const text of [String(embed.title), String(field.value)]) {
      expect(text).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/); // no masked link
      expect(text).not.toMatch(/(^|[^\\])<@/); // no mention
      expect(text).not.toMatch(/@everyone/);
    }
    expect(shownText(data(cb))).toContain(HOSTILE);
  });

  it('the credential was never logged', () => {
    expect(logLines.join('')).not.toContain(CREDENTIAL);
  });
});
