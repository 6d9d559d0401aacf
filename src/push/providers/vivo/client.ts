// The vivo push server API on Node's fetch and crypto: the signed auth request (sign = MD5 hex of appId +
// appKey + timestamp + appSecret), the authToken cached process-wide, and one notification to one regId. An
// authToken vivo calls invalid (result 10000) is renewed once and the send retried once.
import { createHash, randomUUID } from 'node:crypto';
import { say } from '../../../text/index.js';
import { type AccessTokenCache, type TokenOutcome, VENDOR_ACCESS_TOKENS } from '../vendor/access-token.js';
import { field } from '../vendor/json.js';
import { type CodeFields, type Failure, tokenFrom } from '../vendor/result.js';
import { SignedTokenClient } from '../vendor/token-client.js';
import { VIVO_AUTH_PATH, VIVO_SEND_PATH, VIVO_TOKEN_LIFETIME_MS, type VivoCertificateConfig, type VivoSettings } from './config.js';
import { vivoClassification } from './credential.js';
import { VIVO_REASONS } from './reasons.js';

export type VivoOutcome = { ok: true; taskId?: string; retried: boolean } | { ok: false; step: 'auth' | 'send'; failure: Failure; retried: boolean };

/**
 * The test alert for vivo: formal messages may not be pure English, nor contain 测试 ("test") or brackets, so
 * the title and text are Chinese first (≤ 20 and ≤ 50 CJK characters).
 */
export const VIVO_ALERT = {
  title: 'imops 推送检查',
  content: '这是 imops 发送的推送检查通知，用于确认通知能否到达，可以忽略。',
};

export function vivoSign(appId: string, appKey: string, timestamp: string, appSecret: string): string {
  return createHash('md5').update(`${appId}${appKey}${timestamp}${appSecret}`.trim(), 'utf8').digest('hex');
}

const VIVO: CodeFields = {
  provider: 'vivo',
  name: say((t) => t.providers.vivo.serviceName),
  table: VIVO_REASONS,
  code: 'result',
  message: 'desc',
  docs: say((t) => t.providers.vivo.docs),
};

export class VivoClient extends SignedTokenClient<VivoCertificateConfig> {
  constructor(settings: VivoSettings, tokens: AccessTokenCache = VENDOR_ACCESS_TOKENS, now: () => number = Date.now) {
    super(VIVO, settings, tokens, now);
  }

  protected credentials(cert: VivoCertificateConfig): string[] {
    return [cert.appId, cert.appKey, cert.appSecret];
  }

  async fetchToken(cert: VivoCertificateConfig): Promise<TokenOutcome<Failure>> {
    const timestamp = String(this.now());
    const answer = await this.http.post(VIVO_AUTH_PATH, {
      json: {
        appId: Number(cert.appId),
        appKey: cert.appKey,
        timestamp: Number(timestamp),
        sign: vivoSign(cert.appId, cert.appKey, timestamp, cert.appSecret),
      },
    });
    return tokenFrom(answer, VIVO, (json) => {
      const token = field(json, 'authToken');
      return token ? { token, expiresAt: this.now() + VIVO_TOKEN_LIFETIME_MS } : undefined;
    });
  }

  /** One notification; an authToken vivo calls invalid (result 10000) is renewed once. */
  async send(cert: VivoCertificateConfig, regId: string): Promise<VivoOutcome> {
    const sent = await this.withToken(cert, '10000', (token) => this.http.post(VIVO_SEND_PATH, { json: vivoMessage(cert, regId) }, { authToken: token }));
    if (!sent.ok) return sent;
    const taskId = field(sent.json, 'taskId');
    return { ok: true, retried: sent.retried, ...(taskId !== undefined && { taskId }) };
  }
}

/** One notification that opens the app; `requestId` is unique per send, as vivo requires. */
export function vivoMessage(cert: VivoCertificateConfig, regId: string): Record<string, unknown> {
  return {
    appId: Number(cert.appId),
    regId,
    notifyType: 4,
    title: VIVO_ALERT.title,
    content: VIVO_ALERT.content,
    skipType: 1,
    timeToLive: 86_400,
    requestId: randomUUID().replace(/-/g, ''),
    classification: vivoClassification(cert),
    ...(cert.category && { category: cert.category.toUpperCase() }),
    pushMode: cert.pushMode,
  };
}
