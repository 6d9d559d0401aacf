// FCM test pushes through firebase-admin 13: one App per certificate, its OAuth and sends going through an
// https.Agent that can dial `providers.fcm.url` (a proxy, or the test emulator) while keeping Google's host
// names for TLS and Host. A dry run (validate_only) first, then the real send. Imported only on the first FCM
// push (index.ts), so the CLI starts without firebase-admin.
import https from 'node:https';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { initializeApp, cert, deleteApp, type App } from 'firebase-admin/app';
import { getMessaging, type Messaging, type Message } from 'firebase-admin/messaging';
import { stripSecrets, TEST_ALERT } from '../result.js';
import type { FcmCertificateConfig, FcmSettings } from './config.js';

export interface FcmAnswer {
  ok: boolean;
  /** The firebase-admin code (messaging/…, app/…) on failure. */
  code?: string;
  /** The provider's message on failure (no credential in it: FCM and firebase-admin do not echo keys). */
  message?: string;
  /** The FCM message name on success. */
  messageId?: string;
  /** Which step failed: the dry run or the real send. */
  step?: 'validate' | 'send';
  timedOut?: boolean;
}

const DEFAULT_FCM = 'fcm.googleapis.com';

/** Keeps the requested host (SNI, Host, certificate check) but dials the configured FCM address. */
class RedirectAgent extends https.Agent {
  constructor(
    private readonly target: { host: string; port: number } | undefined,
    private readonly ca: Buffer | undefined,
  ) {
    super({ keepAlive: true, ...(ca ? { ca } : {}) });
  }

  // Returning the socket is enough: Node's Agent uses a synchronously returned connection.
  override createConnection(options: https.RequestOptions & tls.ConnectionOptions): Duplex {
    const servername = options.servername || (typeof options.host === 'string' ? options.host : undefined) || DEFAULT_FCM;
    return tls.connect({
      ...options,
      host: this.target?.host ?? options.host ?? DEFAULT_FCM,
      port: this.target?.port ?? Number(options.port ?? 443),
      servername,
      ...(this.ca ? { ca: this.ca } : {}),
    });
  }
}

// firebase-admin caches `cert(path, agent)` by path for the whole process, agent included: share one agent
// per FCM address so every credential for that address uses a working agent. Counted, so that closing one
// tester does not cut the connections (and in-flight requests) of another.
const agents = new Map<string, { agent: RedirectAgent; users: number }>();
const agentKey = (config: FcmSettings) => `${config.url}|${config.caFile ?? ''}`;

function acquireAgent(config: FcmSettings): RedirectAgent {
  const key = agentKey(config);
  let shared = agents.get(key);
  if (!shared) {
    const url = new URL(config.url);
    const target = url.hostname === DEFAULT_FCM && !url.port ? undefined : { host: url.hostname, port: url.port ? Number(url.port) : 443 };
    shared = { agent: new RedirectAgent(target, config.caFile ? readFileSync(config.caFile) : undefined), users: 0 };
    agents.set(key, shared);
  }
  shared.users++;
  return shared.agent;
}

function releaseAgent(config: FcmSettings): void {
  const key = agentKey(config);
  const shared = agents.get(key);
  if (!shared || --shared.users > 0) return;
  agents.delete(key);
  // A credential cached by firebase-admin may still hold this agent: destroy() only closes today's sockets,
  // and the agent keeps working for it.
  shared.agent.destroy();
}

export class FcmSender {
  private readonly apps = new Map<string, { app: App; messaging: Messaging }>();
  private agent: RedirectAgent | undefined;

  constructor(private readonly config: FcmSettings) {}

  /** The dry run (validate_only), then the real send; `dryRunOnly` stops after the dry run (a sweep). */
  async send(certificate: FcmCertificateConfig, projectId: string, token: string, dryRunOnly = false): Promise<FcmAnswer> {
    let messaging: Messaging;
    try {
      messaging = this.messaging(certificate, projectId);
    } catch (err) {
      return { ok: false, code: (err as { code?: string }).code ?? 'app/invalid-credential', message: clean(err), step: 'validate' };
    }
    const message: Message = {
      token,
      notification: { title: TEST_ALERT.title, body: TEST_ALERT.body },
      data: { imops: 'test' },
      android: { priority: 'high' },
    };
    const dry = await this.attempt(() => messaging.send(message, true), 'validate');
    if (!dry.ok || dryRunOnly) return dry;
    return this.attempt(() => messaging.send(message), 'send');
  }

  private async attempt(fn: () => Promise<string>, step: 'validate' | 'send'): Promise<FcmAnswer> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<FcmAnswer>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, step, timedOut: true, code: 'app/network-timeout', message: `FCM did not answer within ${this.config.timeoutMs} ms` }),
        this.config.timeoutMs,
      );
    });
    const call = fn().then(
      (messageId): FcmAnswer => ({ ok: true, messageId, step }),
      (err: unknown): FcmAnswer => ({ ok: false, code: (err as { code?: string }).code, message: clean(err), step }),
    );
    try {
      return await Promise.race([call, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private messaging(certificate: FcmCertificateConfig, projectId: string): Messaging {
    const key = `${certificate.id}|${certificate.serviceAccountFile}|${projectId}`;
    const existing = this.apps.get(key);
    if (existing) return existing.messaging;
    this.agent ??= acquireAgent(this.config);
    const agent = this.agent;
    const app = initializeApp(
      // The path form (not the parsed object) is what makes google-auth-library use the agent for OAuth too.
      { credential: cert(certificate.serviceAccountFile, agent), httpAgent: agent, projectId },
      `imops-fcm-${certificate.id}-${randomBytes(4).toString('hex')}`,
    );
    const messaging = getMessaging(app);
    limitRetries(messaging);
    this.apps.set(key, { app, messaging });
    return messaging;
  }

  async close(): Promise<void> {
    const apps = [...this.apps.values()];
    this.apps.clear();
    await Promise.all(apps.map(({ app }) => deleteApp(app).catch(() => undefined)));
    if (this.agent) {
      this.agent = undefined;
      releaseAgent(this.config);
    }
  }
}

/**
 * firebase-admin re-sends a 503 four times over about 7 s, and offers no option to change it. A test push
 * answers a person waiting in chat, so when the internal retry setting is where v13 keeps it, allow a single
 * immediate retry instead. If a later version moves it, the default retries apply and only speed differs.
 */
function limitRetries(messaging: Messaging): void {
  const handler = (messaging as unknown as { messagingRequestHandler?: { httpClient?: { retry?: unknown } } }).messagingRequestHandler;
  const client = handler?.httpClient;
  if (client && typeof client.retry === 'object' && client.retry !== null) {
    client.retry = { maxRetries: 1, statusCodes: [503], ioErrorCodes: ['ECONNRESET'], backOffFactor: 0, maxDelayInMillis: 1000 };
  }
}

/** firebase-admin's messages carry the server's text; strip anything that looks like key material anyway. */
function clean(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return stripSecrets(msg).slice(0, 500);
}
