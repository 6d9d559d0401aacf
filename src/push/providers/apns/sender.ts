// APNs test pushes through @parse/node-apn: one Provider (one HTTP/2 connection) per certificate and
// environment, created on first use and kept. Answers are reduced to plain data; verdicts are decided in
// test-push.ts. Imported only on the first APNs push (index.ts), so the CLI starts without node-apn.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { ClientHttp2Session } from 'node:http2';
import apn from '@parse/node-apn';
import { stripSecrets, TEST_ALERT } from '../result.js';
import type { ApnsEnvironment, ApnsSettings } from './config.js';
import type { ApnsCredential } from './credential.js';

export interface ApnsAnswer {
  environment: ApnsEnvironment;
  ok: boolean;
  status?: number;
  reason?: string;
  /** 410: when APNs last knew the token was valid (ms). */
  timestamp?: number;
  apnsId?: string;
  uniqueId?: string;
  /** Set when no APNs answer was received: what went wrong on the way (TLS, DNS, timeout, closed connection). */
  network?: NetworkFailure;
  /** The Provider could not be built from the credential (node-apn's own checks). */
  credentialError?: string;
}

/**
 * What went wrong on the way to APNs, as data (test-push.ts words it): `message` is node-apn's own text, cut of
 * anything PEM-like but not yet of the device token.
 */
export type NetworkFailure =
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'dns' | 'tls' | 'connect'; message: string }
  /** `goaway`: the GOAWAY APNs sent on this connection ("GOAWAY Shutdown"), when it sent one. */
  | { kind: 'closed'; goaway?: string }
  /** `noResult`: node-apn returned neither a success nor a failure. */
  | { kind: 'other'; message: string; noResult?: boolean };

interface Entry {
  provider: apn.Provider;
  sessions: number;
  /** The GOAWAY APNs sent on the current connection ("GOAWAY Shutdown"); a new connection forgets it. */
  goaway?: string;
}

export class ApnsSender {
  private readonly providers = new Map<string, Entry>();
  private ca: Buffer[] | undefined;
  // The credential object comes from the cached health inspection, so it is stable between pushes.
  private readonly fingerprints = new WeakMap<ApnsCredential, string>();
  private readonly notes = new Map<string, apn.Notification>();

  constructor(private readonly config: ApnsSettings) {}

  /** HTTP/2 sessions opened so far, per certificate and environment (for the benchmark and tests). */
  sessions(): Record<string, number> {
    return Object.fromEntries([...this.providers].map(([k, e]) => [k.split('|').slice(0, 2).join(' '), e.sessions]));
  }

  /**
   * One push. `alert` is the visible test notification; `background` the sweep's silent push (apns-push-type
   * background, priority 5, content-available 1, no alert, no sound): the app may wake, the user sees nothing.
   */
  async send(
    certificateId: string,
    topic: string,
    credential: ApnsCredential,
    environment: ApnsEnvironment,
    token: string,
    kind: 'alert' | 'background' = 'alert',
  ): Promise<ApnsAnswer> {
    let entry: Entry;
    try {
      entry = this.provider(certificateId, credential, environment);
    } catch (err) {
      return { environment, ok: false, credentialError: safeMessage(err) };
    }
    const { sent, failed } = await entry.provider.send(this.notification(topic, kind), token);
    const s = sent[0] as { 'apns-id'?: string; 'apns-unique-id'?: string } | undefined;
    if (s) return { environment, ok: true, apnsId: s['apns-id'], uniqueId: s['apns-unique-id'] };
    const f = failed[0] as unknown as FailedShape | undefined;
    return { environment, ok: false, ...this.describeFailure(f, entry) };
  }

  /** One notification per topic and kind: node-apn compiles it once and the same one serves every push. */
  private notification(topic: string, kind: 'alert' | 'background'): apn.Notification {
    const key = `${kind}|${topic}`;
    let note = this.notes.get(key);
    if (!note && kind === 'background') {
      note = new apn.Notification();
      note.topic = topic;
      note.pushType = 'background';
      note.priority = 5;
      note.contentAvailable = true;
      note.payload = { imops: { sweep: true } };
      this.notes.set(key, note);
    }
    if (!note) {
      note = new apn.Notification();
      note.alert = TEST_ALERT;
      note.topic = topic;
      note.pushType = 'alert';
      note.priority = 10;
      note.sound = 'default';
      note.payload = { imops: { test: true } };
      this.notes.set(key, note);
    }
    return note;
  }

