// OPPO, vivo and Meizu test pushes end to end: imops' own clients against loopback emulators that speak each
// vendor's wire format and check what a correct client sends (signatures, auth tokens, headers, body fields).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/text/en/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import type { AppConfig, CertificateConfig, ProvidersConfig } from '../../src/config/types.js';
import { DEFAULT_PROVIDERS, providerFor } from '../../src/push/providers/index.js';
import { VENDOR_ACCESS_TOKENS } from '../../src/push/providers/vendor/access-token.js';
import { TRANSPORT } from '../../src/push/providers/vendor/result.js';
import { PER_PUSH_ID } from '../../src/push/providers/meizu/reasons.js';
import { startOppoEmulator, oppoToken, type OppoEmulator } from '../emulators/oppo.js';
import { startVivoEmulator, vivoToken, type VivoEmulator } from '../emulators/vivo.js';
import { startMeizuEmulator, meizuToken, type MeizuEmulator } from '../emulators/meizu.js';
import { apnsToken, fcmToken } from '../emulators/push-fixture.js';
import { createTestPki } from '../emulators/tls.js';
import { capturingLogger, device } from './helpers.js';
import { english } from '../text/english.js';

const SECRETS = { oppoMaster: 'oppo-master-7f3a9c1e55', vivoSecret: 'vivo-secret-2b8d4e6f01', meizuSecret: 'meizu-secret-9c0a1b2d33' };

let oppo: OppoEmulator;
let vivo: VivoEmulator;
let meizu: MeizuEmulator;
let providers: ProvidersConfig;
let tester: DeviceTester;
const logged = capturingLogger();

const certs: CertificateConfig[] = [
  { id: '30004', platform: 'oppo', appKey: 'oppo-key', masterSecret: SECRETS.oppoMaster, channelId: 'im', category: 'IM' },
  { id: '30014', platform: 'oppo', appKey: 'oppo-key', masterSecret: SECRETS.oppoMaster },
  { id: '30005', platform: 'vivo', appId: '10001', appKey: 'vivo-key', appSecret: SECRETS.vivoSecret, category: 'IM', pushMode: 0 },
  { id: '30015', platform: 'vivo', appId: '10001', appKey: 'vivo-key', appSecret: SECRETS.vivoSecret, pushMode: 1 },
  { id: '30006', platform: 'meizu', appId: '110001', appSecret: SECRETS.meizuSecret },
];
const app: AppConfig = { name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: certs };

beforeAll(async () => {
  oppo = await startOppoEmulator({ 'oppo-key': SECRETS.oppoMaster });
  vivo = await startVivoEmulator({ '10001': { appKey: 'vivo-key', appSecret: SECRETS.vivoSecret } });
  meizu = await startMeizuEmulator({ '110001': SECRETS.meizuSecret });
  providers = {
    ...DEFAULT_PROVIDERS,
    oppo: { url: oppo.url, timeoutMs: 1000 },
    vivo: { url: vivo.url, timeoutMs: 1000 },
    meizu: { url: meizu.url, timeoutMs: 1000 },
  };
  tester = createDeviceTester({ providers, log: logged.log });
});
afterAll(async () => {
  await tester.close();
  await Promise.all([oppo.close(), vivo.close(), meizu.close()]);
  // Whatever a test did, no vendor secret ever reached the log.
  const log = logged.lines.join('');
  for (const s of Object.values(SECRETS)) expect(log).not.toContain(s);
});
beforeEach(() => {
  oppo.reset();
  vivo.reset();
  meizu.reset();
  VENDOR_ACCESS_TOKENS.clear();
});

const noSecret = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const s of Object.values(SECRETS)) expect(text).not.toContain(s);
  for (const t of [...oppo.issued, ...vivo.issued]) expect(text).not.toContain(t);
};

