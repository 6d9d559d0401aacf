// Huawei Push Kit test pushes: an OAuth access token per OAuth client (fetched once, reused until it expires,
// refreshed once when Push Kit calls it expired), then `validate_only: true` and the real send, as FCM does.
// The message is a visible notification marked as a test message (`target_user_type: 1`).
import type { Logger } from '../../../log.js';
import { say, verbatim, type Words } from '../../../text/index.js';
import type { PushResult } from '../../types.js';
import { TEST_ALERT } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { joinUrl, type VendorHttpResult } from '../vendor/http.js';
import { field, jsonObject } from '../vendor/json.js';
import { liveOAuth, OAuthClient, oauthFailureResult, type OAuthFailure } from '../vendor/oauth.js';
import { unansweredResult, VENDOR_NOTHING_SHOWS, vendorDelivered, vendorFailureResult, type VendorLoaded } from '../vendor/result.js';
import { HUAWEI_TOKEN_PATH, huaweiSendPath, type HuaweiCertificateConfig, type HuaweiSettings } from './config.js';
import { explainHuawei, explainHuaweiOAuth, HUAWEI_REASONS } from './reasons.js';

type Context = TestContext<HuaweiCertificateConfig, VendorLoaded>;

/** The vendor as sentences name it ("Huawei" / "华为"), and its push service ("Push Kit" in every language). */
const HUAWEI = say((t) => t.providers.huawei.vendor);
const PUSH_KIT = verbatim('Push Kit');

/** One Push Kit answer, as data. */
export type HuaweiAnswer =
  | { kind: 'oauth'; failure: OAuthFailure }
  | { kind: 'transport'; result: Exclude<VendorHttpResult, { kind: 'answer' }> }
  | { kind: 'answer'; status: number; code?: string; msg?: string; requestId?: string; illegalTokens?: string[] };

export function huaweiMessage(cert: HuaweiCertificateConfig, token: string, validateOnly: boolean) {
  return {
    validate_only: validateOnly,
    message: {
      android: {
        ...(cert.category !== undefined && { category: cert.category }),
        target_user_type: 1,
        notification: { title: TEST_ALERT.title, body: TEST_ALERT.body, click_action: { type: 3 }, importance: 'NORMAL' },
      },
      token: [token],
    },
  };
}

export class HuaweiClient extends OAuthClient<HuaweiCertificateConfig> {
  constructor(
    override readonly settings: HuaweiSettings,
    now: () => number = Date.now,
  ) {
    super(settings, { provider: 'huawei', vendor: HUAWEI, tokenPath: HUAWEI_TOKEN_PATH, explain: explainHuaweiOAuth }, now);
  }

  /** One request; a token Push Kit calls expired (80200003) is dropped and the request made once more. */
  async send(cert: HuaweiCertificateConfig, token: string, validateOnly: boolean): Promise<HuaweiAnswer & { refreshed?: boolean }> {
    const sent = await this.withToken(
      cert,
      (accessToken) => this.once(cert, token, validateOnly, accessToken),
      (a) => a.kind === 'answer' && a.code === '80200003',
    );
    const answer: HuaweiAnswer = sent.ok ? sent.result : { kind: 'oauth', failure: sent.failure };
    return sent.retried ? { ...answer, refreshed: true } : answer;
  }

  private async once(cert: HuaweiCertificateConfig, token: string, validateOnly: boolean, accessToken: string): Promise<HuaweiAnswer> {
    const r = await this.http.request(joinUrl(this.settings.url, huaweiSendPath(cert.appId)), {
      headers: { authorization: `Bearer ${accessToken}` },
      json: huaweiMessage(cert, token, validateOnly),
    });
    if (r.kind !== 'answer') return { kind: 'transport', result: r };
    const body = jsonObject(r.json);
    const code = field(body, 'code');
    const msg = typeof body.msg === 'string' ? body.msg : r.json === undefined && r.text ? r.text : undefined;
    let illegalTokens: string[] | undefined;
    if (code === '80100000' && msg) {
      try {
        const parts = JSON.parse(msg) as { illegal_tokens?: unknown };
        if (Array.isArray(parts.illegal_tokens)) illegalTokens = parts.illegal_tokens.filter((x): x is string => typeof x === 'string');
      } catch {
        // Not the documented JSON: the code alone decides.
      }
    }
    return {
      kind: 'answer',
      status: r.status,
      ...(code !== undefined && { code }),
      ...(msg !== undefined && { msg }),
      ...(typeof body.requestId === 'string' && { requestId: body.requestId }),
      ...(illegalTokens && { illegalTokens }),
    };
  }
}