  private describeFailure(f: FailedShape | undefined, entry: Entry): Omit<ApnsAnswer, 'environment' | 'ok'> {
    if (!f) return { network: { kind: 'other', message: '', noResult: true } };
    const status = typeof f.status === 'number' ? f.status : undefined;
    if (f.response?.reason) return { status, reason: f.response.reason, timestamp: f.response.timestamp, apnsId: f['apns-id'] };
    const message = errorText(f.error);
    // node-apn turns two APNs answers into errors without a response body (client.js): keep them as reasons.
    if (status === 403 && /ExpiredProviderToken/.test(message)) return { status, reason: 'ExpiredProviderToken', apnsId: f['apns-id'] };
    if (status === 500) return { status, reason: 'InternalServerError', apnsId: f['apns-id'] };
    if (status !== undefined) return { status, reason: message || undefined, apnsId: f['apns-id'] };
    return { network: classifyNetwork(message, this.config.timeoutMs, entry.goaway) };
  }

  private provider(certificateId: string, credential: ApnsCredential, environment: ApnsEnvironment): Entry {
    let fingerprint = this.fingerprints.get(credential);
    if (!fingerprint) {
      fingerprint = createHash('sha256')
        .update(JSON.stringify([credential.token?.keyId, credential.token?.teamId, credential.token?.key, credential.cert, credential.key]))
        .digest('hex')
        .slice(0, 16);
      this.fingerprints.set(credential, fingerprint);
    }
    const key = `${certificateId}|${environment}|${fingerprint}`;
    const existing = this.providers.get(key);
    if (existing) return existing;

    const url = new URL(environment === 'production' ? this.config.productionUrl : this.config.sandboxUrl);
    if (this.config.caFile && !this.ca) this.ca = [readFileSync(this.config.caFile)];
    const options: apn.ProviderOptions = {
      address: url.hostname,
      port: url.port ? Number(url.port) : 443,
      production: environment === 'production',
      // node-apn re-sends 429/5xx at once, ignoring Retry-After: a test push reports the first answer instead.
      connectionRetryLimit: 0,
      requestTimeout: this.config.timeoutMs,
      ...(this.ca ? { ca: this.ca } : {}),
      ...(credential.token ? { token: credential.token } : { cert: credential.cert, key: credential.key }),
    };
    const entry: Entry = { provider: new apn.Provider(options), sessions: 0 };
    watchSessions(entry);
    this.providers.set(key, entry);
    return entry;
  }

