/**
 * A loopback Discord: the REST routes a slash-command bot calls and a gateway that speaks just enough of the
 * protocol (HELLO, IDENTIFY -> READY, heartbeat ACK, INTERACTION_CREATE) for the real discord.js Client.
 * Every REST call is recorded; tests await "the next callback / edit for interaction X" instead of sleeping.
 *
 * Like Discord, it answers a second initial response to the same interaction with 40060 and a callback for an
 * interaction it never sent with 10062; both can also be forced per interaction.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const UNKNOWN_INTERACTION = 10062;
export const ALREADY_ACKNOWLEDGED = 40060;
export type InteractionErrorCode = typeof UNKNOWN_INTERACTION | typeof ALREADY_ACKNOWLEDGED;

/** Callback types (receiving-and-responding.mdx). */
export const CallbackType = {
  Reply: 4,
  DeferReply: 5,
  DeferUpdate: 6,
  Update: 7,
  Autocomplete: 8,
  Modal: 9,
} as const;

export const EPHEMERAL = 1 << 6;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type RouteName =
  | 'gateway.bot'
  | 'application.me'
  | 'commands.get'
  | 'commands.put'
  | 'callback'
  | 'original.get'
  | 'original.edit'
  | 'original.delete'
  | 'followup'
  /** POST /channels/{id}/messages: a bot posting to a channel on its own (the watch's alerts). */
  | 'channel.message'
  | 'unknown';

export interface RecordedCall {
  seq: number;
  method: string;
  /** The path below /api/v10, percent-decoded (`%40original` reads `@original`). */
  path: string;
  route: RouteName;
  interactionId?: string;
  guildId?: string;
  /** Whether an Authorization header came with it (callbacks carry none; registration must). */
  authorized: boolean;
  body: JsonObject | Json[] | undefined;
  /** What the emulator answered. */
  status: number;
  /** For calls that post or change a message: that message's flags afterwards (64 = only the user sees it). */
  messageFlags?: number;
}

export interface GatewayEvent {
  kind: 'connect' | 'identify' | 'heartbeat' | 'close';
  intents?: number;
}

export interface EmulatorUser {
  id: string;
  username?: string;
  /** Guild role IDs: when given (or `guildId` is), the interaction comes from a guild member. */
  roles?: string[];
  guildId?: string;
}

export interface SlashOption {
  name: string;
  value: string | number;
  /** Discord option type: 3 string (default for strings), 4 integer (default for numbers). */
  type?: number;
  focused?: boolean;
}

export interface DispatchOptions {
  user?: EmulatorUser;
  /** The user's client language, as Discord sends it in every interaction (default en-US). */
  locale?: string;
  /** Force an error on this interaction's first callback (or edit / follow-up). */
  fail?: Partial<Record<'callback' | 'edit' | 'followup', InteractionErrorCode>>;
}

export interface InteractionHandle {
  id: string;
  token: string;
  payload: JsonObject;
  /** The next initial response (POST …/callback) for this interaction. */
  callback(): Promise<RecordedCall>;
  /** The next PATCH of @original made with this interaction's token. */
  edit(): Promise<RecordedCall>;
  /** The next follow-up message. */
  followUp(): Promise<RecordedCall>;
  /** The next DELETE of @original. */
  deleted(): Promise<RecordedCall>;
  /** The message this interaction's @original points at now (after replies and edits), if any. */
  message(): JsonObject | undefined;
}

export interface DiscordEmulatorOptions {
  applicationId?: string;
  /** Large by default so no heartbeat traffic happens during a test. */
  heartbeatIntervalMs?: number;
  /** How long an awaited call may take before the wait fails with the calls seen so far. */
  waitTimeoutMs?: number;
  /**
   * Guilds the bot is in, with their role IDs: READY lists them as unavailable and a GUILD_CREATE follows, as
   * on Discord, so discord.js caches them (members then arrive as GuildMember objects). None by default.
   */
  guilds?: { id: string; roles: string[] }[];
}

