// A loopback APNs: HTTP/2 over TLS, POST /3/device/:token, programmable per token. One instance per Apple
// environment, so a token can be valid in one and rejected by the other, as with Apple's two hosts.
import http2 from 'node:http2';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { randomUUID } from 'node:crypto';
import type { ServerCert } from './tls.js';
import { waitForCount } from './wait.js';

export type ApnsEnvironmentName = 'production' | 'sandbox';

/** Apple's table: each reason with the HTTP status APNs sends it with. */
export const APNS_REASON_STATUS: Readonly<Record<string, number>> = {
  BadCollapseId: 400,
  BadDeviceToken: 400,
  BadExpirationDate: 400,
  BadMessageId: 400,
  BadPriority: 400,
  BadTopic: 400,
  DeviceTokenNotForTopic: 400,
  DuplicateHeaders: 400,
  IdleTimeout: 400,
  InvalidPushType: 400,
  MissingDeviceToken: 400,
  MissingTopic: 400,
  PayloadEmpty: 400,
  TopicDisallowed: 400,
  BadCertificate: 403,
  BadCertificateEnvironment: 403,
  ExpiredProviderToken: 403,
  Forbidden: 403,
  InvalidProviderToken: 403,
  MissingProviderToken: 403,
  UnrelatedKeyIdInToken: 403,
  BadEnvironmentKeyInToken: 403,
  BadEnvironmentKeyIdInToken: 403,
  BadPath: 404,
  MethodNotAllowed: 405,
  ExpiredToken: 410,
  Unregistered: 410,
  PayloadTooLarge: 413,
  TooManyProviderTokenUpdates: 429,
  TooManyRequests: 429,
  InternalServerError: 500,
  ServiceUnavailable: 503,
  Shutdown: 503,
};

/** What the emulator does with a request for one token. */
export type ApnsBehaviour =
  | { kind: 'accept'; apnsId?: string }
  /** Reply with `reason`; status defaults to Apple's for that reason; 410 carries a timestamp. */
  | { kind: 'reject'; reason: string; status?: number; timestamp?: number }
  /** Wait, then behave as `then` (accept by default). */
  | { kind: 'delay'; ms: number; then?: ApnsBehaviour }
  /** Never answer (the client's request timeout must fire). */
  | { kind: 'hang' }
  /** Send an HTTP/2 GOAWAY carrying `{"reason": …}` and close the connection without answering the stream. */
  | { kind: 'goaway'; reason?: string }
  /** Destroy the TCP connection without a word. */
  | { kind: 'drop' }
  /** One step per request for this token, in order; the last step answers every later request (429 then 200). */
  | { kind: 'sequence'; steps: ApnsBehaviour[] };

export interface JwtView {
  alg?: string;
  kid?: string;
  iss?: string;
  iat?: number;
}

export interface ApnsRequest {
  environment: ApnsEnvironmentName;
  method: string;
  path: string;
  /** The device token from the path (tests see it; imops must never log it). */
  token: string;
  authority?: string;
  topic?: string;
  pushType?: string;
  priority?: string;
  expiration?: string;
  apnsId?: string;
  /** The raw authorization header, and its JWT header and claims decoded (not verified). */
  authorization?: string;
  jwt?: JwtView;
  /** Subject of the TLS client certificate, for certificate-based auth. */
  clientCertSubject?: string;
  body: string;
  payload?: unknown;
  /** Which TLS connection (1-based, in handshake order) carried the request. */
  connection: number;
  /** The apns-id the emulator answered with, when it accepted the push. */
  acceptedApnsId?: string;
}

export interface ApnsEmulator {
  readonly environment: ApnsEnvironmentName;
  readonly port: number;
  /** `https://localhost:<port>`: what `providers.apns.productionUrl|sandboxUrl` points at. */
  readonly url: string;
  readonly requests: ApnsRequest[];
  /** TLS handshakes completed, and HTTP/2 sessions opened. */
  readonly handshakes: number;
  readonly sessions: number;
  /** Program the answer for one token (replaces any earlier program for it). */
  program(token: string, behaviour: ApnsBehaviour): void;
  /** Forget programs and recorded requests (counts of handshakes stay: they are per connection). */
  reset(): void;
  /** Resolves when at least `count` requests have been recorded. */
  waitForRequests(count: number): Promise<ApnsRequest[]>;
  /** Close every open connection (clients must reconnect). */
  dropConnections(): void;
  close(): Promise<void>;
}

export interface ApnsEmulatorOptions {
  environment: ApnsEnvironmentName;
  tls: ServerCert;
}

function decodeJwt(authorization: string | undefined): JwtView | undefined {
  const m = /^bearer\s+([^.]+)\.([^.]+)\./i.exec(authorization ?? '');
  if (!m) return undefined;
  try {
    const header = JSON.parse(Buffer.from(m[1]!, 'base64url').toString()) as JwtView;
    const claims = JSON.parse(Buffer.from(m[2]!, 'base64url').toString()) as JwtView;
    return { alg: header.alg, kid: header.kid, iss: claims.iss, iat: claims.iat };
  } catch {
    return {};
  }
}

