// Xiaomi Mi Push test pushes: one form POST to /v3/message/regid with `Authorization: key=<AppSecret>`, the
// package name and the channel ID. Xiaomi has no token exchange and no Android dry run.
import { say } from '../../../text/index.js';
import type { PushResult } from '../../types.js';
import { TEST_ALERT } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { joinUrl, VendorHttp } from '../vendor/http.js';
import { field, jsonObject } from '../vendor/json.js';
import { unansweredResult, VENDOR_NOTHING_SHOWS, vendorDelivered, vendorFailureResult, type VendorLoaded } from '../vendor/result.js';
import { XIAOMI_SEND_PATH, type XiaomiCertificateConfig, type XiaomiSettings } from './config.js';
import { explainXiaomi, XIAOMI_REASONS } from './reasons.js';

type Context = TestContext<XiaomiCertificateConfig, VendorLoaded>;

/** Xiaomi limits: title under 50 characters, description under 128. */
export function xiaomiForm(cert: XiaomiCertificateConfig, token: string): Record<string, string> {
  return {
    registration_id: token,
    restricted_package_name: cert.packageName,
    pass_through: '0',
    title: TEST_ALERT.title.slice(0, 49),
    description: TEST_ALERT.body.slice(0, 127),
    notify_type: '-1',
    'extra.notify_effect': '1',
    ...(cert.channelId !== undefined && { 'extra.channel_id': cert.channelId }),
  };
}

const STEP = say((t) => t.providers.xiaomi.step);

export function xiaomiTester(settings: XiaomiSettings): PushSender<XiaomiCertificateConfig, VendorLoaded> {
  const http = new VendorHttp(settings);
  return {
    test: (context) => testXiaomi(http, settings, context),
    sweep: (context) => testXiaomi(http, settings, { ...context, validateOnly: true }),
    checkLive: (cert) => liveXiaomi(http, settings, cert),
    close: () => http.close(),
  };
}

async function testXiaomi(http: VendorHttp, settings: XiaomiSettings, context: Context): Promise<PushResult> {
  const { certificate: cert, device } = context;
  const secrets = [cert.appSecret];
  // No dry run and no token endpoint at Xiaomi (sweepMode credential_and_token): the config and the token's
  // shape were checked by preflight; nothing is sent.
  if (context.validateOnly) {
    return vendorDelivered(
      context,
      say((t) => t.providers.xiaomi.sweepCause),
      say((t) => t.providers.xiaomi.sweepFix),
      0,
      'credential_and_token',
      undefined,
    );
  }
  const r = await http.request(joinUrl(settings.url, XIAOMI_SEND_PATH), {
    headers: { authorization: `key=${cert.appSecret}` },
    form: xiaomiForm(cert, device.token),
  });
  if (r.kind !== 'answer') {
    const where = { provider: 'xiaomi', url: settings.url, setting: 'providers.xiaomi.url' };
    return unansweredResult(context, STEP, r, {
      ...where,
      timedOut: say((t) => t.providers.xiaomi.vendorName),
      unreachable: say((t) => t.providers.xiaomi.serviceName),
    });
  }
  const body = jsonObject(r.json);
  const code = field(body, 'code');
  const words = [...new Set([body.reason, body.description].filter((x): x is string => typeof x === 'string' && x !== ''))];
  const message = words.length ? words.join(' / ') : r.json === undefined && r.text ? r.text : undefined;
  const data = jsonObject(body.data);
  // The day quota figures and the trace ID, as Xiaomi sent them: data in every language's sentence.
  const quota =
    data.day_acked !== undefined || data.day_quota !== undefined ? { acked: String(data.day_acked ?? '?'), total: String(data.day_quota ?? '?') } : undefined;
  const traceId = typeof body.trace_id === 'string' ? body.trace_id : undefined;
  const extra =
    quota || traceId !== undefined
      ? say((t) => {
          const w = t.providers.xiaomi;
          return w.extra([quota ? w.quota(quota.acked, quota.total) : '', traceId !== undefined ? w.trace(traceId) : ''].filter(Boolean));
        })
      : undefined;
  const fail = (reason: string, entryReason = reason) =>
    vendorFailureResult(
      context,
      { step: STEP, reason, status: r.status, message, entry: { ...explainXiaomi(entryReason), reason }, ...(extra && { extra }) },
      secrets,
    );
  if (r.status === 200 && code === '0' && body.result === 'ok') {
    const bad = typeof data.bad_regids === 'string' ? data.bad_regids.split(',').map((s) => s.trim()) : [];
    if (bad.includes(device.token)) return fail('bad_regids');
    const id = typeof data.id === 'string' ? data.id : undefined;
    return vendorDelivered(
      context,
      say((t) => {
        const w = t.providers.xiaomi;
        return w.delivered(cert.packageName, cert.channelId, quota ? w.quota(quota.acked, quota.total) : undefined);
      }),
      VENDOR_NOTHING_SHOWS,
      r.status,
      '0',
      message,
      id,
    );
  }
  if (code !== undefined && code !== '0') return fail(code, XIAOMI_REASONS.has(code) || !XIAOMI_REASONS.has(`HTTP ${r.status}`) ? code : `HTTP ${r.status}`);
  return fail(`HTTP ${r.status}`);
}

/**
 * Xiaomi has no token endpoint: the AppSecret and package name are only judged when a push is sent. --live can
 * say whether Mi Push is reachable from here, not whether the credential is right.
 */
async function liveXiaomi(http: VendorHttp, settings: XiaomiSettings, cert: XiaomiCertificateConfig): Promise<LiveCheck> {
  const r = await http.request(joinUrl(settings.url, '/'), { method: 'GET' });
  if (r.kind === 'answer') return { summary: say((t) => t.providers.xiaomi.live.answered(settings.url, r.status)), problems: [] };
  const what = (w: { timedOut: (ms: number) => string; unreachable: (code: string) => string }) =>
    r.kind === 'timeout' ? w.timedOut(r.ms) : w.unreachable(r.code);
  return {
    summary: say((t) => t.providers.xiaomi.live.summary(what(t.providers.xiaomi.live))),
    problems: [
      {
        level: 'warning',
        verdict: 'NETWORK',
        problem: say((t) => t.providers.xiaomi.live.problem(settings.url, what(t.providers.xiaomi.live), cert.id)),
        fix: say((t) => t.providers.xiaomi.live.fix),
      },
    ],
  };
}