describe('OPPO', () => {
  it('is DELIVERED: a signed auth request, then one unicast with the auth_token, channel and category', async () => {
    const token = oppoToken('CN_');
    const r = await tester.test(app, device('30004', token, 'oppo'));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'oppo', provider: { reason: '0' } });
    expect(r.provider.environment).toBeUndefined();
    expect(r.id).toMatch(/^0/);
    expect(oppo.authRequests()).toHaveLength(1);
    const auth = oppo.authRequests()[0]!.form!;
    expect(auth.app_key).toBe('oppo-key');
    expect(auth.sign).toMatch(/^[0-9a-f]{64}$/);
    const send = oppo.sends()[0]!;
    expect(send.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(send.form!.auth_token).toBe(oppo.issued[0]);
    const message = JSON.parse(send.form!.message!);
    expect(message).toMatchObject({ target_type: 2, target_value: token, notification: { channel_id: 'im', category: 'IM', click_action_type: 0 } });
    expect(message.notification.title).toMatch(/imops/);
    expect(r.token).not.toContain(token);
    noSecret(r);
  });

  it('fetches one auth_token per process, shared by every device and tester', async () => {
    const other = createDeviceTester({ providers, log: logged.log });
    try {
      const results = await Promise.all([
        ...Array.from({ length: 4 }, () => tester.test(app, device('30004', oppoToken(), 'oppo'))),
        ...Array.from({ length: 3 }, () => other.test(app, device('30004', oppoToken(), 'oppo'))),
      ]);
      expect(results.every((r) => r.verdict === 'DELIVERED')).toBe(true);
      expect(oppo.authRequests()).toHaveLength(1);
      expect(oppo.sends()).toHaveLength(7);
    } finally {
      await other.close();
    }
  });

  it('renews an auth_token OPPO calls invalid (code 11) once, and sends once more', async () => {
    expect((await tester.test(app, device('30004', oppoToken(), 'oppo'))).verdict).toBe('DELIVERED');
    oppo.expireTokens();
    const r = await tester.test(app, device('30004', oppoToken(), 'oppo'));
    expect(r.verdict).toBe('DELIVERED');
    expect(oppo.authRequests()).toHaveLength(2);
    expect(oppo.sends()).toHaveLength(3);
  });

  it('a second code 11 after the renewal is CREDENTIAL_INVALID, without a retry storm', async () => {
    oppo.forceSend({ kind: 'json', body: { code: 11, message: 'Invalid AuthToken' } }, { kind: 'json', body: { code: 11, message: 'Invalid AuthToken' } });
    const r = await tester.test(app, device('30004', oppoToken(), 'oppo'));
    expect(r).toMatchObject({ ok: false, verdict: 'CREDENTIAL_INVALID', provider: { reason: '11', message: 'Invalid AuthToken' } });
    expect(oppo.sends()).toHaveLength(2);
    expect(oppo.authRequests()).toHaveLength(2);
  });

  it('a wrong masterSecret is refused at auth (code 16) and explained; the secret is never echoed', async () => {
    const bad: AppConfig = { ...app, certificates: [{ ...certs[0]!, masterSecret: 'the-app-secret-instead' } as CertificateConfig] };
    const r = await tester.test(bad, device('30004', oppoToken(), 'oppo'));
    expect(r).toMatchObject({ ok: false, verdict: 'CREDENTIAL_INVALID', provider: { reason: '16', message: 'Invalid Signature' } });
    expect(english(r.cause)).toMatch(/MasterSecret|masterSecret/);
    expect(english(r.fix)).toMatch(/open\.oppomobile\.com/);
    expect(oppo.sends()).toHaveLength(0);
    expect(JSON.stringify(r)).not.toContain('the-app-secret-instead');
  });

  it('an HTTP 200 with an error code is a failure: the public-message quota (33)', async () => {
    oppo.forceSend({ kind: 'json', body: { code: 33, message: 'The number of messages exceeds the daily limit' } });
    const r = await tester.test(app, device('30004', oppoToken(), 'oppo'));
    expect(r).toMatchObject({ ok: false, verdict: 'QUOTA_EXCEEDED', provider: { status: 200, reason: '33' } });
    expect(english(r.cause)).toContain('The number of messages exceeds the daily limit');
  });

  it('a registration ID of another app is BAD_DEVICE_TOKEN (10000)', async () => {
    const token = oppoToken();
    oppo.unknownTokens.add(token);
    const r = await tester.test(app, device('30004', token, 'oppo'));
    expect(r).toMatchObject({ verdict: 'BAD_DEVICE_TOKEN', provider: { reason: '10000', message: 'Invalid RegistrationId' } });
  });

  it('without channelId and category, every result and `push certs` warn about the marketing quota', async () => {
    const r = await tester.test(app, device('30014', oppoToken(), 'oppo'));
    expect(r.verdict).toBe('DELIVERED');
    expect(english(r.cause)).toMatch(/no channelId.*marketing.*2 per device per day/s);
    expect(english(r.cause)).toMatch(/no category/);
    const message = JSON.parse(oppo.sends()[0]!.form!.message!);
    expect(message.notification.channel_id).toBeUndefined();
    expect(message.notification.notify_level).toBeUndefined();
    oppo.forceSend({ kind: 'json', body: { code: 10000, message: 'Invalid RegistrationId' } });
    expect(english((await tester.test(app, device('30014', oppoToken(), 'oppo'))).cause)).toMatch(/no channelId/);
    const health = await tester.certificates(app);
    const h = health.find((x) => x.certificateId === '30014')!;
    expect(h.level).toBe('warning');
    expect(h.problems.map((p) => english(p.problem)).join(' ')).toMatch(/channelId.*category/s);
    expect(health.find((x) => x.certificateId === '30004')!.level).toBe('ok');
  });
});