const header = (h: http2.IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

export async function startApnsEmulator(options: ApnsEmulatorOptions): Promise<ApnsEmulator> {
  const { environment } = options;
  const programs = new Map<string, ApnsBehaviour>();
  /** Requests answered per token, for `sequence` programs. */
  const answered = new Map<string, number>();
  const requests: ApnsRequest[] = [];
  const events = new EventEmitter();
  const sessions = new Set<http2.ServerHttp2Session>();
  // HTTP/2 hands out a guarded proxy of the socket; the real one is found by the client's port.
  const connections = new Map<number, { id: number; socket: TLSSocket }>();
  let handshakes = 0;
  let sessionCount = 0;

  const server = http2.createSecureServer({
    key: options.tls.keyPem,
    cert: options.tls.certPem,
    // Certificate-based APNs auth presents a client certificate; accept any so it can be recorded.
    requestCert: true,
    rejectUnauthorized: false,
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    handshakes++;
    const port = socket.remotePort ?? 0;
    connections.set(port, { id: handshakes, socket });
    socket.on('close', () => connections.delete(port));
  });
  server.on('session', (session) => {
    sessionCount++;
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => {});
  });

  server.on('stream', (stream, headers) => {
    stream.on('error', () => {});
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const path = header(headers, ':path') ?? '';
      const method = header(headers, ':method') ?? '';
      const m = /^\/3\/device\/([^/?]*)$/.exec(path);
      const token = m ? decodeURIComponent(m[1]!) : '';
      const conn = connections.get(stream.session?.socket.remotePort ?? -1);
      const peer = conn?.socket.getPeerCertificate();
      const body = Buffer.concat(chunks).toString('utf8');
      let payload: unknown;
      try {
        payload = body ? JSON.parse(body) : undefined;
      } catch {
        payload = undefined;
      }
      const authorization = header(headers, 'authorization');
      const req: ApnsRequest = {
        environment,
        method,
        path,
        token,
        authority: header(headers, ':authority'),
        topic: header(headers, 'apns-topic'),
        pushType: header(headers, 'apns-push-type'),
        priority: header(headers, 'apns-priority'),
        expiration: header(headers, 'apns-expiration'),
        apnsId: header(headers, 'apns-id'),
        authorization,
        jwt: decodeJwt(authorization),
        clientCertSubject: peer?.subject
          ? Object.entries(peer.subject)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(', ')
          : undefined,
        body,
        payload,
        connection: conn?.id ?? 0,
      };
      requests.push(req);
      events.emit('request', req);
      respond(stream, req, behaviourFor(req));
    });
  });

  function behaviourFor(req: ApnsRequest): ApnsBehaviour {
    if (req.method !== 'POST') return { kind: 'reject', reason: 'MethodNotAllowed' };
    if (!/^\/3\/device\//.test(req.path)) return { kind: 'reject', reason: 'BadPath' };
    if (!req.token) return { kind: 'reject', reason: 'MissingDeviceToken' };
    const programmed = programs.get(req.token);
    if (programmed?.kind === 'sequence') {
      const seen = (answered.get(req.token) ?? 0) + 1;
      answered.set(req.token, seen);
      return programmed.steps[Math.min(seen, programmed.steps.length) - 1] ?? { kind: 'accept' };
    }
    if (programmed) return programmed;
    if (!req.authorization && !req.clientCertSubject) return { kind: 'reject', reason: 'MissingProviderToken' };
    if (req.authorization && !req.topic) return { kind: 'reject', reason: 'MissingTopic' };
    if (!req.body) return { kind: 'reject', reason: 'PayloadEmpty' };
    // Apple's tokens are 32 bytes today; shorter or odd-length hex is not a token APNs issued.
    if (!/^[0-9a-f]+$/i.test(req.token) || req.token.length % 2 !== 0 || req.token.length < 64) return { kind: 'reject', reason: 'BadDeviceToken' };
    return { kind: 'accept' };
  }

  function respond(stream: http2.ServerHttp2Stream, req: ApnsRequest, b: ApnsBehaviour): void {
    if (stream.destroyed || stream.closed) return;
    const apnsId = req.apnsId ?? randomUUID();
    switch (b.kind) {
      case 'accept': {
        req.acceptedApnsId = b.apnsId ?? apnsId;
        const h: http2.OutgoingHttpHeaders = { ':status': 200, 'apns-id': req.acceptedApnsId };
        // Apple returns apns-unique-id only in the development environment.
        if (environment === 'sandbox') h['apns-unique-id'] = randomUUID();
        stream.respond(h, { endStream: true });
        return;
      }
      case 'reject': {
        const status = b.status ?? APNS_REASON_STATUS[b.reason] ?? 400;
        const body: { reason: string; timestamp?: number } = { reason: b.reason };
        if (status === 410) body.timestamp = b.timestamp ?? Date.now();
        stream.respond({ ':status': status, 'apns-id': apnsId, 'content-type': 'application/json' });
        stream.end(JSON.stringify(body));
        return;
      }
      case 'delay': {
        const timer = setTimeout(() => respond(stream, req, b.then ?? { kind: 'accept' }), b.ms);
        stream.on('close', () => clearTimeout(timer));
        return;
      }
      case 'hang':
        return;
      case 'goaway': {
        const session = stream.session;
        if (!session) return;
        // Last processed stream 0: the client learns its request was not handled.
        session.goaway(http2.constants.NGHTTP2_NO_ERROR, 0, Buffer.from(JSON.stringify({ reason: b.reason ?? 'Shutdown' })));
        setImmediate(() => session.destroy());
        return;
      }
      case 'drop':
        connections.get(stream.session?.socket.remotePort ?? -1)?.socket.destroy();
        return;
      case 'sequence':
        respond(stream, req, b.steps[0] ?? { kind: 'accept' });
        return;
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    environment,
    port,
    url: `https://localhost:${port}`,
    requests,
    get handshakes() {
      return handshakes;
    },
    get sessions() {
      return sessionCount;
    },
    program(token, behaviour) {
      programs.set(token, behaviour);
      answered.delete(token);
    },
    reset() {
      programs.clear();
      answered.clear();
      requests.length = 0;
    },
    waitForRequests(count) {
      return waitForCount(events, 'request', requests, count);
    },
    dropConnections() {
      for (const s of sessions) s.destroy();
    },
    async close() {
      for (const s of sessions) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
