// Honor Push through imops' own client against the loopback Honor: Client ID / Client Secret OAuth fetched once,
// the timestamp header and camelCase test message, failTokens / expireTokens, a 401 refreshed once, codes imops
// does not know shown verbatim, timeouts and 5xx.
import { describe, expect, it } from 'vitest';
import { chinese, english } from '../text/english.js';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import { providerFor } from '../../src/push/providers/index.js';
import { describeToken } from '../../src/push/token-shape.js';
import { honorToken } from '../emulators/honor.js';
import { apnsToken, fcmToken } from '../emulators/push-fixture.js';
import { capturingLogger, device } from './helpers.js';
import { HONOR_SECRET, type VendorEmulators, useVendorTester } from './vendor-emulators.js';

let vx: VendorEmulators;
let tester: DeviceTester;
const logged = capturingLogger();
useVendorTester(logged.log, (h) => ({ vx, tester } = h));

const ho = (token: string) => device('30002', token, 'honor');

describe('Honor Push test push', () => {
  it('sends one test message with the timestamp header and camelCase fields, after one token request', async () => {
    const token = honorToken();
    const r = await tester.test(vx.app(), ho(token));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'honor', provider: { status: 200, reason: '200' } });
    expect(vx.honor.tokenRequests).toEqual([{ grantType: 'client_credentials', clientId: 'honor-client' }]);
    const [q] = vx.honor.requests;
    expect(q!.timestamp).toMatch(/^\d{13}$/);
    expect(q!.body).toMatchObject({ android: { targetUserType: 1, notification: { clickAction: { type: 3 }, importance: 'NORMAL' } }, token: [token] });
    await Promise.all([tester.test(vx.app(), ho(honorToken())), tester.test(vx.app(), ho(honorToken()))]);
    expect(vx.honor.tokenRequests).toHaveLength(1);
    expect(providerFor('honor').sweepMode).toBe('credential_and_token');
  });

  it('expireTokens is TOKEN_UNREGISTERED and failTokens BAD_DEVICE_TOKEN, with the vendor field as the reason', async () => {
    const expired = honorToken();
    const failed = honorToken();
    vx.honor.program(expired, { kind: 'expireToken' });
    vx.honor.program(failed, { kind: 'failToken' });
    const a = await tester.test(vx.app(), ho(expired));
    const b = await tester.test(vx.app(), ho(failed));
    expect(a).toMatchObject({ ok: false, verdict: 'TOKEN_UNREGISTERED', provider: { reason: 'expireTokens' } });
    expect(b).toMatchObject({ ok: false, verdict: 'BAD_DEVICE_TOKEN', provider: { reason: 'failTokens' } });
    expect(english(b.fix)).toMatch(/HMS token/);
  });

  it('an access token Honor refuses with 401 is fetched again once and the send retried once', async () => {
    await tester.test(vx.app(), ho(honorToken()));
    vx.reset();
    vx.honor.expireTokens();
    const r = await tester.test(vx.app(), ho(honorToken()));
    expect(r.verdict).toBe('DELIVERED');
    expect(vx.honor.tokenRequests).toHaveLength(1);
    expect(vx.honor.requests).toHaveLength(2);
  });

  it('App Secret in place of the Client Secret: invalid_client, explained in the console terms, secret never shown', async () => {
    const app = vx.app();
    (app.certificates[1] as { clientSecret: string }).clientSecret = 'the-app-secret-by-mistake';
    const fresh = createDeviceTester({ providers: vx.providers(), log: logged.log });
    try {
      const r = await fresh.test(app, ho(honorToken()));
      expect(r).toMatchObject({ verdict: 'CREDENTIAL_INVALID', provider: { status: 401, reason: 'invalid_client' } });
      expect(english(r.cause)).toMatch(/App Secret is not the Client Secret/);
      expect(JSON.stringify(r)).not.toContain('the-app-secret-by-mistake');
      const [live] = await fresh.certificates({ ...app, certificates: [app.certificates[1]!] }, { live: true });
      expect(live).toMatchObject({ level: 'failure' });
      expect(english(live!.problems.at(-1)!.problem)).toMatch(/invalid_client/);
    } finally {
      await fresh.close();
    }
  });

  it('a Honor code imops does not know is shown verbatim, never as success', async () => {
    const token = honorToken();
    vx.honor.program(token, { kind: 'code', code: 80300007, message: 'token invalid (new)' });
    const r = await tester.test(vx.app(), ho(token));
    expect(r.ok).toBe(false);
    expect(r.provider).toMatchObject({ reason: '80300007', message: 'token invalid (new)' });
    expect(english(r.cause)).toMatch(/does not know/);
  });

  it('5xx and 429 are PROVIDER_UNAVAILABLE and RATE_LIMITED; a hang is NETWORK', async () => {
    for (const [status, verdict] of [
      [500, 'PROVIDER_UNAVAILABLE'],
      [503, 'PROVIDER_UNAVAILABLE'],
      [429, 'RATE_LIMITED'],
    ] as const) {
      const token = honorToken();
      vx.honor.program(token, { kind: 'http', status });
      expect((await tester.test(vx.app(), ho(token))).verdict, String(status)).toBe(verdict);
    }
    const quick = createDeviceTester({ providers: vx.providers(300), log: logged.log });
    try {
      const token = honorToken();
      vx.honor.program(token, { kind: 'hang' });
      expect((await quick.test(vx.app(), ho(token))).verdict).toBe('NETWORK');
    } finally {
      await quick.close();
    }
  });

  it('APNs and FCM tokens under the Honor certificate are PLATFORM_MISMATCH before anything is sent', async () => {
    for (const token of [apnsToken(), fcmToken()]) expect((await tester.test(vx.app(), ho(token))).verdict).toBe('PLATFORM_MISMATCH');
    expect(vx.honor.requests).toHaveLength(0);
  });

  it('without importance NORMAL every result and push certs warn about the marketing quota', async () => {
    const app = vx.app();
    delete (app.certificates[1] as { importance?: string }).importance;
    const r = await tester.test(app, ho(honorToken()));
    expect(english(r.cause)).toMatch(/no importance.*marketing/);
    expect((vx.honor.requests[0]!.body!.android as { notification: object }).notification).not.toHaveProperty('importance');
    const [h] = await tester.certificates({ ...app, certificates: [app.certificates[1]!] });
    expect(h!.problems.map((p) => english(p.fix)).join(' ')).toMatch(/importance: NORMAL/);
  });

  it("a Chinese reader gets every result in Chinese, with Honor's fields, codes and words verbatim", async () => {
    const ok = await tester.test(vx.app(), ho(honorToken()));
    expect(chinese(ok.cause)).toBe('荣耀推送已接受应用 104000002 的测试通知（标记为测试消息）。');
    const failed = honorToken();
    vx.honor.program(failed, { kind: 'failToken' });
    const b = await tester.test(vx.app(), ho(failed));
    expect(chinese(b.cause)).toMatch(/^荣耀推送发送失败，返回 failTokens.*：荣耀把这个 Token 列入了 failTokens/);
    expect(chinese(b.fix)).toMatch(/HMS Token，应使用华为证书 ID 上报/);
    const unknown = honorToken();
    vx.honor.program(unknown, { kind: 'code', code: 80300007, message: 'token invalid (new)' });
    const u = await tester.test(vx.app(), ho(unknown));
    expect(chinese(u.cause)).toMatch(/80300007（“token invalid \(new\)”）：荣耀返回了 imops 不认识的返回码 80300007。/);
    const app = vx.app();
    (app.certificates[1] as { clientSecret: string }).clientSecret = 'the-app-secret-by-mistake';
    delete (app.certificates[1] as { importance?: string }).importance;
    const fresh = createDeviceTester({ providers: vx.providers(), log: logged.log });
    try {
      const r = await fresh.test(app, ho(honorToken()));
      expect(chinese(r.cause)).toMatch(
        /^荣耀 OAuth 访问令牌请求失败，返回 invalid_client.*App Secret 并不是 Client Secret.*没有发送任何推送。注意：证书 30002 没有设置 importance/,
      );
      expect(chinese(r.fix)).toMatch(/荣耀开发者服务平台/);
      const [live] = await fresh.certificates({ ...app, certificates: [app.certificates[1]!] }, { live: true });
      expect(chinese(live!.summary)).toMatch(/；实时检查：荣耀拒绝为客户端 honor-client 签发访问令牌。$/);
      expect(chinese(live!.problems.at(-1)!.problem)).toMatch(/^荣耀 OAuth 服务器返回 invalid_client/);
      expect(JSON.stringify([r, live].map((x) => JSON.stringify(x, (_k, v) => (v && typeof v === 'object' && 'zh-CN' in v ? v['zh-CN'] : v))))).not.toMatch(
        /\[object Object\]/,
      );
    } finally {
      await fresh.close();
    }
  });

  it('no log line carries the client secret', () => {
    expect(logged.lines.join('\n')).not.toContain(HONOR_SECRET);
  });
});

describe('Honor token shape', () => {
  it('accepts opaque tokens under a Honor certificate but claims no token of unknown origin', () => {
    const token = honorToken();
    expect(describeToken(token, 'honor').looksLike).toBe('honor');
    expect(describeToken('abcdefghijklmnopqrstuvwxyz').looksLike).toBe('unknown');
  });
});