describe('vivo', () => {
  it('is DELIVERED: a signed auth request, then a send with the authToken header and the classification', async () => {
    const token = vivoToken();
    const r = await tester.test(app, device('30005', token, 'vivo'));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'vivo', provider: { reason: '0' } });
    const auth = vivo.authRequests()[0]!;
    expect(auth.json).toMatchObject({ appId: 10001, appKey: 'vivo-key', sign: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const send = vivo.sends()[0]!;
    expect(send.headers.authtoken).toBe(vivo.issued[0]);
    expect(send.json).toMatchObject({ regId: token, notifyType: 4, skipType: 1, classification: 1, category: 'IM', pushMode: 0 });
    // Formal vivo messages may not be pure English nor contain 测试: the title is Chinese, without it.
    const body = send.json as { title: string; content: string; requestId: string };
    expect(body.title).toMatch(/[\u4e00-\u9fff]/);
    expect(`${body.title}${body.content}`).not.toContain('测试');
    expect(body.requestId.length).toBeLessThanOrEqual(64);
    noSecret(r);
  });

  it('renews an authToken vivo calls invalid (10000) once; one token serves many devices', async () => {
    for (let i = 0; i < 3; i++) expect((await tester.test(app, device('30005', vivoToken(), 'vivo'))).verdict).toBe('DELIVERED');
    expect(vivo.authRequests()).toHaveLength(1);
    vivo.expireTokens();
    expect((await tester.test(app, device('30005', vivoToken(), 'vivo'))).verdict).toBe('DELIVERED');
    expect(vivo.authRequests()).toHaveLength(2);
  });

  it('an illegal regId (10302) is BAD_DEVICE_TOKEN; in test mode the result says only test devices get pushes', async () => {
    const token = vivoToken();
    vivo.unknownTokens.add(token);
    const r = await tester.test(app, device('30015', token, 'vivo'));
    expect(r).toMatchObject({ verdict: 'BAD_DEVICE_TOKEN', provider: { reason: '10302', message: 'regId不合法' } });
    expect(english(r.cause)).toMatch(/pushMode is 1/);
    expect(english(r.cause)).toMatch(/no category.*operation/s);
    expect((vivo.sends()[0]!.json as { classification: number }).classification).toBe(0);
  });

  it("vivo's clock check (10207) is CLOCK_SKEW", async () => {
    vivo.forceAuth({ kind: 'json', body: { result: 10207, desc: 'timestamp不合法' } });
    const r = await tester.test(app, device('30005', vivoToken(), 'vivo'));
    expect(r).toMatchObject({ ok: false, verdict: 'CLOCK_SKEW', provider: { reason: '10207' } });
    expect(english(r.fix)).toMatch(/NTP/);
    expect(vivo.sends()).toHaveLength(0);
  });
});

