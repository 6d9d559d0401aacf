// Honor Push test pushes: an OAuth access token per client (fetched once, reused until it expires, refreshed once
// when Honor refuses it with 401), then one send with the `timestamp` header, marked as a test message
// (`targetUserType: 1`). Honor has no dry run: a sweep checks the credential and the token's shape only.
import { say } from '../../../text/index.js';
import type { PushResult } from '../../types.js';
import { TEST_ALERT } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { joinUrl } from '../vendor/http.js';
import { field, jsonObject } from '../vendor/json.js';
import { liveOAuth, OAuthClient, oauthFailureResult } from '../vendor/oauth.js';
import { unansweredResult, VENDOR_NOTHING_SHOWS, vendorDelivered, vendorFailureResult, type VendorLoaded } from '../vendor/result.js';
import { HONOR_TOKEN_PATH, honorSendPath, type HonorCertificateConfig, type HonorSettings } from './config.js';
import { explainHonor, explainHonorOAuth, HONOR_REASONS } from './reasons.js';

type Context = TestContext<HonorCertificateConfig, VendorLoaded>;

/** The vendor as sentences name it ("Honor" / "荣耀"), and its push service ("Honor Push" / "荣耀推送"). */
const HONOR = say((t) => t.providers.honor.vendor);
const HONOR_PUSH = say((t) => t.providers.honor.names.display);

export function honorMessage(cert: HonorCertificateConfig, token: string) {
  return {
    android: {
      targetUserType: 1,
      notification: {
        title: TEST_ALERT.title,
        body: TEST_ALERT.body,
        clickAction: { type: 3 },
        ...(cert.importance !== undefined && { importance: cert.importance }),
      },
    },
    token: [token],
  };
}

export class HonorClient extends OAuthClient<HonorCertificateConfig> {
  constructor(
    override readonly settings: HonorSettings,
    now: () => number = Date.now,
  ) {
    super(settings, { provider: 'honor', vendor: HONOR, tokenPath: HONOR_TOKEN_PATH, explain: explainHonorOAuth }, now);
  }
}

export function honorTester(client: HonorClient): PushSender<HonorCertificateConfig, VendorLoaded> {
  return {
    test: (context) => testHonor(client, context),
    // No dry run at Honor: a sweep checks the access token and the token's shape, and sends nothing.
    sweep: (context) => testHonor(client, { ...context, validateOnly: true }),
    checkLive: async (cert): Promise<LiveCheck> => liveOAuth(await client.accessToken(cert), client.vendor(), cert.clientId, cert.clientSecret, Date.now()),
    close: () => client.close(),
  };
}

const STEP = say((t) => t.providers.honor.step);

async function testHonor(client: HonorClient, context: Context): Promise<PushResult> {
  const { certificate: cert, device } = context;
  const secrets = [cert.clientSecret];
  // No dry run at Honor (sweepMode credential_and_token): the credential and the token's shape, nothing sent.
  if (context.validateOnly) {
    const t = await client.accessToken(cert);
    if (!t.ok) return oauthFailureResult(context, t.failure, client.vendor(), secrets);
    return vendorDelivered(
      context,
      say((t) => t.providers.honor.noDryRun(cert.clientId)),
      say((t) => t.providers.honor.noDryRunFix),
      200,
      'credential_and_token',
      undefined,
    );
  }
  // A token Honor refuses as expired (401, in the status or the body) is fetched again once.
  const sent = await client.withToken(
    cert,
    (token) =>
      client.http.request(joinUrl(client.settings.url, honorSendPath(cert.appId)), {
        headers: { authorization: `Bearer ${token}`, timestamp: String(Date.now()) },
        json: honorMessage(cert, device.token),
      }),
    (r) => r.kind === 'answer' && (r.status === 401 || field(jsonObject(r.json), 'code') === '401'),
  );
  if (!sent.ok) return oauthFailureResult(context, sent.failure, client.vendor(), secrets);
  const r = sent.result;
  if (r.kind !== 'answer') {
    const where = { provider: 'honor', url: client.settings.url, setting: 'providers.honor.url' };
    return unansweredResult(context, STEP, r, { ...where, timedOut: HONOR, unreachable: HONOR_PUSH });
  }
  const body = jsonObject(r.json);
  const bodyCode = field(body, 'code');
  const message = typeof body.message === 'string' ? body.message : r.json === undefined && r.text ? r.text : undefined;
  const data = jsonObject(body.data);
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const requestId = typeof data.requestId === 'string' ? data.requestId : undefined;
  const extra = requestId ? say((t) => t.providers.honor.requestId(requestId)) : undefined;
  const fail = (reason: string, entryReason = reason) =>
    vendorFailureResult(
      context,
      { step: STEP, reason, status: r.status, message, entry: { ...explainHonor(entryReason), reason }, ...(extra && { extra }) },
      secrets,
    );
  if (r.status === 200 && bodyCode === '200') {
    if (list(data.expireTokens).includes(device.token) || (list(data.expireTokens).length > 0 && data.sendResult !== true)) return fail('expireTokens');
    if (list(data.failTokens).includes(device.token) || (list(data.failTokens).length > 0 && data.sendResult !== true)) return fail('failTokens');
    if (data.sendResult !== true) return fail('sendResult');
    return vendorDelivered(
      context,
      say((t) => t.providers.honor.accepted(cert.appId)),
      VENDOR_NOTHING_SHOWS,
      r.status,
      '200',
      message,
      requestId,
    );
  }
  const reason = bodyCode && bodyCode !== String(r.status) ? bodyCode : `HTTP ${r.status}`;
  const known = HONOR_REASONS.has(reason) ? reason : `HTTP ${r.status}`;
  return fail(reason, HONOR_REASONS.has(known) ? known : reason);
}