  async close(): Promise<void> {
    const entries = [...this.providers.values()];
    this.providers.clear();
    // node-apn's shutdown waits for session.close(), which never calls back on a session that already failed
    // (TLS or DNS error): give it a moment, then stop waiting; the session is destroyed either way.
    await Promise.all(
      entries.map(
        (e) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 500);
            timer.unref();
            void e.provider.shutdown(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
  }
}

interface FailedShape {
  device?: string;
  'apns-id'?: string;
  status?: number | string;
  response?: { reason?: string; timestamp?: number };
  error?: unknown;
}

interface ClientShape {
  connect?: () => Promise<void>;
  destroySession?: (session?: ClientHttp2Session) => void;
  retryRequest?: (error: unknown, session: ClientHttp2Session, ...rest: unknown[]) => Promise<unknown>;
  session?: ClientHttp2Session;
  config?: { connectionRetryLimit?: number };
}

/**
 * node-apn keeps its HTTP/2 session on `provider.client.session` and reports a GOAWAY only as "stream ended
 * unexpectedly". When that shape is there, imops listens on the session for APNs' GOAWAY reason, counts sessions,
 * and mends two node-apn behaviours that cost a device its own answer (issue 9, see below). If a later node-apn
 * changes the shape, the details are just less specific.
 */
function watchSessions(entry: Entry): void {
  const client = (entry.provider as unknown as { client?: ClientShape }).client;
  if (!client || typeof client.connect !== 'function') return;
  const connect = client.connect.bind(client);
  const seen = new WeakSet<ClientHttp2Session>();
  client.connect = async () => {
    await connect();
    const session = client.session;
    if (!session || seen.has(session)) return;
    seen.add(session);
    entry.sessions++;
    entry.goaway = undefined;
    session.on('goaway', (_code: number, _lastStreamId: number, data?: Buffer) => {
      // Node emits this before it starts closing the session itself: a session already closing was closed by
      // node-apn (after a 500), and a bare GOAWAY then is only APNs agreeing, not APNs ending the connection.
      const closedByUs = session.closed;
      let reason = 'GOAWAY';
      try {
        const parsed = data?.length ? (JSON.parse(data.toString('utf8')) as { reason?: string }) : undefined;
        if (parsed?.reason) reason = `GOAWAY ${parsed.reason}`;
      } catch {
        // GOAWAY without Apple's JSON: keep the bare name.
      }
      if (closedByUs && reason === 'GOAWAY') return;
      // Node repeats the event without data when the session is torn down: keep the first, informative one.
      if (client.session === session && (!entry.goaway || reason !== 'GOAWAY')) entry.goaway = reason;
    });
  };

  // node-apn checks "is the session closed?" before "is a retry allowed?": with connectionRetryLimit 0, a 429 or
  // 503 answered while another device's 500 was closing the connection came back as "client session is either
  // closed or destroyed", losing APNs' answer. No retry is allowed, so the answer is what the device gets.
  const retryRequest = client.retryRequest;
  if (typeof retryRequest === 'function') {
    client.retryRequest = async function (this: ClientShape, error: unknown, ...rest: unknown[]) {
      const count = typeof rest[rest.length - 1] === 'number' ? (rest[rest.length - 1] as number) : 0;
      if (count + 1 > (client.config?.connectionRetryLimit ?? 0)) throw error;
      return retryRequest.call(client, error, ...(rest as [ClientHttp2Session, ...unknown[]]));
    };
  }

  // After a 500, node-apn closes the session gracefully, and its GOAWAY handler then destroys it at once, cutting
  // every other device's stream still waiting for APNs. A closed session that is not destroyed yet still has
  // streams open (Node destroys it by itself when the last one ends), so it is left to end them: each ends with
  // its own answer or its own request timeout.
  const destroySession = client.destroySession;
  if (typeof destroySession === 'function') {
    client.destroySession = (session?: ClientHttp2Session) => {
      if (session?.closed && !session.destroyed) return;
      destroySession.call(client, session);
    };
  }
}

function errorText(err: unknown): string {
  if (!err) return '';
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const inner = typeof cause === 'function' ? (cause as () => unknown).call(err) : cause;
    const code = (inner as { code?: string } | undefined)?.code ?? (err as { code?: string }).code;
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
  }
  return String(err);
}

/** node-apn's messages name paths and reasons; cut anything PEM-like to be sure. */
function safeMessage(err: unknown): string {
  return stripSecrets(errorText(err)).slice(0, 300);
}

function classifyNetwork(message: string, timeoutMs: number, goaway: string | undefined): NetworkFailure {
  const m = safeMessage(message);
  if (/timeout/i.test(m) && !/ETIMEDOUT/.test(m)) return { kind: 'timeout', timeoutMs };
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/i.test(m)) return { kind: 'dns', message: m };
  if (/certificate|self[- ]signed|CERT_|SSL|TLS|handshake|altnames/i.test(m)) return { kind: 'tls', message: m };
  if (/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/i.test(m)) return { kind: 'connect', message: m };
  if (goaway) return { kind: 'closed', goaway };
  if (/stream ended unexpectedly|aborted|ECONNRESET|socket hang up|closed|GOAWAY/i.test(m)) return { kind: 'closed' };
  return { kind: 'other', message: m };
}
