// A loopback FCM: the HTTP v1 send endpoint (fcm.googleapis.com) and Google's OAuth token endpoint
// (oauth2.googleapis.com) on one TLS port. firebase-admin reaches it through an https.Agent that dials this
// port while keeping the real host names, so its certificate must carry them (see tls.ts).
import http2 from 'node:http2';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { randomBytes } from 'node:crypto';
import type { ServerCert } from './tls.js';
import { waitForCount } from './wait.js';

/** FCM v1 error codes (FcmError.errorCode) with the HTTP status and canonical status FCM sends them with. */
export const FCM_ERRORS: Readonly<Record<string, { status: number; canonical: string; message: string }>> = {
  UNSPECIFIED_ERROR: { status: 500, canonical: 'UNKNOWN', message: 'No more information is available about this error.' },
  INVALID_ARGUMENT: { status: 400, canonical: 'INVALID_ARGUMENT', message: 'The registration token is not a valid FCM registration token' },
  UNREGISTERED: { status: 404, canonical: 'NOT_FOUND', message: 'Requested entity was not found.' },
  SENDER_ID_MISMATCH: { status: 403, canonical: 'PERMISSION_DENIED', message: 'SenderId mismatch' },
  QUOTA_EXCEEDED: { status: 429, canonical: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded for quota metric' },
  UNAVAILABLE: { status: 503, canonical: 'UNAVAILABLE', message: 'The service is currently unavailable.' },
  INTERNAL: { status: 500, canonical: 'INTERNAL', message: 'Internal error encountered.' },
  THIRD_PARTY_AUTH_ERROR: { status: 401, canonical: 'UNAUTHENTICATED', message: 'Auth error from APNS or Web Push Service' },
};

export type FcmBehaviour =
  | { kind: 'accept' }
  /** A v1 error body with an FcmError detail carrying `errorCode` (status and canonical status from FCM_ERRORS). */
  | { kind: 'fcmError'; errorCode: string; message?: string; retryAfter?: number }
  /** A v1 error body with only a canonical status, no FcmError detail (e.g. 401 UNAUTHENTICATED, 403 PERMISSION_DENIED). */
  | { kind: 'status'; status: number; canonical: string; message: string }
  /** A proxy's HTML error page. */
  | { kind: 'html'; status: number }
  | { kind: 'delay'; ms: number; then?: FcmBehaviour }
  | { kind: 'hang' };

export interface FcmProgram {
  behaviour: FcmBehaviour;
  /** Apply to dry runs (validate_only) too; true by default, as FCM validates tokens in dry runs. */
  validateOnly?: boolean;
}

export interface FcmRequest {
  host?: string;
  method: string;
  path: string;
  httpVersion: string;
  authorization?: string;
  project?: string;
  validateOnly: boolean;
  token?: string;
  message?: Record<string, unknown>;
  body: string;
}

export interface OAuthRequest {
  host?: string;
  grantType?: string;
  /** The `iss` of the signed assertion: the service account's client_email. */
  issuer?: string;
  audience?: string;
}

export type OAuthBehaviour = { kind: 'accept' } | { kind: 'error'; status: number; error: string; description: string };

export interface FcmEmulator {
  readonly port: number;
  readonly requests: FcmRequest[];
  readonly oauthRequests: OAuthRequest[];
  readonly handshakes: number;
  /** Program the answer for one registration token. */
  program(token: string, program: FcmBehaviour | FcmProgram): void;
  /** What the OAuth token endpoint answers. */
  programOAuth(behaviour: OAuthBehaviour): void;
  reset(): void;
  waitForRequests(count: number): Promise<FcmRequest[]>;
  close(): Promise<void>;
}

export interface FcmEmulatorOptions {
  tls: ServerCert;
  /** Projects the emulator knows; a send to another is 403 PERMISSION_DENIED. Any project when omitted. */
  projects?: string[];
  /** Accept any bearer token, not only those issued by the OAuth endpoint (for custom credentials). */
  anyBearer?: boolean;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function startFcmEmulator(options: FcmEmulatorOptions): Promise<FcmEmulator> {
  const programs = new Map<string, FcmProgram>();
  const requests: FcmRequest[] = [];
  const oauthRequests: OAuthRequest[] = [];
  const issued = new Set<string>();
  const events = new EventEmitter();
  const sockets = new Set<TLSSocket>();
  let oauth: OAuthBehaviour = { kind: 'accept' };
  let handshakes = 0;

  // HTTP/1.1 as well: firebase-admin's send() and google-auth-library speak HTTP/1.1.
  const server = http2.createSecureServer({ key: options.tls.keyPem, cert: options.tls.certPem, allowHTTP1: true });
  server.on('secureConnection', (s: TLSSocket) => {
    handshakes++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  server.on('request', (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const host = one(req.headers.host) ?? one(req.headers[':authority']);
      const json = (status: number, obj: unknown, extra: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...extra });
        res.end(JSON.stringify(obj));
      };
      const url = req.url ?? '';

      if (req.method === 'POST' && (url === '/token' || url === '/oauth2/v4/token')) {
        const form = new URLSearchParams(body);
        const assertion = form.get('assertion') ?? '';
        let claims: { iss?: string; aud?: string } = {};
        try {
          claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString()) as typeof claims;
        } catch {
          claims = {};
        }
        oauthRequests.push({ host, grantType: form.get('grant_type') ?? undefined, issuer: claims.iss, audience: claims.aud });
        if (oauth.kind === 'error') return json(oauth.status, { error: oauth.error, error_description: oauth.description });
        const accessToken = `ya29.emulator-${randomBytes(8).toString('hex')}`;
        issued.add(accessToken);
        return json(200, { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' });
      }

      const m = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(url);
      if (req.method === 'POST' && m) {
        let parsed: { message?: Record<string, unknown>; validate_only?: boolean } = {};
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          return json(400, { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } });
        }
        const token = typeof parsed.message?.token === 'string' ? parsed.message.token : undefined;
        const record: FcmRequest = {
          host,
          method: req.method,
          path: url,
          httpVersion: req.httpVersion,
          authorization: one(req.headers.authorization),
          project: decodeURIComponent(m[1]!),
          validateOnly: parsed.validate_only === true,
          token,
          message: parsed.message,
          body,
        };
        requests.push(record);
        events.emit('request', record);

        const bearer = /^Bearer (.+)$/.exec(record.authorization ?? '')?.[1];
        if (!bearer || (!options.anyBearer && !issued.has(bearer))) {
          return respond({
            kind: 'status',
            status: 401,
            canonical: 'UNAUTHENTICATED',
            message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          });
        }
        if (options.projects && !options.projects.includes(record.project!)) {
          return respond({
            kind: 'status',
            status: 403,
            canonical: 'PERMISSION_DENIED',
            message: `Permission 'cloudmessaging.messages.create' denied on resource '//cloudresourcemanager.googleapis.com/projects/${record.project}' (or it may not exist).`,
          });
        }
        const program = token ? programs.get(token) : undefined;
        if (program && (!record.validateOnly || program.validateOnly !== false)) return respond(program.behaviour);
        return json(200, {
          name: `projects/${record.project}/messages/${record.validateOnly ? 'fake_message_id' : `0:${Date.now()}%${randomBytes(4).toString('hex')}`}`,
        });

        function respond(b: FcmBehaviour): void {
          switch (b.kind) {
            case 'accept':
              return json(200, { name: `projects/${record.project}/messages/0:${Date.now()}` });
            case 'fcmError': {
              const e = FCM_ERRORS[b.errorCode] ?? { status: 400, canonical: 'INVALID_ARGUMENT', message: b.errorCode };
              return json(
                e.status,
                {
                  error: {
                    code: e.status,
                    message: b.message ?? e.message,
                    status: e.canonical,
                    details: [{ '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: b.errorCode }],
                  },
                },
                b.retryAfter !== undefined ? { 'retry-after': String(b.retryAfter) } : {},
              );
            }
            case 'status':
              return json(b.status, { error: { code: b.status, message: b.message, status: b.canonical } });
            case 'html':
              res.writeHead(b.status, { 'content-type': 'text/html; charset=UTF-8' });
              res.end(`<html><head><title>${b.status} Service Unavailable</title></head><body>Service Unavailable</body></html>`);
              return;
            case 'delay': {
              const t = setTimeout(() => respond(b.then ?? { kind: 'accept' }), b.ms);
              res.on('close', () => clearTimeout(t));
              return;
            }
            case 'hang':
              return;
          }
        }
      }
      json(404, { error: { code: 404, message: `no route ${req.method} ${url}`, status: 'NOT_FOUND' } });
    });
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    requests,
    oauthRequests,
    get handshakes() {
      return handshakes;
    },
    program(token, p) {
      programs.set(token, 'behaviour' in p ? p : { behaviour: p });
    },
    programOAuth(b) {
      oauth = b;
    },
    reset() {
      programs.clear();
      requests.length = 0;
      oauthRequests.length = 0;
      oauth = { kind: 'accept' };
    },
    waitForRequests(count) {
      return waitForCount(events, 'request', requests, count);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
