// The OPPO push server API on Node's fetch and crypto: the signed auth request (sign = SHA-256 hex of
// app_key + timestamp + master_secret), the auth_token cached process-wide for its lifetime, and one unicast
// notification. An expired or invalid auth_token (code 11) is renewed once and the send retried once.
import { createHash } from 'node:crypto';
import { TEST_ALERT } from '../result.js';
import { VENDOR_ACCESS_TOKENS, tokenKey, type AccessTokenCache, type TokenFetch } from '../vendor-b/access-token.js';
import { transportFailure, unknownCode, type Failure } from '../vendor-b/explain.js';
import { field, VendorHttp, type VendorAnswer } from '../vendor-b/http-client.js';
import { OPPO_AUTH_PATH, OPPO_TOKEN_LIFETIME_MS, OPPO_UNICAST_PATH, type OppoCertificateConfig, type OppoSettings } from './config.js';
import { OPPO_REASONS } from './reasons.js';

export type OppoOutcome = { ok: true; messageId?: string; retried: boolean } | { ok: false; step: 'auth' | 'send'; failure: Failure; retried: boolean };

const DOCS = 'the OPPO push server API return codes (open.oppomobile.com, 推送服务 > 服务端API)';

export function oppoSign(appKey: string, timestamp: string, masterSecret: string): string {
  return createHash('sha256').update(`${appKey}${timestamp}${masterSecret}`, 'utf8').digest('hex');
}

/** The failure an OPPO answer stands for, or undefined when it is `code 0`. */
export function oppoFailure(answer: VendorAnswer): Failure | undefined {
  if (answer.kind !== 'answer') return transportFailure(OPPO_REASONS, answer);
  const code = field(answer.json, 'code');
  if (code === undefined) return transportFailure(OPPO_REASONS, answer);
  if (code === '0' && answer.status < 300) return undefined;
  const message = field(answer.json, 'message');
  const entry = OPPO_REASONS.get(code);
  return {
    entry: entry ?? unknownCode('oppo', 'OPPO push', code, message, DOCS),
    reason: code,
    status: answer.status,
    ...(message !== undefined && { message }),
    ...(!entry && { unknown: true }),
  };
}

export class OppoClient {
  readonly http: VendorHttp;

  constructor(
    settings: OppoSettings,
    private readonly tokens: AccessTokenCache = VENDOR_ACCESS_TOKENS,
    private readonly now: () => number = Date.now,
  ) {
    this.http = new VendorHttp(settings);
  }

  private key(cert: OppoCertificateConfig): string {
    return tokenKey('oppo', this.http.settings.url, cert.appKey, cert.masterSecret);
  }

  /** A fresh auth_token from OPPO (not cached): `push certs --live` and the cache use it. */
  async fetchToken(cert: OppoCertificateConfig): Promise<TokenFetch<Failure>> {
    const timestamp = String(this.now());
    const answer = await this.http.post(OPPO_AUTH_PATH, {
      form: { app_key: cert.appKey, timestamp, sign: oppoSign(cert.appKey, timestamp, cert.masterSecret) },
    });
    const failure = oppoFailure(answer);
    if (failure) return { ok: false, failure };
    const data = (answer as { json: { data?: { auth_token?: unknown; create_time?: unknown } } }).json.data;
    const token = typeof data?.auth_token === 'string' ? data.auth_token : undefined;
    if (!token) return { ok: false, failure: transportFailure(OPPO_REASONS, { ...(answer as Extract<VendorAnswer, { kind: 'answer' }>), json: undefined }) };
    const created = typeof data?.create_time === 'number' && Math.abs(data.create_time - this.now()) < 86_400_000 ? data.create_time : this.now();
    return { ok: true, token, expiresAt: created + OPPO_TOKEN_LIFETIME_MS };
  }

  private token(cert: OppoCertificateConfig): Promise<TokenFetch<Failure>> {
    return this.tokens.get(this.key(cert), () => this.fetchToken(cert), this.now);
  }

  async send(cert: OppoCertificateConfig, registrationId: string): Promise<OppoOutcome> {
    let retried = false;
    for (;;) {
      const auth = await this.token(cert);
      if (!auth.ok) return { ok: false, step: 'auth', failure: auth.failure, retried };
      const answer = await this.http.post(OPPO_UNICAST_PATH, {
        form: { auth_token: auth.token, message: JSON.stringify(oppoMessage(cert, registrationId)) },
      });
      const failure = oppoFailure(answer);
      if (!failure) {
        const data = (answer as { json: { data?: { messageId?: unknown } } }).json.data;
        return { ok: true, retried, ...(typeof data?.messageId === 'string' && { messageId: data.messageId }) };
      }
      if (failure.reason === '11' && !retried) {
        this.tokens.invalidate(this.key(cert), auth.token);
        retried = true;
        continue;
      }
      return { ok: false, step: 'send', failure, retried };
    }
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** The unicast message: one visible notification that opens the app. */
export function oppoMessage(cert: OppoCertificateConfig, registrationId: string): Record<string, unknown> {
  return {
    target_type: 2,
    target_value: registrationId,
    notification: {
      title: TEST_ALERT.title,
      content: TEST_ALERT.body.slice(0, 200),
      click_action_type: 0,
      ...(cert.channelId && { channel_id: cert.channelId }),
      ...(cert.category && { category: cert.category }),
      // notify_level belongs to the classification: sent with a category (2: shade and lock screen) or when set.
      ...(cert.notifyLevel !== undefined ? { notify_level: cert.notifyLevel } : cert.category ? { notify_level: 2 } : {}),
    },
  };
}
