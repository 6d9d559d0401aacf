/**
 * A fake Slack on loopback: the Web API methods imops calls (auth.test, users.info, views.open/update,
 * chat.postEphemeral/postMessage, apps.connections.open), a response_url sink, and a Socket Mode WebSocket.
 * Every call is recorded; tests wait on events, never on time.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  /** Form fields, with JSON-valued ones (view, blocks) parsed. */
  args: Record<string, unknown>;
  authorization?: string;
}

export interface ResponsePost {
  /** The id in `/response/<id>`. */
  id: string;
  body: Record<string, unknown>;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface SlackEmulator {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** What SLACK_API_URL points at: `<url>/api/`. */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponsePost[];
  /** A fresh response_url on this sink. */
  responseUrl(id?: string): string;
  /**
   * What users.info answers for a user: their locale (only sent when the call asks with include_locale=true,
   * as Slack does) and IANA time zone. Unlisted users are en-US on a UTC+0 clock (Atlantic/Reykjavik).
   */
  setUser(userId: string, profile: { locale?: string; tz?: string }): void;
  /** Hold the next call of `method` unanswered until the returned function is called (a slow Slack). */
  holdNext(method: string): () => void;
  /** Make the next call of `method` fail with Slack's `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** Make posts to this response_url id answer `status` (404 = expired). */
  failResponse(id: string, status: number): void;
  /** Resolves with the `count`-th call of `method` (1-based), now or when it arrives. */
  waitForCall(method: string, count?: number): Promise<ApiCall>;
  /** Resolves with the `count`-th post to response_url `id`. */
  waitForResponse(id: string, count?: number): Promise<ResponsePost>;
  /** Socket Mode: resolves when a client has connected and been greeted. */
  socketConnected(): Promise<void>;
  /** Socket Mode: send an envelope; resolves with the client's ack frame. */
  sendEnvelope(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<SocketAck>;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => resolve(raw));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if ((v.startsWith('{') || v.startsWith('[')) && ['view', 'blocks', 'attachments'].includes(k)) {
      try {
        args[k] = JSON.parse(v);
        continue;
      } catch {
        // keep the string
      }
    }
    args[k] = v;
  }
  return args;
}

export async function startSlackEmulator(): Promise<SlackEmulator> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const users = new Map<string, { locale?: string; tz?: string }>();
  const holds = new Map<string, Promise<void>[]>();
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const failures = new Map<string, string[]>();
  const responseStatus = new Map<string, number>();
  let socket: WebSocket | undefined;
  const pendingAcks = new Map<string, (ack: SocketAck) => void>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readAll(req);
      const path = (req.url ?? '/').split('?')[0]!;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (path.startsWith('/response/')) {
        const id = decodeURIComponent(path.slice('/response/'.length));
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          body = { raw };
        }
        const status = responseStatus.get(id) ?? 200;
        if (status === 200) {
          responses.push({ id, body });
          events.emit('response', id);
        }
        json(status, status === 200 ? { ok: true } : { ok: false, error: 'expired_url' });
        return;
      }
      if (!path.startsWith('/api/')) return json(404, { ok: false, error: 'unknown_path' });
      const method = path.slice('/api/'.length);
      const call: ApiCall = { method, args: parseArgs(raw, req.headers['content-type']), authorization: req.headers.authorization };
      calls.push(call);
      events.emit('call', method);
      const held = holds.get(method)?.shift();
      if (held) await held;
      const failure = failures.get(method)?.shift();
      if (failure) return json(200, { ok: false, error: failure });
      switch (method) {
        case 'auth.test':
          return json(200, {
            ok: true,
            url: 'https://imops-test.slack.com/',
            team: 'imops',
            user: 'imops',
            team_id: 'T0IMOPS',
            user_id: 'UBOT',
            bot_id: 'BBOT',
          });
        case 'users.info': {
          const id = String(call.args.user ?? '');
          if (!id) return json(200, { ok: false, error: 'user_not_found' });
          const profile = users.get(id) ?? { locale: 'en-US', tz: 'Atlantic/Reykjavik' };
          const withLocale = String(call.args.include_locale) === 'true';
          return json(200, {
            ok: true,
            user: { id, team_id: 'T0IMOPS', name: id.toLowerCase(), tz: profile.tz, ...(withLocale && profile.locale && { locale: profile.locale }) },
          });
        }
        case 'views.open':
        case 'views.update':
        case 'views.push':
          return json(200, { ok: true, view: { id: `V${calls.length}`, ...(call.args.view as object) } });
        case 'chat.postEphemeral':
          return json(200, { ok: true, message_ts: `${Date.now() / 1000}` });
        case 'chat.postMessage':
        case 'chat.update':
          return json(200, { ok: true, channel: call.args.channel, ts: `${Date.now() / 1000}`, message: { text: call.args.text } });
        case 'apps.connections.open':
          return json(200, { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link?ticket=${randomUUID()}` });
        default:
          return json(200, { ok: false, error: 'unknown_method' });
      }
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });

  const wss = new WebSocketServer({ server, path: '/link' });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as SocketAck;
      pendingAcks.get(frame.envelope_id)?.(frame);
      pendingAcks.delete(frame.envelope_id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'imops-fake' }, connection_info: { app_id: 'A0IMOPS' } }));
    events.emit('socket');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T>(event: string, find: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const now = find();
      if (now !== undefined) return resolve(now);
      const check = () => {
        const found = find();
        if (found !== undefined) {
          events.off(event, check);
          resolve(found);
        }
      };
      events.on(event, check);
    });

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    responses,
    responseUrl: (id = randomUUID()) => `${url}/response/${encodeURIComponent(id)}`,
    holdNext(method) {
      let release!: () => void;
      holds.set(method, [...(holds.get(method) ?? []), new Promise<void>((r) => (release = r))]);
      return release;
    },
    setUser(userId, profile) {
      users.set(userId, profile);
    },
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    failResponse(id, status) {
      responseStatus.set(id, status);
    },
    waitForCall: (method, count = 1) => waitFor('call', () => calls.filter((c) => c.method === method)[count - 1]),
    waitForResponse: (id, count = 1) => waitFor('response', () => responses.filter((r) => r.id === id)[count - 1]),
    socketConnected: () => waitFor('socket', () => (socket ? true : undefined)).then(() => undefined),
    sendEnvelope(type, payload) {
      if (!socket) return Promise.reject(new Error('no Socket Mode client is connected'));
      const envelope_id = randomUUID();
      const acked = new Promise<SocketAck>((resolve) => pendingAcks.set(envelope_id, resolve));
      socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: true, retry_attempt: 0, retry_reason: '' }));
      return acked;
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
