// POST /v1/im/callback: Tencent IM's third-party callbacks (design.md "Callbacks"). IM signs each request with
// Sign = hex(sha256(callbackToken + RequestTime)); imops keeps the login trail (State.StateChange) and the
// per-recipient push results (Push.OfflinePush, Push.AllMemberPush) per (app, UserID) for triage and send-test.
// Everything in the request is untrusted: bounded body, every field type-checked, all or nothing.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig, Config } from '../config/types.js';
import type { Logger } from '../log.js';
import type { EventLog, ImEvent } from '../store/ports.js';
import { BodyTooLargeError, readBody, sendJson, type Router } from '../http/router.js';

export const CALLBACK_PATH = '/v1/im/callback';
/** IM's documented answer; anything else makes IM retry or count a failure. */
export const CALLBACK_OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } as const;
/** Push callbacks carry at most 100 events of a few hundred bytes each. */
export const CALLBACK_BODY_LIMIT = 256 * 1024;
export const SIGN_WINDOW_SECONDS = 60;
export const STATE_CHANGE = 'State.StateChange';
export const PUSH_COMMANDS: readonly string[] = ['Push.OfflinePush', 'Push.AllMemberPush'];
const MAX_EVENTS = 100;
const MAX_USERID = 128;
const MAX_TEXT = 200;

export function callbackSign(token: string, requestTime: string): string {
  return createHash('sha256')
    .update(token + requestTime)
    .digest('hex');
}

export interface CallbackDeps {
  config: Config;
  events: EventLog;
  log: Logger;
  now?: () => number;
}

type Parsed = { ok: true; events: ImEvent[] } | { ok: false; problem: string };

const text = (v: unknown): string | undefined => (typeof v === 'string' ? (v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) : v) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const userIdOf = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= MAX_USERID ? v : undefined);

function pick(source: Record<string, unknown>, strings: string[], numbers: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of strings) {
    const v = text(source[k]) ?? (num(source[k]) !== undefined ? String(source[k]) : undefined);
    if (v !== undefined) out[k] = v;
  }
  for (const k of numbers) {
    const v = num(source[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** EventTime in ms; a missing one is "now", one from the future is clamped (it would otherwise outrank real events). */
function eventTime(v: unknown, now: number): number {
  const t = num(v);
  return t === undefined || t > now ? now : Math.floor(t);
}

export function parseCallback(app: AppConfig, command: string, body: Record<string, unknown>, query: URLSearchParams, now: number): Parsed {
  if (command === STATE_CHANGE) {
    const info = body.Info;
    if (!info || typeof info !== 'object' || Array.isArray(info)) return { ok: false, problem: 'Info must be an object' };
    const i = info as Record<string, unknown>;
    const userId = userIdOf(i.To_Account);
    if (!userId) return { ok: false, problem: `Info.To_Account must be a UserID of 1-${MAX_USERID} characters` };
    const action = text(i.Action);
    if (!action) return { ok: false, problem: 'Info.Action must be a string' };
    const data: Record<string, unknown> = { Action: action, ...pick(i, ['Reason'], []) };
    if (Array.isArray(body.KickedDevice)) {
      const kicked = body.KickedDevice.slice(0, 10)
        .map((d) => (d && typeof d === 'object' ? text((d as Record<string, unknown>).Platform) : undefined))
        .filter((p): p is string => p !== undefined);
      if (kicked.length > 0) data.KickedDevice = kicked;
    }
    const platform = text(query.get('OptPlatform') ?? undefined);
    if (platform) data.OptPlatform = platform;
    return { ok: true, events: [{ app: app.name, userId, command, at: eventTime(body.EventTime, now), data }] };
  }
  if (PUSH_COMMANDS.includes(command)) {
    const list = body.Events;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_EVENTS) return { ok: false, problem: `Events must be a list of 1-${MAX_EVENTS} events` };
    const events: ImEvent[] = [];
    for (const [n, e] of list.entries()) {
      if (!e || typeof e !== 'object' || Array.isArray(e)) return { ok: false, problem: `Events[${n}] must be an object` };
      const ev = e as Record<string, unknown>;
      const userId = userIdOf(ev.To_Account);
      if (!userId) return { ok: false, problem: `Events[${n}].To_Account must be a UserID of 1-${MAX_USERID} characters` };
      const data = pick(
        ev,
        ['ErrInfo', 'MsgKey', 'TaskId', 'PushID', 'From_Account', 'PushPlatform', 'PushStage'],
        ['ErrCode', 'EventType', 'MsgRandom', 'MsgTime'],
      );
      events.push({ app: app.name, userId, command, at: eventTime(ev.EventTime, now), data });
    }
    return { ok: true, events };
  }
  return { ok: true, events: [] };
}

function signed(app: AppConfig, query: URLSearchParams, now: number): boolean {
  const token = app.im?.callbackToken;
  if (!token) return true;
  const sign = query.get('Sign') ?? '';
  const time = query.get('RequestTime') ?? '';
  if (!/^\d{1,12}$/.test(time) || Math.abs(Math.floor(now / 1000) - Number(time)) > SIGN_WINDOW_SECONDS) return false;
  const want = Buffer.from(callbackSign(token, time));
  const got = Buffer.from(sign.toLowerCase());
  return got.length === want.length && timingSafeEqual(got, want);
}

export function registerImCallbackRoute(router: Router, deps: CallbackDeps): void {
  const now = deps.now ?? Date.now;
  router.add('POST', CALLBACK_PATH, async (req: IncomingMessage, res: ServerResponse) => {
    const query = new URL(req.url ?? '/', 'http://imops').searchParams;
    const id = query.get('SdkAppid') ?? '';
    const app = /^\d{1,10}$/.test(id) ? deps.config.apps.find((a) => a.sdkAppId === Number(id)) : undefined;
    if (!app) {
      req.resume();
      sendJson(res, 404, { error: 'unknown_app', message: 'SdkAppid is not an app this imops serves' });
      return;
    }
    if (!signed(app, query, now())) {
      req.resume();
      deps.log.warn({ app: app.name }, 'IM callback refused: Sign or RequestTime does not match the callback token');
      sendJson(res, 401, { error: 'bad_sign', message: 'Sign must be hex(sha256(callbackToken + RequestTime)) with RequestTime within 60 s' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, CALLBACK_BODY_LIMIT);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: 'too_large', message: err.message });
        return;
      }
      throw err;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      sendJson(res, 400, { error: 'invalid_body', message: 'the body is not JSON' });
      return;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      sendJson(res, 400, { error: 'invalid_body', message: 'the body is not a JSON object' });
      return;
    }
    const b = body as Record<string, unknown>;
    const command = query.get('CallbackCommand') ?? text(b.CallbackCommand) ?? '';
    const parsed = parseCallback(app, command, b, query, now());
    if (!parsed.ok) {
      sendJson(res, 400, { error: 'invalid_body', message: `${command}: ${parsed.problem}` });
      return;
    }
    await deps.events.append(parsed.events);
    sendJson(res, 200, CALLBACK_OK);
  });
}
