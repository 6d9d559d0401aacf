// The HTTP(S) server under the OPPO, vivo and Meizu emulators: loopback only, body parsing (form or JSON), every
// request recorded, programmable answers per path (in order, then the vendor's own logic), and a hang that the
// client's timeout must end. Each vendor file adds its wire format and what a correct client must send.
import http from 'node:http';
import https from 'node:https';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import type { ServerCert } from './tls.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  contentType: string;
  /** Form fields (x-www-form-urlencoded) or the JSON body. */
  form?: Record<string, string>;
  json?: unknown;
  raw: string;
}

/** An answer forced on the next request to a path. */
export type Forced =
  /** A vendor JSON body with HTTP 200 (or `status`). */
  | { kind: 'json'; body: unknown; status?: number }
  /** A bare HTTP answer (a gateway's 429 or 5xx page). */
  | { kind: 'http'; status: number; body?: string; retryAfter?: string }
  /** Never answer: the client's timeout must end it. */
  | { kind: 'hang' };

export type Handler = (req: RecordedRequest) => { status?: number; body: unknown };

export interface VendorServer {
  url: string;
  requests: RecordedRequest[];
  events: EventEmitter;
  /** Force the next answers on `path`, in order. */
  force(path: string, ...answers: Forced[]): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startVendorServer(routes: Record<string, Handler>, tls?: ServerCert): Promise<VendorServer> {
  const requests: RecordedRequest[] = [];
  const events = new EventEmitter();
  const forced = new Map<string, Forced[]>();
  const sockets = new Set<Socket>();
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const contentType = String(req.headers['content-type'] ?? '');
      const path = (req.url ?? '/').split('?')[0]!;
      const recorded: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, contentType, raw };
      if (contentType.startsWith('application/x-www-form-urlencoded')) recorded.form = Object.fromEntries(new URLSearchParams(raw));
      else if (contentType.startsWith('application/json')) {
        try {
          recorded.json = JSON.parse(raw);
        } catch {
          recorded.json = undefined;
        }
      }
      requests.push(recorded);
      events.emit('request', recorded);
      const next = forced.get(path)?.shift();
      if (next?.kind === 'hang') return;
      if (next?.kind === 'http') {
        res.writeHead(next.status, { 'content-type': 'text/html', ...(next.retryAfter && { 'retry-after': next.retryAfter }) });
        res.end(next.body ?? `<html><body>${next.status}</body></html>`);
        return;
      }
      let answer: { status?: number; body: unknown };
      if (next?.kind === 'json') answer = { status: next.status, body: next.body };
      else if (req.method !== 'POST') answer = { status: 405, body: { error: 'method not allowed' } };
      else {
        const route = routes[path];
        answer = route ? route(recorded) : { status: 404, body: '<html>Not Found</html>' };
      }
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json;charset=UTF-8' });
      res.end(text);
    });
  };
  const server = tls ? https.createServer({ cert: tls.certPem, key: tls.keyPem }, listener) : http.createServer(listener);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https://localhost' : 'http://127.0.0.1'}:${port}`,
    requests,
    events,
    force(path, ...answers) {
      forced.set(path, [...(forced.get(path) ?? []), ...answers]);
    },
    reset() {
      requests.length = 0;
      forced.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A vendor server that issues access tokens (OPPO, vivo): what the tests read and program on it. */
export interface TokenVendorServer extends VendorServer {
  /** The access tokens issued so far. */
  issued: string[];
  /** Make every issued token answer the vendor's "token expired" code from now on (as after 24 h). */
  expireTokens(): void;
  /** Device tokens the vendor does not know. */
  unknownTokens: Set<string>;
  authRequests(): RecordedRequest[];
  sends(): RecordedRequest[];
  forceAuth(...answers: Forced[]): void;
  forceSend(...answers: Forced[]): void;
}

/** The accessors of a token vendor's server, for its auth and send paths; `valid` holds the tokens still good. */
export function tokenVendorServer(
  server: VendorServer,
  paths: { auth: string; send: string },
  state: { issued: string[]; unknownTokens: Set<string>; valid: { clear(): void } },
): TokenVendorServer {
  const baseReset = server.reset;
  return Object.assign(server, {
    issued: state.issued,
    unknownTokens: state.unknownTokens,
    expireTokens: () => state.valid.clear(),
    authRequests: () => server.requests.filter((r) => r.path === paths.auth),
    sends: () => server.requests.filter((r) => r.path === paths.send),
    forceAuth: (...a: Forced[]) => server.force(paths.auth, ...a),
    forceSend: (...a: Forced[]) => server.force(paths.send, ...a),
    reset: () => {
      baseReset();
      state.unknownTokens.clear();
    },
  });
}
