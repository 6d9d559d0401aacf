// Xiaomi Mi Push test pushes: one form POST to /v3/message/regid with `Authorization: key=<AppSecret>`, the
// package name and the channel ID. Xiaomi has no token exchange and no Android dry run.
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

const STEP = 'Xiaomi Mi Push send';

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
      `Xiaomi has no dry run and no token endpoint: the certificate's fields and the regId's shape fit; nothing was sent.`,
      'Only a real test push checks the AppSecret, package name and channel with Xiaomi.',
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
    return unansweredResult(context, STEP, r, { ...where, timedOut: 'Xiaomi', unreachable: 'Mi Push' });
  }
  const body = jsonObject(r.json);
  const code = field(body, 'code');
  const words = [...new Set([body.reason, body.description].filter((x): x is string => typeof x === 'string' && x !== ''))];
  const message = words.length ? words.join(' / ') : r.json === undefined && r.text ? r.text : undefined;
  const data = jsonObject(body.data);
  const quota =
    data.day_acked !== undefined || data.day_quota !== undefined
      ? `Today: ${String(data.day_acked ?? '?')} of ${String(data.day_quota ?? '?')} messages used.`
      : '';
  const trace = typeof body.trace_id === 'string' ? `Xiaomi trace_id ${body.trace_id}.` : '';
  const extra = [quota, trace].filter(Boolean).join(' ');
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
      `Xiaomi accepted the test notification for ${cert.packageName}${cert.channelId ? ` on channel ${cert.channelId}` : ''}.${quota ? ` ${quota}` : ''}`,
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
  const limits =
    'Xiaomi has no token endpoint, so --live cannot check the AppSecret, the package name or the channel without sending a push; `imops push test` with a real device checks them.';
  if (r.kind === 'answer') return { summary: `Mi Push at ${settings.url} answered (HTTP ${r.status}). ${limits}`, problems: [] };
  const what = r.kind === 'timeout' ? `did not answer within ${r.ms} ms` : `could not be reached (${r.code})`;
  return {
    summary: `Mi Push ${what}. ${limits}`,
    problems: [
      {
        level: 'warning',
        verdict: 'NETWORK',
        problem: `Mi Push at ${settings.url} ${what}, so certificate ${cert.id} cannot send from this server.`,
        fix: 'Check the network path to providers.xiaomi.url (default https://api.xmpush.xiaomi.com), and any proxy or firewall in between.',
      },
    ],
  };
}