describe('Meizu', () => {
  it('is DELIVERED: a per-request signature over the sorted parameters, code "200" and an empty value map', async () => {
    const token = meizuToken();
    const r = await tester.test(app, device('30006', token, 'meizu'));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'meizu', provider: { status: '200', reason: '200' } });
    expect(r.id).toMatch(/^NS/);
    const f = meizu.sends()[0]!.form!;
    expect(f).toMatchObject({ appId: '110001', pushIds: token, sign: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(JSON.parse(f.messageJson!)).toMatchObject({ noticeBarInfo: { noticeMsgType: 0 }, clickTypeInfo: { clickType: 0 } });
    expect(english(r.cause)).toMatch(/3 per device per day/);
  });

  it('code "200" with the pushId in the value map is a failure: 110002 unsubscribed, 110010 switched off', async () => {
    const gone = meizuToken();
    meizu.perPushId.set(gone, '110002');
    const r = await tester.test(app, device('30006', gone, 'meizu'));
    expect(r).toMatchObject({ ok: false, verdict: 'TOKEN_UNREGISTERED', provider: { status: '200', reason: '110002' } });
    expect(r.provider.message).toMatch(/value/);
    expect(r.provider.message).not.toContain(gone);
    const off = meizuToken();
    meizu.perPushId.set(off, '110010');
    expect(await tester.test(app, device('30006', off, 'meizu'))).toMatchObject({ ok: false, verdict: 'APP_NOT_APPROVED', provider: { reason: '110010' } });
  });

  it('a wrong appSecret breaks the signature (1006): CREDENTIAL_INVALID', async () => {
    const bad: AppConfig = { ...app, certificates: [{ ...certs[4]!, appSecret: 'wrong-secret-value' } as CertificateConfig] };
    const r = await tester.test(bad, device('30006', meizuToken(), 'meizu'));
    expect(r).toMatchObject({ verdict: 'CREDENTIAL_INVALID', provider: { reason: '1006', message: '签名认证失败' } });
    expect(JSON.stringify(r)).not.toContain('wrong-secret-value');
  });
});

