/**
 * Drive the real discord.js client (inside the adapter) through the emulator, and reduce what Discord would
 * show to the scenario table's `Seen`.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../src/log.js';
import { Router } from '../../src/http/router.js';
import type { RunningAdapter } from '../../src/commands/adapter.js';
import type { CommandCore } from '../../src/commands/types.js';
import type { Status } from '../../src/commands/reply.js';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { catalogue, LOCALES } from '../../src/text/index.js';

/** Words the adapter itself says, in every language. */
const CHROME = LOCALES.map((l) => catalogue(l).chrome);
import { STATUS_STYLE } from '../../adapters/discord/render.js';
import {
  CallbackType,
  EPHEMERAL,
  findComponent,
  visibleText,
  type DiscordEmulator,
  type InteractionHandle,
  type Json,
  type JsonObject,
} from '../emulators/discord.js';
import type { Seen } from '../scenarios/table.js';

/** Shaped like a bot token; the tests check it never reaches a log line. */
export const BOT_TOKEN = `MTA${randomBytes(12).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;

export async function startAdapter(
  core: CommandCore,
  log: Logger,
  emu: DiscordEmulator,
  env: Record<string, string> = {},
  options: { replyWithinMs?: number } = {},
): Promise<RunningAdapter> {
  return createDiscordAdapter({ rest: { retries: 0, timeout: 5000 }, ...options }).start({
    core,
    log,
    env: { DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: emu.apiUrl, DISCORD_APPLICATION_ID: emu.applicationId, ...env },
    router: new Router(),
  });
}

export type Outcome =
  | { kind: 'modal'; data: JsonObject }
  | { kind: 'message'; body: JsonObject; ephemeral: boolean; message?: JsonObject }
  | { kind: 'choices'; choices: { name: string; value: string }[] };

const obj = (v: Json | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** What the user ends up seeing for this interaction: the modal, the message (after any edit), or the choices. */
export async function settle(emu: DiscordEmulator, handle: InteractionHandle): Promise<Outcome> {
  const cb = await handle.callback();
  if (cb.status !== 204) throw new Error(`callback for ${handle.id} was refused with ${cb.status}`);
  const body = obj(cb.body as Json);
  const data = obj(body.data);
  switch (body.type) {
    case CallbackType.Modal:
      return { kind: 'modal', data };
    case CallbackType.Autocomplete:
      return {
        kind: 'choices',
        choices: (Array.isArray(data.choices) ? data.choices : []).map((c) => ({ name: String(obj(c).name), value: String(obj(c).value) })),
      };
    case CallbackType.Reply:
      return { kind: 'message', body: data, ephemeral: ((Number(data.flags) || 0) & EPHEMERAL) !== 0, message: handle.message() };
    case CallbackType.Update:
      return { kind: 'message', body: data, ephemeral: ((Number(handle.message()?.flags) || 0) & EPHEMERAL) !== 0, message: handle.message() };
    case CallbackType.DeferReply:
    case CallbackType.DeferUpdate: {
      const next = await emu.nextCall((c) => c.interactionId === handle.id && (c.route === 'original.edit' || c.route === 'followup'), `settle:${handle.id}`);
      const b = obj(next.body as Json);
      if (next.route === 'followup') return { kind: 'message', body: b, ephemeral: ((Number(b.flags) || 0) & EPHEMERAL) !== 0 };
      return { kind: 'message', body: b, ephemeral: ((Number(handle.message()?.flags) || 0) & EPHEMERAL) !== 0, message: handle.message() };
    }
    default:
      throw new Error(`unexpected callback type ${String(body.type)}`);
  }
}

const STATUS_BY_COLOR = new Map<number, Status>(Object.entries(STATUS_STYLE).map(([status, s]) => [s.color, status as Status]));

/** The modal's inputs: custom_id -> { label, initial }. */
export function modalInputs(modal: JsonObject): Map<string, { label: string; initial?: string; select: boolean }> {
  const out = new Map<string, { label: string; initial?: string; select: boolean }>();
  for (const row of Array.isArray(modal.components) ? modal.components : []) {
    const label = obj(row);
    const input = obj(label.component);
    if (typeof input.custom_id !== 'string') continue;
    const selected = (Array.isArray(input.options) ? input.options : []).map(obj).find((o) => o.default === true);
    const initial = typeof input.value === 'string' ? input.value : typeof selected?.value === 'string' ? selected.value : undefined;
    out.set(input.custom_id, { label: String(label.label ?? ''), ...(initial !== undefined && { initial }), select: input.type === 3 });
  }
  return out;
}

/**
 * Text as Discord shows it: the renderer escapes user-supplied text, and a backslash before punctuation shows
 * only the character; zero-width spaces (which break @everyone) are invisible.
 */
export function shown(text: string): string {
  return text.replace(/\\([^0-9A-Za-z\s])/g, '$1').replace(/\u200b/g, '');
}

/** All the text a user reads in a message body or callback data, as Discord shows it. */
export function shownText(data: Json | undefined): string {
  return shown(visibleText(data));
}

/** Reduce an outcome to the scenario table's view; `form` is the modal that was submitted, to name error fields. */
export function seenOf(outcome: Outcome, form?: JsonObject): Seen {
  if (outcome.kind === 'choices') throw new Error('choices are not a message');
  if (outcome.kind === 'modal') {
    return {
      kind: 'form',
      ephemeral: true,
      title: String(outcome.data.title ?? ''),
      text: `${shown(visibleText(outcome.data))}\n${String(outcome.data.title ?? '')}`,
      fieldLabels: [],
      code: [],
      actions: [],
      formFields: [...modalInputs(outcome.data).keys()],
    };
  }
  const embed = obj(Array.isArray(outcome.body.embeds) ? outcome.body.embeds[0] : undefined);
  const rawTitle = String(embed.title ?? '');
  const title = shown(rawTitle.replace(/^\S+\s/, ''));
  const fields = (Array.isArray(embed.fields) ? embed.fields : []).map(obj);
  const fieldLabels = fields.flatMap((f) => [String(f.name), ...[...String(f.value).matchAll(/\*\*([^*]+)[:：]\*\*/g)].map((m) => m[1]!)]).map(shown);
  const code = [...String(embed.description ?? '').matchAll(/```\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
  const actions: string[] = [];
  for (const row of Array.isArray(outcome.body.components) ? outcome.body.components : []) {
    for (const c of Array.isArray(obj(row).components) ? (obj(row).components as Json[]) : []) {
      const comp = obj(c);
      if (comp.type === 2) actions.push(String(comp.label));
      if (comp.type === 3) actions.push('select');
    }
  }
  const base = { ephemeral: outcome.ephemeral, title, text: shown(visibleText(outcome.body)), fieldLabels, code, actions };
  const status = typeof embed.color === 'number' ? STATUS_BY_COLOR.get(embed.color) : undefined;
  if (CHROME.some((c) => c.formErrorsTitle === title)) {
    const byLabel = new Map([...modalInputs(form ?? {}).entries()].map(([id, v]) => [v.label, id]));
    return {
      ...base,
      kind: 'form-errors',
      formFields: fields.filter((f) => !CHROME.some((c) => c.fix === f.name)).map((f) => byLabel.get(shown(String(f.name))) ?? shown(String(f.name))),
      ...(status && { status }),
    };
  }
  return { ...base, kind: 'message', formFields: [], ...(status && { status }) };
}

/** The component a person would press: a button by its label, or the (first) select menu. */
export function componentByLabel(message: JsonObject | undefined, label: string): JsonObject {
  const found = findComponent(message?.components, (c) => c.type === 2 && c.label === label);
  if (!found) throw new Error(`no button "${label}" on the message`);
  return found;
}

export function firstSelect(message: JsonObject | undefined): JsonObject {
  const found = findComponent(message?.components, (c) => c.type === 3);
  if (!found) throw new Error('no select menu on the message');
  return found;
}
