// The OPPO push server API on Node's fetch and crypto: the signed auth request (sign = SHA-256 hex of
// app_key + timestamp + master_secret), the auth_token cached process-wide for its lifetime, and one unicast
// notification. An expired or invalid auth_token (code 11) is renewed once and the send retried once.
import { createHash } from 'node:crypto';
import { TEST_ALERT } from '../result.js';
import { type AccessTokenCache, type TokenOutcome, tokenKey, VENDOR_ACCESS_TOKENS, withAccessToken } from '../vendor/access-token.js';
import { VendorHttp, type VendorHttpAnswer, type VendorHttpResult } from '../vendor/http.js';
import { field, jsonObject } from '../vendor/json.js';
import { type CodeFields, codeFailure, type Failure, tokenFrom } from '../vendor/result.js';
import { OPPO_AUTH_PATH, OPPO_TOKEN_LIFETIME_MS, OPPO_UNICAST_PATH, type OppoCertificateConfig, type OppoSettings } from './config.js';
import { OPPO_REASONS } from './reasons.js';

export type OppoOutcome = { ok: true; messageId?: string; retried: boolean } | { ok: false; step: 'auth' | 'send'; failure: Failure; retried: boolean };

const DOCS = 'the OPPO push server API return codes (open.oppomobile.com, 推送服务 > 服务端API)';

export function oppoSign(appKey: string, timestamp: string, masterSecret: string): string {
  return createHash('sha256').update(`${appKey}${timestamp}${masterSecret}`, 'utf8').digest('hex');
}

const OPPO: CodeFields = { provider: 'oppo', name: 'OPPO push', table: OPPO_REASONS, code: 'code', message: 'message', docs: DOCS };

/** The failure an OPPO answer stands for, or undefined when it is `code 0`. */
export function oppoFailure(answer: VendorHttpResult): Failure | undefined {
  return codeFailure(answer, OPPO);
}

export class OppoClient {
  readonly http: VendorHttp;

  constructor(
    private readonly settings: OppoSettings,
    private readonly tokens: AccessTokenCache = VENDOR_ACCESS_TOKENS,
    private readonly now: () => number = Date.now,
  ) {
    this.http = new VendorHttp(settings);
  }

  private key(cert: OppoCertificateConfig): string {
    return tokenKey('oppo', this.settings.url, cert.appKey, cert.masterSecret);
  }

  /** A fresh auth_token from OPPO (not cached): `push certs --live` and the cache use it. */
  async fetchToken(cert: OppoCertificateConfig): Promise<TokenOutcome<Failure>> {
    const timestamp = String(this.now());
    const answer = await this.http.post(OPPO_AUTH_PATH, {
      form: { app_key: cert.appKey, timestamp, sign: oppoSign(cert.appKey, timestamp, cert.masterSecret) },
    });
    return tokenFrom(answer, OPPO, (json) => {
      const data = jsonObject(jsonObject(json).data);
      const token = typeof data.auth_token === 'string' ? data.auth_token : undefined;
      const created = typeof data.create_time === 'number' && Math.abs(data.create_time - this.now()) < 86_400_000 ? data.create_time : this.now();
      return token ? { token, expiresAt: created + OPPO_TOKEN_LIFETIME_MS } : undefined;
    });
  }

  async send(cert: OppoCertificateConfig, registrationId: string): Promise<OppoOutcome> {
    const sent = await withAccessToken(
      this.tokens,
      this.key(cert),
      () => this.fetchToken(cert),
      async (token) => {
        const answer = await this.http.post(OPPO_UNICAST_PATH, { form: { auth_token: token, message: JSON.stringify(oppoMessage(cert, registrationId)) } });
        return { answer, failure: oppoFailure(answer) };
      },
      // An auth_token OPPO calls expired or invalid (code 11).
      (r) => r.failure?.reason === '11',
      this.now,
    );
    if (!sent.ok) return { ok: false, step: 'auth', failure: sent.failure, retried: sent.retried };
    const { answer, failure } = sent.result;
    if (failure) return { ok: false, step: 'send', failure, retried: sent.retried };
    const messageId = field(jsonObject((answer as VendorHttpAnswer).json).data, 'messageId');
    return { ok: true, retried: sent.retried, ...(messageId !== undefined && { messageId }) };
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