export interface DiscordEmulator {
  /** Give this to discord.js as `rest.api` (DISCORD_API_URL). */
  apiUrl: string;
  applicationId: string;
  calls: readonly RecordedCall[];
  gatewayEvents: readonly GatewayEvent[];
  /** The currently registered commands, global or for a guild. */
  commands(guildId?: string): JsonObject[];
  /** Seed the registered commands, as if an earlier run had put them there. */
  setCommands(commands: JsonObject[], guildId?: string): void;
  /** Resolves once `count` IDENTIFYs (one per client) have been answered with READY. */
  identified(count?: number): Promise<void>;
  /** Resolves once `count` gateway connections have closed. */
  closed(count: number): Promise<void>;
  /** The next recorded call matching the predicate that no earlier wait with the same key has taken. */
  nextCall(predicate: (call: RecordedCall) => boolean, key?: string): Promise<RecordedCall>;
  dispatch(payload: JsonObject, options?: Pick<DispatchOptions, 'fail' | 'locale'>): InteractionHandle;
  slash(command: string, subcommand: string | undefined, options: SlashOption[], dispatch?: DispatchOptions): InteractionHandle;
  autocomplete(command: string, subcommand: string | undefined, options: SlashOption[], dispatch?: DispatchOptions): InteractionHandle;
  button(message: JsonObject, customId: string, dispatch?: DispatchOptions): InteractionHandle;
  select(message: JsonObject, customId: string, values: string[], dispatch?: DispatchOptions): InteractionHandle;
  /** A modal submit; `values` maps each field's custom_id to its text (or to the chosen values of a select). */
  modalSubmit(customId: string, values: Record<string, string | string[]>, dispatch?: DispatchOptions & { message?: JsonObject }): InteractionHandle;
  close(): Promise<void>;
}

export const DEFAULT_USER: EmulatorUser = { id: '222222222222222222', username: 'alice' };

