// Huawei Push Kit through imops' own client against the loopback Push Kit: the OAuth token fetched once and
// reused, validate_only then the real send, every documented answer explained, partial answers, timeouts, 5xx
// and flow control, and the client secret and access token kept out of every result and log line.
import { describe, expect, it } from 'vitest';
import { chinese, english } from '../text/english.js';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import { HUAWEI_REASONS } from '../../src/push/providers/huawei/reasons.js';
import { providerFor } from '../../src/push/providers/index.js';
import { huaweiToken } from '../emulators/huawei.js';
import { apnsToken, fcmToken } from '../emulators/push-fixture.js';
import { xiaomiToken } from '../emulators/xiaomi.js';
import { capturingLogger, device } from './helpers.js';
import { HW_SECRET, type VendorEmulators, useVendorTester } from './vendor-emulators.js';

let vx: VendorEmulators;
let tester: DeviceTester;
const logged = capturingLogger();
useVendorTester(logged.log, (h) => ({ vx, tester } = h));

const hw = (token: string) => device('30001', token, 'huawei');

describe('Huawei Push Kit test push', () => {
  it('fetches one access token, sends validate_only then the real send, as a test message with category and click_action', async () => {
    const token = huaweiToken();
    const r = await tester.test(vx.app(), hw(token));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'huawei', provider: { status: 200, reason: '80000000', message: 'Success' } });
    expect(r.provider.environment).toBeUndefined();
    expect(english(r.cause)).toMatch(/validate_only.*real send/);
    expect(vx.huawei.tokenRequests).toEqual([{ grantType: 'client_credentials', clientId: '104000001', contentType: 'application/x-www-form-urlencoded' }]);
    expect(vx.huawei.requests.map((q) => q.validateOnly)).toEqual([true, false]);
    const msg = vx.huawei.requests[1]!.body!.message as { android: Record<string, unknown>; token: string[] };
    expect(msg.token).toEqual([token]);
    expect(msg.android).toMatchObject({ category: 'IM', target_user_type: 1, notification: { click_action: { type: 3 } } });
    expect(vx.huawei.requests[0]!.authorization).toMatch(/^Bearer CV/);
  });

  it('reuses the access token for every device: one token request for many pushes', async () => {
    const fresh = createDeviceTester({ providers: vx.providers(), log: logged.log });
    try {
      const results = await Promise.all(Array.from({ length: 12 }, () => fresh.test(vx.app(), hw(huaweiToken()))));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(vx.huawei.tokenRequests).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it('a token Push Kit calls expired (80200003) is fetched again once and the send retried once', async () => {
    await tester.test(vx.app(), hw(huaweiToken()));
    vx.reset();
    vx.huawei.expireTokens();
    const r = await tester.test(vx.app(), hw(huaweiToken()));
    expect(r.verdict).toBe('DELIVERED');
    expect(vx.huawei.tokenRequests).toHaveLength(1);
    // The first dry run with the old token, then the dry run and the send with the new one.
    expect(vx.huawei.requests).toHaveLength(3);
  });

  it("a refused client secret is CREDENTIAL_INVALID with Huawei's own code and words, and the secret is never shown", async () => {
    const app = vx.app();
    const cert = app.certificates[0] as { clientSecret: string };
    cert.clientSecret = 'wrong-secret-value';
    const fresh = createDeviceTester({ providers: vx.providers(), log: logged.log });
    try {
      const r = await fresh.test(app, hw(huaweiToken()));
      expect(r).toMatchObject({ ok: false, verdict: 'CREDENTIAL_INVALID', provider: { status: 400, reason: '1101' } });
      expect(r.provider.message).toContain('invalid client secret');
      expect(english(r.fix)).toMatch(/AppGallery Connect/);
      expect(vx.huawei.requests).toHaveLength(0);
      expect(JSON.stringify(r)).not.toContain('wrong-secret-value');
    } finally {
      await fresh.close();
    }
  });

  it('80100000 with the token in illegal_tokens is BAD_DEVICE_TOKEN, and the full token is not echoed', async () => {
    const token = huaweiToken();
    vx.huawei.program(token, { kind: 'illegal' });
    const r = await tester.test(vx.app(), hw(token));
    expect(r).toMatchObject({ ok: false, verdict: 'BAD_DEVICE_TOKEN', provider: { reason: '80100000' } });
    expect(english(r.cause)).toMatch(/illegal_tokens/);
    expect(JSON.stringify(r)).not.toContain(token);
  });

  it.each([
    ['80300007', 'BAD_DEVICE_TOKEN', /HarmonyOS NEXT/],
    ['80300002', 'APP_NOT_APPROVED', /enable the service/],
    ['80100016', 'CONTENT_REJECTED', /content filter/],
    ['80200001', 'CREDENTIAL_INVALID', /same app/],
    ['81000001', 'PROVIDER_UNAVAILABLE', /internal error/],
  ] as const)('%s is %s with a cause and a fix', async (code, verdict, words) => {
    const token = huaweiToken();
    vx.huawei.program(token, { kind: 'code', code, msg: `text of ${code}` });
    const r = await tester.test(vx.app(), hw(token));
    expect(r.verdict).toBe(verdict);
    expect(r.provider).toMatchObject({ reason: code, message: `text of ${code}` });
    expect(`${english(r.cause)} ${english(r.fix)}`).toMatch(words);
  });

  it("a code imops does not know is shown verbatim with Huawei's text, never as success", async () => {
    const token = huaweiToken();
    vx.huawei.program(token, { kind: 'code', code: '80999999', msg: 'Something new', status: 400 });
    const r = await tester.test(vx.app(), hw(token));
    expect(r.ok).toBe(false);
    expect(r.provider).toMatchObject({ reason: '80999999', message: 'Something new', status: 400 });
    expect(english(r.cause)).toMatch(/80999999.*Something new.*does not know/);
    expect(english(r.fix)).toMatch(/Error codes/);
  });

  it('the real send can fail after a passing dry run, and says so', async () => {
    const token = huaweiToken();
    vx.huawei.program(token, { kind: 'code', code: '80300008', msg: 'too big' }, { dryRun: false });
    const r = await tester.test(vx.app(), hw(token));
    expect(r.verdict).toBe('PAYLOAD_REJECTED');
    expect(english(r.cause)).toMatch(/^Huawei Push Kit send failed/);
  });

  it('503 flow control is RATE_LIMITED; 500 and 502 PROVIDER_UNAVAILABLE', async () => {
    for (const [status, verdict] of [
      [503, 'RATE_LIMITED'],
      [500, 'PROVIDER_UNAVAILABLE'],
      [502, 'PROVIDER_UNAVAILABLE'],
    ] as const) {
      const token = huaweiToken();
      vx.huawei.program(token, { kind: 'http', status, text: 'Service Unavailable' });
      const r = await tester.test(vx.app(), hw(token));
      expect(r.verdict, String(status)).toBe(verdict);
      expect(r.provider).toMatchObject({ status, reason: `HTTP ${status}` });
    }
  });

  it('a Push Kit that does not answer in time is NETWORK, naming the limit', async () => {
    const quick = createDeviceTester({ providers: vx.providers(300), log: logged.log });
    try {
      const token = huaweiToken();
      vx.huawei.program(token, { kind: 'hang' });
      const r = await quick.test(vx.app(), hw(token));
      expect(r).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'timeout' } });
      expect(english(r.cause)).toMatch(/300 ms/);
      vx.huawei.programOAuth({ kind: 'hang' });
      const fresh = createDeviceTester({ providers: vx.providers(300), log: logged.log });
      const o = await fresh.test(vx.app(), hw(huaweiToken()));
      await fresh.close();
      expect(o.verdict).toBe('NETWORK');
      expect(english(o.cause)).toMatch(/OAuth server did not answer/);
    } finally {
      await quick.close();
    }
  });

  it('an APNs, FCM or Xiaomi token under the Huawei certificate is PLATFORM_MISMATCH before anything is sent', async () => {
    for (const token of [apnsToken(), fcmToken(), xiaomiToken()]) {
      const r = await tester.test(vx.app(), hw(token));
      expect(r.verdict, token).toBe('PLATFORM_MISMATCH');
    }
    expect(vx.huawei.requests).toHaveLength(0);
    expect(vx.huawei.tokenRequests).toHaveLength(0);
  });

  it('without category every result and push certs warn about the marketing quota', async () => {
    const app = vx.app();
    delete (app.certificates[0] as { category?: string }).category;
    const fresh = createDeviceTester({ providers: vx.providers(), log: logged.log });
    try {
      const r = await fresh.test(app, hw(huaweiToken()));
      expect(r.verdict).toBe('DELIVERED');
      expect(english(r.cause)).toMatch(/marketing: 2 per device per day/);
      const [health] = await fresh.certificates({ ...app, certificates: [app.certificates[0]!] });
      expect(health).toMatchObject({ level: 'warning' });
      expect(english(health!.problems[0]!.fix)).toMatch(/Self-classification rights/);
    } finally {
      await fresh.close();
    }
  });

  it('validate_only alone (the sweep) validates without delivering', async () => {
    const sender = await providerFor('huawei').createSender(vx.providers().huawei, logged.log);
    try {
      const app = vx.app();
      const inspection = await providerFor('huawei').inspect(app.certificates[0]!, Date.now());
      const r = await sender.test({
        app,
        device: hw(huaweiToken()),
        certificate: app.certificates[0]!,
        loaded: inspection.loaded,
        tokenProblems: [],
        validateOnly: true,
      });
      expect(r.verdict).toBe('DELIVERED');
      expect(vx.huawei.requests.map((q) => q.validateOnly)).toEqual([true]);
      expect(providerFor('huawei').sweepMode).toBe('validate_only');
    } finally {
      await sender.close();
    }
  });

  it('push certs --live asks for an access token and explains a refusal', async () => {
    const ok = await tester.certificates(vx.app(vx.certificates.slice(0, 1)), { live: true });
    expect(ok[0]).toMatchObject({ level: 'ok' });
    expect(english(ok[0]!.summary)).toMatch(/live: Huawei issued an access token/);
    const app = vx.app(vx.certificates.slice(0, 1));
    (app.certificates[0] as { clientSecret: string }).clientSecret = 'nope-nope';
    const bad = await tester.certificates(app, { live: true });
    expect(bad[0]).toMatchObject({ level: 'failure' });
    expect(english(bad[0]!.problems.at(-1)!.problem)).toMatch(/1101.*invalid client secret/);
  });

  it("a Chinese reader gets every result in Chinese, with Huawei's code, words and IDs verbatim", async () => {
    const ok = await tester.test(vx.app(), hw(huaweiToken()));
    expect(chinese(ok.cause)).toBe('华为 Push Kit 已接受应用 104000001 的测试通知（先用 validate_only 试运行，再真实发送，并标记为测试消息）。');
    expect(chinese(ok.fix)).toMatch(/^推送侧无需处理。/);
    const token = huaweiToken();
    vx.huawei.program(token, { kind: 'code', code: '80300007', msg: 'invalid token' });
    const bad = await tester.test(vx.app(), hw(token));
    expect(chinese(bad.cause)).toMatch(/^华为 Push Kit 试运行（validate_only）失败，返回 80300007（“invalid token”）：Push Kit 表示 Token 无效/);
    expect(chinese(bad.fix)).toMatch(/HmsInstanceId\.getToken\(\).*HarmonyOS NEXT/);
    const app = vx.app();
    delete (app.certificates[0] as { category?: string }).category;
    const fresh = createDeviceTester({ providers: vx.providers(), log: logged.log });
    try {
      const noCategory = await fresh.test(app, hw(huaweiToken()));
      expect(chinese(noCategory.cause)).toMatch(/注意：证书 30001 没有设置 category，华为会把每条通知都算作营销消息/);
      const [health] = await fresh.certificates({ ...app, certificates: [app.certificates[0]!] }, { live: true });
      expect(chinese(health!.summary)).toMatch(
        /^App ID 104000001，OAuth 客户端 104000001，category 未设置（计入营销消息配额）；实时检查：华为已为客户端 104000001 签发访问令牌/,
      );
      expect(chinese(health!.problems[0]!.fix)).toMatch(/自分类权益/);
    } finally {
      await fresh.close();
    }
    vx.huawei.programOAuth({ kind: 'hang' });
    const quick = createDeviceTester({ providers: vx.providers(300), log: logged.log });
    try {
      const o = await quick.test(vx.app(), hw(huaweiToken()));
      expect(chinese(o.cause)).toBe('华为 OAuth 访问令牌请求失败，返回 timeout：OAuth 服务器在 300 毫秒内没有应答。没有发送任何推送。');
    } finally {
      await quick.close();
    }
    for (const r of [ok, bad]) {
      expect(JSON.stringify([chinese(r.cause), chinese(r.fix), english(r.cause), english(r.fix)])).not.toMatch(/\[object Object\]|undefined/);
    }
  });

  it('no log line carries the client secret or an access token', () => {
    const all = logged.lines.join('\n');
    expect(all).not.toContain(HW_SECRET);
    expect(all).not.toMatch(/Bearer CV/);
  });

  it('its reason table holds every code of the reference with a verdict of its own', () => {
    for (const code of [
      '80100000',
      '80100001',
      '80100002',
      '80100003',
      '80100004',
      '80100013',
      '80100016',
      '80200001',
      '80200003',
      '80300002',
      '80300007',
      '80300008',
      '80300010',
      '81000001',
    ]) {
      expect(HUAWEI_REASONS.has(code), code).toBe(true);
    }
    expect(HUAWEI_REASONS.get('80200003')!.verdict).toBe('CREDENTIAL_EXPIRED');
  });
});
