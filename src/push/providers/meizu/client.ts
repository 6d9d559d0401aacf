// The Meizu push server API on Node's fetch and crypto. Meizu has no token exchange: every request carries
// `sign` = MD5 hex of the parameters sorted by name as `k=v` (raw values, no separators) followed by the
// appSecret. `code "200"` with a non-empty `value` map is a failure for the pushIds it lists.
import { createHash } from 'node:crypto';
import { say } from '../../../text/index.js';
import { TEST_ALERT } from '../result.js';
import { type CodeFields, codeFailure, type Failure, unknownCode } from '../vendor/result.js';
import { VendorHttp, type VendorHttpAnswer, type VendorHttpResult } from '../vendor/http.js';
import { field } from '../vendor/json.js';
import { MEIZU_PUSH_PATH, type MeizuCertificateConfig, type MeizuSettings } from './config.js';
import { MEIZU_REASONS, PER_PUSH_ID } from './reasons.js';

export type MeizuOutcome = { ok: true; msgId?: string } | { ok: false; failure: Failure; perPushId: boolean };

const NAME = say((t) => t.providers.meizu.serviceName);
const DOCS = say((t) => t.providers.meizu.docs);
const MEIZU: CodeFields = { provider: 'meizu', name: NAME, table: MEIZU_REASONS, code: 'code', message: 'message', docs: DOCS };

export function meizuSign(params: Record<string, string>, appSecret: string): string {
  const text = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('');
  return createHash('md5').update(`${text}${appSecret}`, 'utf8').digest('hex');
}

/** A title and text within Meizu's limits (1–32 and 1–100 characters). */
export const MEIZU_MESSAGE = JSON.stringify({
  noticeBarInfo: { noticeMsgType: 0, title: TEST_ALERT.title.slice(0, 32), content: TEST_ALERT.body.slice(0, 100) },
  clickTypeInfo: { clickType: 0 },
  pushTimeInfo: { offLine: 1, validTime: 24 },
});

/** What a Meizu answer means for `pushId`: undefined when it was accepted for it. */
export function meizuFailure(answer: VendorHttpResult, pushId: string): (Failure & { perPushId: boolean }) | undefined {
  const failure = codeFailure(answer, MEIZU, '200');
  if (failure) return { ...failure, perPushId: false };
  const json = (answer as VendorHttpAnswer).json;
  const message = field(json, 'message') || undefined;
  const value = (json as { value?: unknown }).value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const listed = Object.entries(value as Record<string, unknown>).filter(([, ids]) => !Array.isArray(ids) || ids.length > 0);
  if (listed.length === 0) return undefined;
  // The code that names this pushId; when none does, the first (a non-empty map is never success).
  const [perCode] = listed.find(([, ids]) => Array.isArray(ids) && ids.includes(pushId)) ?? listed[0]!;
  const entry = MEIZU_REASONS.get(`${PER_PUSH_ID}${perCode}`);
  return {
    entry: entry ?? unknownCode('meizu', NAME, perCode, message, DOCS),
    reason: perCode,
    status: '200',
    message: `code 200 with value ${JSON.stringify(value).slice(0, 300)}`,
    ...(!entry && { unknown: true }),
    perPushId: true,
  };
}

export class MeizuClient {
  readonly http: VendorHttp;

  constructor(settings: MeizuSettings) {
    this.http = new VendorHttp(settings);
  }

  /** The signed form for one notification to `pushIds` (comma-separated). */
  static form(cert: MeizuCertificateConfig, pushIds: string, messageJson: string = MEIZU_MESSAGE): Record<string, string> {
    const params = { appId: cert.appId, messageJson, pushIds };
    return { ...params, sign: meizuSign(params, cert.appSecret) };
  }

  async send(cert: MeizuCertificateConfig, pushId: string): Promise<MeizuOutcome> {
    const answer = await this.http.post(MEIZU_PUSH_PATH, { form: MeizuClient.form(cert, pushId) });
    const failure = meizuFailure(answer, pushId);
    if (failure) {
      const { perPushId, ...rest } = failure;
      return { ok: false, failure: rest, perPushId };
    }
    const msgId = field((answer as { json: unknown }).json, 'msgId');
    return { ok: true, ...(msgId && { msgId }) };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