export async function startDiscordEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
  const applicationId = options.applicationId ?? '111111111111111111';
  const heartbeatInterval = options.heartbeatIntervalMs ?? 45_000;
  const waitTimeoutMs = options.waitTimeoutMs ?? 5_000;
  const calls: RecordedCall[] = [];
  const gatewayEvents: GatewayEvent[] = [];
  const registered = new Map<string, JsonObject[]>(); // '' = global
  const interactions = new Map<string, Interaction>(); // by id
  const byToken = new Map<string, Interaction>();
  const waiters = new Set<Waiter>();
  const taken = new Map<string, Set<number>>();
  const sockets = new Set<GatewaySocket>();
  let identifiedCount = 0;
  const identifyWaiters: { count: number; resolve: () => void }[] = [];
  const closeWaiters: { count: number; resolve: () => void }[] = [];
  const closedCount = () => gatewayEvents.filter((e) => e.kind === 'close').length;
  const _seq = 0;
  let snowflake = 1_300_000_000_000_000_000n;
  const nextId = () => String(++snowflake);

  interface Interaction {
    id: string;
    token: string;
    acknowledged: boolean;
    fail: Partial<Record<'callback' | 'edit' | 'followup', InteractionErrorCode>>;
    original?: JsonObject;
  }
  interface Waiter {
    predicate: (c: RecordedCall) => boolean;
    key: string;
    resolve: (c: RecordedCall) => void;
  }
  interface GatewaySocket {
    ws: WebSocket;
    seq: number;
    identified: boolean;
  }

  const guilds = options.guilds ?? [];
  const role = (id: string, position: number) => ({
    id,
    name: `role-${id.slice(-4)}`,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: 0,
  });
  const guildCreate = (g: { id: string; roles: string[] }): JsonObject => ({
    id: g.id,
    name: 'ops',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '1',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [role(g.id, 0), ...g.roles.map((r, i) => role(r, i + 1))],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 1,
    voice_states: [],
    members: [],
    channels: [],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  });

  const bot = { id: applicationId, username: 'imops', discriminator: '0', bot: true, avatar: null, global_name: null };

  const message = (body: JsonObject | undefined, flags: number): JsonObject => ({
    id: nextId(),
    channel_id: '444444444444444444',
    type: 20,
    content: typeof body?.content === 'string' ? body.content : '',
    author: bot,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body?.embeds) ? body.embeds : [],
    pinned: false,
    flags,
    components: Array.isArray(body?.components) ? body.components : [],
  });

  const record = (call: Omit<RecordedCall, 'seq'>): RecordedCall => {
    const full = { ...call, seq: calls.length };
    calls.push(full);
    for (const w of [...waiters]) {
      if (w.predicate(full) && !isTaken(w.key, full.seq)) {
        take(w.key, full.seq);
        waiters.delete(w);
        w.resolve(full);
      }
    }
    return full;
  };
  const isTaken = (key: string, s: number) => taken.get(key)?.has(s) ?? false;
  const take = (key: string, s: number) => {
    let set = taken.get(key);
    if (!set) taken.set(key, (set = new Set()));
    set.add(s);
  };

  const nextCall = (predicate: (c: RecordedCall) => boolean, key = 'default'): Promise<RecordedCall> => {
    const found = calls.find((c) => predicate(c) && !isTaken(key, c.seq));
    if (found) {
      take(key, found.seq);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        key,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      };
      // A bound on how long a broken adapter can hang a test, not a delay: the wait ends on the call itself.
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const seen = calls.map((c) => `${c.method} ${c.route}${c.interactionId ? ` #${c.interactionId}` : ''} -> ${c.status}`).join('\n  ');
        reject(new Error(`discord emulator: no matching call (${key}) within ${waitTimeoutMs} ms; calls so far:\n  ${seen}`));
      }, waitTimeoutMs);
      timer.unref();
      waiters.add(waiter);
    });
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });

  const send = (res: ServerResponse, status: number, body?: Json) => {
    if (body === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(text);
  };
  const apiError = (code: InteractionErrorCode): { status: number; body: JsonObject } =>
    code === UNKNOWN_INTERACTION
      ? { status: 404, body: { message: 'Unknown interaction', code } }
      : { status: 400, body: { message: 'Interaction has already been acknowledged.', code } };

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://emulator');
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the raw path; it will not match a route
    }
    path = path.replace(/^\/api\/v10/, '');
    let body: JsonObject | Json[] | undefined;
    try {
      body = raw ? (JSON.parse(raw) as JsonObject | Json[]) : undefined;
    } catch {
      body = undefined;
    }
    const authorized = typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0;
    const method = req.method ?? 'GET';
    const base = { method, path, authorized, body };
    const reply = (route: RouteName, status: number, out?: Json, extra: Partial<RecordedCall> = {}) => {
      record({ ...base, route, status, ...extra });
      send(res, status, out);
    };
    let m: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      const port = (server.address() as AddressInfo).port;
      return reply('gateway.bot', 200, {
        url: `ws://127.0.0.1:${port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/applications/@me') {
      return reply(
        'application.me',
        authorized ? 200 : 401,
        authorized ? { id: applicationId, name: 'imops', flags: 0, bot_public: false } : { message: '401: Unauthorized', code: 0 },
      );
    }
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const guildId = m[2];
      const key = guildId ?? '';
      if (!authorized) return reply(method === 'PUT' ? 'commands.put' : 'commands.get', 401, { message: '401: Unauthorized', code: 0 });
      if (m[1] !== applicationId) return reply('unknown', 404, { message: 'Unknown Application', code: 10002 });
      if (method === 'GET') {
        // Discord sends the localization maps only when asked (with_localizations=true).
        const full = url.searchParams.get('with_localizations') === 'true';
        const commands = registered.get(key) ?? [];
        return reply('commands.get', 200, full ? commands : commands.map(withoutLocalizations), guildId ? { guildId } : {});
      }
      if (method === 'PUT' && Array.isArray(body)) {
        const stored = body.map((c) => withServerFields(c as JsonObject, guildId));
        registered.set(key, stored);
        return reply('commands.put', 200, stored, guildId ? { guildId } : {});
      }
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const it = interactions.get(m[1]!);
      const extra = { interactionId: m[1]! };
      if (!it || it.token !== m[2]) return reply('callback', 404, apiError(UNKNOWN_INTERACTION).body, extra);
      const forced = it.fail.callback;
      if (forced !== undefined) {
        delete it.fail.callback;
        const e = apiError(forced);
        return reply('callback', e.status, e.body, extra);
      }
      if (it.acknowledged) return reply('callback', 400, apiError(ALREADY_ACKNOWLEDGED).body, extra);
      it.acknowledged = true;
      const b = (body ?? {}) as JsonObject;
      const data = (b.data ?? undefined) as JsonObject | undefined;
      const flags = typeof data?.flags === 'number' ? data.flags : 0;
      if (b.type === CallbackType.Reply || b.type === CallbackType.DeferReply) it.original = message(b.type === CallbackType.Reply ? data : undefined, flags);
      if (b.type === CallbackType.Update && it.original) it.original = { ...it.original, ...pickMessage(data) };
      const shown = b.type === CallbackType.Reply || b.type === CallbackType.DeferReply || b.type === CallbackType.Update;
      return reply('callback', 204, undefined, { ...extra, ...(shown && it.original && { messageFlags: Number(it.original.flags) || 0 }) });
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const it = byToken.get(m[2]!);
      const extra = it ? { interactionId: it.id } : {};
      const route: RouteName = method === 'PATCH' ? 'original.edit' : method === 'DELETE' ? 'original.delete' : 'original.get';
      if (!it || m[1] !== applicationId) return reply(route, 404, { message: 'Unknown Webhook', code: 10015 }, extra);
      if (route === 'original.edit' && it.fail.edit !== undefined) {
        const e = apiError(it.fail.edit);
        delete it.fail.edit;
        return reply(route, e.status, e.body, extra);
      }
      if (!it.original) return reply(route, 404, { message: 'Unknown Message', code: 10008 }, extra);
      if (route === 'original.edit') {
        // Discord never changes a message's ephemeral flag on edit.
        it.original = {
          ...it.original,
          ...pickMessage(body as JsonObject | undefined),
          flags: it.original.flags ?? 0,
          edited_timestamp: new Date().toISOString(),
        };
        return reply(route, 200, it.original, { ...extra, messageFlags: Number(it.original.flags) || 0 });
      }
      if (route === 'original.delete') {
        it.original = undefined;
        return reply(route, 204, undefined, extra);
      }
      return reply(route, 200, it.original, extra);
    }
    if (method === 'POST' && (m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      const it = byToken.get(m[2]!);
      const extra = it ? { interactionId: it.id } : {};
      if (!it || m[1] !== applicationId) return reply('followup', 404, { message: 'Unknown Webhook', code: 10015 }, extra);
      if (it.fail.followup !== undefined) {
        const e = apiError(it.fail.followup);
        delete it.fail.followup;
        return reply('followup', e.status, e.body, extra);
      }
      const b = (body ?? {}) as JsonObject;
      const flags = typeof b.flags === 'number' ? b.flags : 0;
      return reply('followup', 200, message(b, flags), { ...extra, messageFlags: flags });
    }
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      if (!authorized) return reply('channel.message', 401, { message: '401: Unauthorized', code: 0 });
      // Discord's answer for a channel the bot cannot see: 404 Unknown Channel (10003).
      if (m[1]!.startsWith('404')) return reply('channel.message', 404, { message: 'Unknown Channel', code: 10003 });
      const b = (body ?? {}) as JsonObject;
      return reply('channel.message', 200, { ...message(b, 0), channel_id: m[1]! });
    }
    reply('unknown', 404, { message: '404: Not Found', code: 0 });
  }

  const withServerFields = (c: JsonObject, guildId: string | undefined): JsonObject => ({
    // What Discord adds to a stored command; a diff must ignore these.
    id: nextId(),
    application_id: applicationId,
    version: nextId(),
    default_member_permissions: null,
    type: 1,
    nsfw: false,
    description_localizations: null,
    name_localizations: null,
    ...(guildId ? { guild_id: guildId } : { contexts: null, integration_types: [0] }),
    ...c,
    options: Array.isArray(c.options) ? c.options.map((o) => withOptionDefaults(o as JsonObject)) : [],
  });
  const withOptionDefaults = (o: JsonObject): JsonObject => ({
    description_localizations: null,
    name_localizations: null,
    ...o,
    ...(Array.isArray(o.options) ? { options: o.options.map((x) => withOptionDefaults(x as JsonObject)) } : {}),
  });

  const wss = new WebSocketServer({ server, path: '/gateway' });
  wss.on('connection', (ws) => {
    const socket: GatewaySocket = { ws, seq: 0, identified: false };
    sockets.add(socket);
    gatewayEvents.push({ kind: 'connect' });
    ws.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: heartbeatInterval } }));
    ws.on('message', (data) => {
      let p: { op?: number; d?: { intents?: number; shard?: Json } };
      try {
        p = JSON.parse(data.toString()) as typeof p;
      } catch {
        return;
      }
      if (p.op === 1) {
        gatewayEvents.push({ kind: 'heartbeat' });
        ws.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      }
      if (p.op === 2) {
        gatewayEvents.push({ kind: 'identify', ...(p.d?.intents !== undefined && { intents: p.d.intents }) });
        const port = (server.address() as AddressInfo).port;
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++socket.seq,
            d: {
              v: 10,
              session_id: `session-${nextId()}`,
              resume_gateway_url: `ws://127.0.0.1:${port}/gateway`,
              user: bot,
              guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
              shard: p.d?.shard ?? [0, 1],
              application: { id: applicationId, flags: 0 },
            },
          }),
        );
        for (const g of guilds) ws.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++socket.seq, d: guildCreate(g) }));
        socket.identified = true;
        identifiedCount += 1;
        for (const w of [...identifyWaiters]) {
          if (identifiedCount >= w.count) {
            identifyWaiters.splice(identifyWaiters.indexOf(w), 1);
            w.resolve();
          }
        }
      }
    });
    ws.on('close', () => {
      sockets.delete(socket);
      gatewayEvents.push({ kind: 'close' });
      for (const w of [...closeWaiters]) {
        if (closedCount() >= w.count) {
          closeWaiters.splice(closeWaiters.indexOf(w), 1);
          w.resolve();
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const userPart = (user: EmulatorUser = DEFAULT_USER): JsonObject => {
    const u = { id: user.id, username: user.username ?? `user${user.id.slice(-4)}`, discriminator: '0', avatar: null, global_name: null };
    if (user.roles || user.guildId) {
      const guildId = user.guildId ?? '555555555555555555';
      return {
        guild_id: guildId,
        channel: { id: '444444444444444444', type: 0, guild_id: guildId, name: 'ops' },
        channel_id: '444444444444444444',
        context: 0,
        authorizing_integration_owners: { '0': guildId },
        member: {
          user: u,
          roles: user.roles ?? [],
          permissions: '2248473465835073',
          joined_at: '2024-01-01T00:00:00.000Z',
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          nick: null,
          avatar: null,
          premium_since: null,
        },
      };
    }
    return {
      user: u,
      channel: { id: '444444444444444444', type: 1, recipients: [] },
      channel_id: '444444444444444444',
      context: 1,
      authorizing_integration_owners: { '1': user.id },
    };
  };

  const dispatch = (payload: JsonObject, opts: Pick<DispatchOptions, 'fail' | 'locale'> = {}): InteractionHandle => {
    const id = typeof payload.id === 'string' ? payload.id : nextId();
    const token = typeof payload.token === 'string' ? payload.token : `itoken-${id}-${Math.random().toString(36).slice(2, 12)}`;
    const full: JsonObject = {
      id,
      token,
      application_id: applicationId,
      version: 1,
      app_permissions: '0',
      locale: opts.locale ?? 'en-US',
      entitlements: [],
      ...payload,
    };
    const it: Interaction = { id, token, acknowledged: false, fail: { ...opts.fail } };
    // A component's @original is the message that carried the component.
    if (full.message && typeof full.message === 'object' && !Array.isArray(full.message)) it.original = full.message;
    interactions.set(id, it);
    byToken.set(token, it);
    const frame = (s: number) => JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s, d: full });
    const live = [...sockets].filter((s) => s.identified);
    if (live.length === 0) throw new Error('discord emulator: no identified gateway client to dispatch to');
    for (const s of live) s.ws.send(frame(++s.seq));
    const forThis = (route: RouteName) => (c: RecordedCall) => c.interactionId === id && c.route === route;
    return {
      id,
      token,
      payload: full,
      callback: () => nextCall(forThis('callback'), `callback:${id}`),
      edit: () => nextCall(forThis('original.edit'), `edit:${id}`),
      followUp: () => nextCall(forThis('followup'), `followup:${id}`),
      deleted: () => nextCall(forThis('original.delete'), `delete:${id}`),
      message: () => it.original,
    };
  };

  const commandData = (command: string, subcommand: string | undefined, options: SlashOption[]): JsonObject => {
    const opts: Json[] = options.map((o) => ({
      name: o.name,
      type: o.type ?? (typeof o.value === 'number' ? 4 : 3),
      value: o.value,
      ...(o.focused && { focused: true }),
    }));
    const registeredCmd = [...registered.values()].flat().find((c) => c.name === command);
    return {
      id: typeof registeredCmd?.id === 'string' ? registeredCmd.id : nextId(),
      name: command,
      type: 1,
      options: subcommand ? [{ name: subcommand, type: 1, options: opts }] : opts,
    };
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    applicationId,
    calls,
    gatewayEvents,
    commands: (guildId) => registered.get(guildId ?? '') ?? [],
    setCommands: (list, guildId) =>
      registered.set(
        guildId ?? '',
        list.map((c) => withServerFields(c, guildId)),
      ),
    identified: (count = 1) => (identifiedCount >= count ? Promise.resolve() : new Promise<void>((resolve) => identifyWaiters.push({ count, resolve }))),
    closed: (count) => (closedCount() >= count ? Promise.resolve() : new Promise<void>((resolve) => closeWaiters.push({ count, resolve }))),
    nextCall,
    dispatch,
    slash: (command, subcommand, options, d = {}) => dispatch({ type: 2, ...userPart(d.user), data: commandData(command, subcommand, options) }, d),
    autocomplete: (command, subcommand, options, d = {}) => dispatch({ type: 4, ...userPart(d.user), data: commandData(command, subcommand, options) }, d),
    button: (msg, customId, d = {}) => dispatch({ type: 3, ...userPart(d.user), message: msg, data: { custom_id: customId, component_type: 2 } }, d),
    select: (msg, customId, values, d = {}) =>
      dispatch({ type: 3, ...userPart(d.user), message: msg, data: { custom_id: customId, component_type: 3, values } }, d),
    modalSubmit: (customId, values, d = {}) =>
      dispatch(
        {
          type: 5,
          ...userPart(d.user),
          ...(d.message && { message: d.message }),
          data: {
            custom_id: customId,
            components: Object.entries(values).map(([field, value], i) => ({
              type: 18,
              id: i + 1,
              component: (Array.isArray(value)
                ? { type: 3, id: 100 + i, custom_id: field, values: value }
                : { type: 4, id: 100 + i, custom_id: field, value }) as JsonObject,
            })),
          },
        },
        d,
      ),
    close: async () => {
      for (const s of sockets) s.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function pickMessage(body: JsonObject | undefined): JsonObject {
  if (!body) return {};
  const out: JsonObject = {};
  for (const k of ['content', 'embeds', 'components', 'flags'] as const) if (body[k] !== undefined) out[k] = body[k];
  return out;
}

/** Every custom_id in a message's or modal's components, depth first (action rows, labels). */
export function customIds(components: Json | undefined): string[] {
  if (!Array.isArray(components)) return [];
  const out: string[] = [];
  const walk = (c: Json) => {
    if (!c || typeof c !== 'object' || Array.isArray(c)) return;
    if (typeof c.custom_id === 'string') out.push(c.custom_id);
    if (Array.isArray(c.components)) c.components.forEach(walk);
    if (c.component) walk(c.component);
  };
  components.forEach(walk);
  return out;
}

/** The component with this type (2 button, 3 string select, 4 text input) in a component tree, first match. */
export function findComponent(components: Json | undefined, predicate: (c: JsonObject) => boolean): JsonObject | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const c of components) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) continue;
    if (predicate(c)) return c;
    const inner = findComponent(Array.isArray(c.components) ? c.components : c.component ? [c.component] : undefined, predicate);
    if (inner) return inner;
  }
  return undefined;
}