describe('every documented answer, through the emulators', () => {
  const cases = (id: string) => [...providerFor(id as 'oppo').reasons.values()].filter((e) => !(Object.values(TRANSPORT) as string[]).includes(e.reason));

  it.each(cases('oppo').map((e) => [e.reason, e] as const))('OPPO code %s', async (code, e) => {
    // Code 11 is renewed once: force it twice to see the verdict.
    const body = { code: Number(code), message: `OPPO says ${code}` };
    oppo.forceSend({ kind: 'json', body }, ...(code === '11' ? [{ kind: 'json' as const, body }] : []));
    const r = await tester.test(app, device('30004', oppoToken(), 'oppo'));
    expect(r).toMatchObject({ ok: false, verdict: e.verdict, provider: { reason: code, message: `OPPO says ${code}` } });
    expect(r.fix).toBe(e.fix);
  });

  it.each(cases('vivo').map((e) => [e.reason, e] as const))('vivo result %s', async (code, e) => {
    const body = { result: Number(code), desc: `vivo says ${code}` };
    vivo.forceSend({ kind: 'json', body }, ...(code === '10000' ? [{ kind: 'json' as const, body }] : []));
    const r = await tester.test(app, device('30005', vivoToken(), 'vivo'));
    expect(r).toMatchObject({ ok: false, verdict: e.verdict, provider: { reason: code, message: `vivo says ${code}` } });
    expect(r.fix).toBe(e.fix);
  });

  it.each(cases('meizu').map((e) => [e.reason, e] as const))('Meizu %s', async (key, e) => {
    const token = meizuToken();
    const perPushId = key.startsWith(PER_PUSH_ID);
    const code = perPushId ? key.slice(PER_PUSH_ID.length) : key;
    if (perPushId) meizu.perPushId.set(token, code);
    else meizu.forceSend({ kind: 'json', body: { code, message: `Meizu says ${code}`, value: {}, msgId: '', redirect: '' } });
    const r = await tester.test(app, device('30006', token, 'meizu'));
    expect(r).toMatchObject({ ok: false, verdict: e.verdict, provider: { reason: code } });
    expect(r.fix).toBe(e.fix);
  });

  it('a code imops does not know is shown verbatim with a generic fix, never as success', async () => {
    oppo.forceSend({ kind: 'json', body: { code: 98765, message: '新的错误' } });
    const r = await tester.test(app, device('30004', oppoToken(), 'oppo'));
    expect(r).toMatchObject({ ok: false, verdict: 'PROVIDER_UNAVAILABLE', provider: { reason: '98765', message: '新的错误' } });
    expect(english(r.cause)).toContain('98765');
    expect(english(r.cause)).toContain('新的错误');
    expect(english(r.fix)).toMatch(/imops maintainers/);
    meizu.forceSend({ kind: 'json', body: { code: '200', message: '', value: { 424242: ['x'] }, msgId: 'NS1' } });
    expect(await tester.test(app, device('30006', meizuToken(), 'meizu'))).toMatchObject({ ok: false, provider: { reason: '424242' } });
  });

  it('timeouts, 5xx, 429 and a non-JSON 200 are explained, never success', async () => {
    oppo.forceSend({ kind: 'hang' });
    expect(await tester.test(app, device('30004', oppoToken(), 'oppo'))).toMatchObject({ ok: false, verdict: 'NETWORK', provider: { reason: 'TIMEOUT' } });
    vivo.forceAuth({ kind: 'http', status: 502 });
    expect(await tester.test(app, device('30005', vivoToken(), 'vivo'))).toMatchObject({
      ok: false,
      verdict: 'PROVIDER_UNAVAILABLE',
      provider: { status: 502, reason: 'HTTP_5XX' },
    });
    meizu.forceSend({ kind: 'http', status: 429, retryAfter: '30' });
    expect(await tester.test(app, device('30006', meizuToken(), 'meizu'))).toMatchObject({
      verdict: 'RATE_LIMITED',
      provider: { status: 429, message: 'Retry-After: 30' },
    });
    meizu.forceSend({ kind: 'http', status: 200, body: '<html>ok</html>' });
    expect(await tester.test(app, device('30006', meizuToken(), 'meizu'))).toMatchObject({ ok: false, provider: { reason: 'NOT_JSON' } });
  });

  it('an unreachable vendor is NETWORK', async () => {
    const closed = await startMeizuEmulator({});
    await closed.close();
    const t = createDeviceTester({ providers: { ...providers, meizu: { url: closed.url, timeoutMs: 1000 } }, log: logged.log });
    try {
      expect(await t.test(app, device('30006', meizuToken(), 'meizu'))).toMatchObject({
        verdict: 'NETWORK',
        provider: { reason: 'NETWORK_ERROR', message: 'ECONNREFUSED' },
      });
    } finally {
      await t.close();
    }
  });
});

