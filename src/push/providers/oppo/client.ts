// The OPPO push server API on Node's fetch and crypto: the signed auth request (sign = SHA-256 hex of
// app_key + timestamp + master_secret), the auth_token cached process-wide for its lifetime, and one unicast
// notification. An expired or invalid auth_token (code 11) is renewed once and the send retried once.
import { createHash } from 'node:crypto';
import { say } from '../../../text/index.js';
import { TEST_ALERT } from '../result.js';
import { type AccessTokenCache, type TokenOutcome, VENDOR_ACCESS_TOKENS } from '../vendor/access-token.js';
import { field, jsonObject } from '../vendor/json.js';
import { type CodeFields, type Failure, tokenFrom } from '../vendor/result.js';
import { SignedTokenClient } from '../vendor/token-client.js';
import { OPPO_AUTH_PATH, OPPO_TOKEN_LIFETIME_MS, OPPO_UNICAST_PATH, type OppoCertificateConfig, type OppoSettings } from './config.js';
import { OPPO_REASONS } from './reasons.js';

export type OppoOutcome = { ok: true; messageId?: string; retried: boolean } | { ok: false; step: 'auth' | 'send'; failure: Failure; retried: boolean };

export function oppoSign(appKey: string, timestamp: string, masterSecret: string): string {
  return createHash('sha256').update(`${appKey}${timestamp}${masterSecret}`, 'utf8').digest('hex');
}

const OPPO: CodeFields = {
  provider: 'oppo',
  name: say((t) => t.providers.oppo.serviceName),
  table: OPPO_REASONS,
  code: 'code',
  message: 'message',
  docs: say((t) => t.providers.oppo.docs),
};

export class OppoClient extends SignedTokenClient<OppoCertificateConfig> {
  constructor(settings: OppoSettings, tokens: AccessTokenCache = VENDOR_ACCESS_TOKENS, now: () => number = Date.now) {
    super(OPPO, settings, tokens, now);
  }

  protected credentials(cert: OppoCertificateConfig): string[] {
    return [cert.appKey, cert.masterSecret];
  }

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

  /** One unicast; an auth_token OPPO calls expired or invalid (code 11) is renewed once. */
  async send(cert: OppoCertificateConfig, registrationId: string): Promise<OppoOutcome> {
    const sent = await this.withToken(cert, '11', (token) =>
      this.http.post(OPPO_UNICAST_PATH, { form: { auth_token: token, message: JSON.stringify(oppoMessage(cert, registrationId)) } }),
    );
    if (!sent.ok) return sent;
    const messageId = field(jsonObject(sent.json).data, 'messageId');
    return { ok: true, retried: sent.retried, ...(messageId !== undefined && { messageId }) };
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