const STEP = {
  validate: say((t) => t.providers.huawei.steps.validate),
  send: say((t) => t.providers.huawei.steps.send),
} as const;

export function huaweiTester(client: HuaweiClient, _log?: Logger): PushSender<HuaweiCertificateConfig, VendorLoaded> {
  return {
    test: (context) => testHuawei(client, context),
    // A sweep shows nothing on the phone: Huawei's validate_only dry run alone.
    sweep: (context) => testHuawei(client, { ...context, validateOnly: true }),
    checkLive: (cert) => liveHuawei(client, cert),
    close: () => client.close(),
  };
}

async function testHuawei(client: HuaweiClient, context: Context): Promise<PushResult> {
  const { certificate: cert, device } = context;
  const steps: ('validate' | 'send')[] = context.validateOnly ? ['validate'] : ['validate', 'send'];
  let last: HuaweiAnswer | undefined;
  for (const step of steps) {
    const answer = await client.send(cert, device.token, step === 'validate');
    last = answer;
    const failed = explainAnswer(client, context, answer, STEP[step]);
    if (failed) return failed;
  }
  const a = last as Extract<HuaweiAnswer, { kind: 'answer' }>;
  return vendorDelivered(
    context,
    say((t) => (context.validateOnly ? t.providers.huawei.validated(cert.appId) : t.providers.huawei.accepted(cert.appId))),
    VENDOR_NOTHING_SHOWS,
    a.status,
    a.code ?? '80000000',
    a.msg,
    a.requestId,
  );
}

/** A PushResult for anything but success; undefined when Push Kit accepted. */
function explainAnswer(client: HuaweiClient, context: Context, answer: HuaweiAnswer, step: Words): PushResult | undefined {
  const secrets = [context.certificate.clientSecret];
  if (answer.kind === 'oauth') return oauthFailureResult(context, answer.failure, client.vendor(), secrets);
  if (answer.kind === 'transport') {
    const where = { provider: 'huawei', url: client.settings.url, setting: 'providers.huawei.url' };
    return unansweredResult(context, step, answer.result, { ...where, timedOut: PUSH_KIT, unreachable: PUSH_KIT });
  }
  if (answer.status === 200 && answer.code === '80000000') return undefined;
  const reason = answer.code ?? `HTTP ${answer.status}`;
  // The code decides when imops knows it; a code it does not know on a failing status is shown with that status' row.
  const known = HUAWEI_REASONS.has(reason) ? reason : HUAWEI_REASONS.has(`HTTP ${answer.status}`) ? `HTTP ${answer.status}` : reason;
  const entry = { ...explainHuawei(known), reason };
  const illegal = answer.illegalTokens?.includes(context.device.token) ?? false;
  const { requestId } = answer;
  const extra =
    illegal || requestId
      ? say((t) => t.pushWords.vendor.sentences([illegal ? t.providers.huawei.inIllegalTokens : '', requestId ? t.providers.huawei.requestId(requestId) : '']))
      : undefined;
  return vendorFailureResult(context, { step, reason, status: answer.status, message: answer.msg, entry, ...(extra && { extra }) }, secrets);
}

async function liveHuawei(client: HuaweiClient, cert: HuaweiCertificateConfig): Promise<LiveCheck> {
  const live = await liveOAuth(await client.accessToken(cert), client.vendor(), cert.clientId, cert.clientSecret, Date.now());
  if (/\/\/login\.cloud\.huawei\.com|api\.push\.hicloud\.com/.test(`${client.settings.authUrl} ${client.settings.url}`)) {
    live.problems.unshift({
      level: 'warning',
      verdict: 'CREDENTIAL_INVALID',
      problem: say((t) => t.providers.huawei.legacyHost.problem),
      fix: say((t) => t.providers.huawei.legacyHost.fix),
    });
  }
  return live;
}