/** All the text a user can read in a message body or callback data: content, embed titles, descriptions, fields, footers. */
export function visibleText(data: Json | undefined): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return '';
  const parts: string[] = [];
  if (typeof data.content === 'string') parts.push(data.content);
  if (typeof data.title === 'string') parts.push(data.title);
  const embeds = Array.isArray(data.embeds) ? data.embeds : [];
  for (const e of embeds) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) continue;
    for (const k of ['title', 'description'] as const) if (typeof e[k] === 'string') parts.push(e[k]);
    if (Array.isArray(e.fields)) {
      for (const f of e.fields) if (f && typeof f === 'object' && !Array.isArray(f)) parts.push(`${String(f.name)}\n${String(f.value)}`);
    }
    const footer = e.footer;
    if (footer && typeof footer === 'object' && !Array.isArray(footer) && typeof footer.text === 'string') parts.push(footer.text);
  }
  const walk = (c: Json) => {
    if (!c || typeof c !== 'object' || Array.isArray(c)) return;
    for (const k of ['label', 'placeholder', 'description', 'content'] as const) if (typeof c[k] === 'string') parts.push(c[k]);
    if (Array.isArray(c.options)) c.options.forEach(walk);
    if (Array.isArray(c.components)) c.components.forEach(walk);
    if (c.component) walk(c.component);
  };
  if (Array.isArray(data.components)) data.components.forEach(walk);
  return parts.join('\n');
}

/** A command as Discord returns it without with_localizations: no name_localizations / description_localizations. */
function withoutLocalizations(command: JsonObject): JsonObject {
  const { name_localizations: _n, description_localizations: _d, ...rest } = command;
  return Array.isArray(rest.options) ? { ...rest, options: (rest.options as JsonObject[]).map(withoutLocalizations) } : rest;
}