describe('preflight', () => {
  it('an FCM or APNs token under a vendor certificate is PLATFORM_MISMATCH before anything is sent', async () => {
    const cases: [string, string, 'oppo' | 'vivo' | 'meizu'][] = [
      ['30004', fcmToken(), 'oppo'],
      ['30005', apnsToken(), 'vivo'],
      ['30006', fcmToken(), 'meizu'],
      ['30004', vivoToken(), 'oppo'],
      ['30006', oppoToken(), 'meizu'],
    ];
    for (const [cert, token, platform] of cases) {
      const r = await tester.test(app, device(cert, token, platform));
      expect(r.verdict, `${cert} ${token}`).toBe('PLATFORM_MISMATCH');
      expect(english(r.cause)).toContain(en.providers[platform].names.display);
    }
    expect(oppo.requests.length + vivo.requests.length + meizu.requests.length).toBe(0);
  });

  it('each vendor recognises its own tokens', () => {
    expect(providerFor('oppo').tokenShape(oppoToken('OPPO_CN_'))).toEqual({ confidence: 'exact', problems: [] });
    expect(providerFor('oppo').tokenShape(oppoToken('US_'))?.problems.map(english).join(' ')).toMatch(/overseas/);
    expect(providerFor('oppo').tokenShape('1'.repeat(32))).toBeUndefined();
    expect(providerFor('vivo').tokenShape(vivoToken())).toEqual({ confidence: 'exact', problems: [] });
    expect(providerFor('meizu').tokenShape(meizuToken())).toEqual({ confidence: 'exact', problems: [] });
    expect(providerFor('meizu').tokenShape(apnsToken())).toBeUndefined();
  });

  it('an upload under a vivo certificate in test mode is warned that only registered test devices get pushes', () => {
    expect(providerFor('vivo').reportWarnings(certs[3]!, { token: vivoToken() }).map(english).join(' ')).toMatch(/pushMode 1.*test device/);
    expect(providerFor('vivo').reportWarnings(certs[2]!, { token: vivoToken() })).toEqual([]);
  });

  it('every vendor provider declares its sweep mode', () => {
    for (const id of ['oppo', 'vivo', 'meizu'] as const) expect(providerFor(id).sweepMode).toBe('credential_and_token');
  });
});

describe('push certs --live', () => {
  it('asks OPPO and vivo for an access token and Meizu for a signed probe, and explains a refusal', async () => {
    const live: AppConfig = {
      ...app,
      certificates: [certs[0]!, { ...certs[2]!, appSecret: 'not-the-vivo-secret' } as CertificateConfig, certs[4]!],
    };
    const health = await tester.certificates(live, { live: true });
    const [o, v, m] = health;
    expect(o).toMatchObject({ level: 'ok' });
    expect(english(o!.summary)).toMatch(/OPPO issued an auth_token/);
    expect(v).toMatchObject({ level: 'failure' });
    expect(v!.problems.map((p) => english(p.problem)).join(' ')).toMatch(/10206.*sign不正确/);
    expect(english(m!.summary)).toMatch(/Meizu accepted the App ID and App Secret/);
    expect(oppo.authRequests()).toHaveLength(1);
    expect(vivo.authRequests()).toHaveLength(1);
    expect(meizu.sends()).toHaveLength(1);
    noSecret(health);
    // Offline, nothing is asked.
    oppo.reset();
    await tester.certificates(live);
    expect(oppo.requests).toHaveLength(0);
  });

  it('Meizu --live says what it cannot check when the signature is refused', async () => {
    const health = await tester.certificates({ ...app, certificates: [{ ...certs[4]!, appSecret: 'nope-nope' } as CertificateConfig] }, { live: true });
    expect(health[0]).toMatchObject({ level: 'failure' });
    expect(english(health[0]!.problems[0]!.problem)).toMatch(/1006.*no token endpoint/s);
  });
});

describe('caFile', () => {
  it('reaches a vendor behind TLS signed by a private CA', async () => {
    const { ca, server } = await createTestPki();
    const dir = mkdtempSync(join(tmpdir(), 'imops-vendors-'));
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, ca.certPem);
    const secure = await startMeizuEmulator({ '110001': SECRETS.meizuSecret }, server);
    const t = createDeviceTester({ providers: { ...providers, meizu: { url: secure.url, caFile, timeoutMs: 2000 } }, log: logged.log });
    const untrusted = createDeviceTester({ providers: { ...providers, meizu: { url: secure.url, timeoutMs: 2000 } }, log: logged.log });
    try {
      expect((await t.test(app, device('30006', meizuToken(), 'meizu'))).verdict).toBe('DELIVERED');
      expect(await untrusted.test(app, device('30006', meizuToken(), 'meizu'))).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'NETWORK_ERROR' } });
    } finally {
      await t.close();
      await untrusted.close();
      await secure.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
