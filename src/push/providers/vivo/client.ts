// The vivo push server API on Node's fetch and crypto: the signed auth request (sign = MD5 hex of appId +
// appKey + timestamp + appSecret), the authToken cached process-wide, and one notification to one regId. An
// authToken vivo calls invalid (result 10000) is renewed once and the send retried once.
import { createHash, randomUUID } from 'node:crypto';
import { VENDOR_ACCESS_TOKENS, tokenKey, type AccessTokenCache, type TokenFetch } from '../vendor-b/access-token.js';
import { transportFailure, unknownCode, type Failure } from '../vendor-b/explain.js';
import { field, VendorHttp, type VendorAnswer } from '../vendor-b/http-client.js';
import { VIVO_AUTH_PATH, VIVO_SEND_PATH, VIVO_TOKEN_LIFETIME_MS, type VivoCertificateConfig, type VivoSettings } from './config.js';
import { vivoClassification } from './credential.js';
import { VIVO_REASONS } from './reasons.js';

export type VivoOutcome = { ok: true; taskId?: string; retried: boolean } | { ok: false; step: 'auth' | 'send'; failure: Failure; retried: boolean };

const DOCS = "vivo's push server API result codes (dev.vivo.com.cn, 推送服务 > 服务端API)";

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

/** The failure a vivo answer stands for, or undefined when it is `result 0`. */
export function vivoFailure(answer: VendorAnswer): Failure | undefined {
  if (answer.kind !== 'answer') return transportFailure(VIVO_REASONS, answer);
  const code = field(answer.json, 'result');
  if (code === undefined) return transportFailure(VIVO_REASONS, answer);
  if (code === '0' && answer.status < 300) return undefined;
  const message = field(answer.json, 'desc');
  const entry = VIVO_REASONS.get(code);
  return {
    entry: entry ?? unknownCode('vivo', 'vivo push', code, message, DOCS),
    reason: code,
    status: answer.status,
    ...(message !== undefined && { message }),
    ...(!entry && { unknown: true }),
  };
}

export class VivoClient {
  readonly http: VendorHttp;

  constructor(
    settings: VivoSettings,
    private readonly tokens: AccessTokenCache = VENDOR_ACCESS_TOKENS,
    private readonly now: () => number = Date.now,
  ) {
    this.http = new VendorHttp(settings);
  }

  private key(cert: VivoCertificateConfig): string {
    return tokenKey('vivo', this.http.settings.url, cert.appId, cert.appKey, cert.appSecret);
  }

  /** A fresh authToken from vivo (not cached). */
  async fetchToken(cert: VivoCertificateConfig): Promise<TokenFetch<Failure>> {
    const timestamp = String(this.now());
    const answer = await this.http.post(VIVO_AUTH_PATH, {
      json: {
        appId: Number(cert.appId),
        appKey: cert.appKey,
        timestamp: Number(timestamp),
        sign: vivoSign(cert.appId, cert.appKey, timestamp, cert.appSecret),
      },
    });
    const failure = vivoFailure(answer);
    if (failure) return { ok: false, failure };
    const token = field((answer as { json: unknown }).json, 'authToken');
    if (!token) return { ok: false, failure: transportFailure(VIVO_REASONS, { ...(answer as Extract<VendorAnswer, { kind: 'answer' }>), json: undefined }) };
    return { ok: true, token, expiresAt: this.now() + VIVO_TOKEN_LIFETIME_MS };
  }

  async send(cert: VivoCertificateConfig, regId: string): Promise<VivoOutcome> {
    let retried = false;
    for (;;) {
      const auth = await this.tokens.get(this.key(cert), () => this.fetchToken(cert), this.now);
      if (!auth.ok) return { ok: false, step: 'auth', failure: auth.failure, retried };
      const answer = await this.http.post(VIVO_SEND_PATH, { json: vivoMessage(cert, regId) }, { authToken: auth.token });
      const failure = vivoFailure(answer);
      if (!failure) {
        const taskId = field((answer as { json: unknown }).json, 'taskId');
        return { ok: true, retried, ...(taskId !== undefined && { taskId }) };
      }
      if (failure.reason === '10000' && !retried) {
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
