// APNs test pushes end to end: the real @parse/node-apn against the loopback APNs emulators.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinese, english } from '../text/english.js';
import { readFileSync } from 'node:fs';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import { Metrics } from '../../src/metrics.js';
import type { AppConfig, ApnsCertificateConfig, ProvidersConfig } from '../../src/config/types.js';
import { APNS_REASON_STATUS } from '../emulators/apns.js';
import { apns } from '../../src/push/providers/apns/index.js';
import { apnsToken, fcmToken, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { capturingLogger, device } from './helpers.js';

let fx: PushFixture;
let tester: DeviceTester;
let app: AppConfig;
let metrics: Metrics;
const logged = capturingLogger();

beforeAll(async () => {
  fx = await startPushFixture({ timeoutMs: 400 });
  app = fx.app();
  metrics = new Metrics();
  tester = createDeviceTester({ providers: fx.providers, log: logged.log, metrics });
});
afterAll(async () => {
  await tester.close();
  await fx.close();
});
afterEach(() => fx.reset());

describe('a deliverable token', () => {
  it('is DELIVERED with the apns-id, as a visible test alert to the bundle ID, signed with the key and team', async () => {
    const token = apnsToken();
    const result = await tester.test(app, device('10086', token));
    expect(result).toMatchObject({
      ok: true,
      verdict: 'DELIVERED',
      certificateId: '10086',
      platform: 'apns',
      provider: { status: 200, environment: 'production' },
    });
    const [req] = fx.apns.production.requests;
    expect(req).toBeDefined();
    expect(result.id).toBe(req!.acceptedApnsId);
    expect(req!.token).toBe(token);
    expect(req!.topic).toBe('com.example.app');
    expect(req!.pushType).toBe('alert');
    expect(req!.jwt).toMatchObject({ alg: 'ES256', kid: 'ABC123DEFG', iss: 'DEF123GHIJ' });
    const aps = (req!.payload as { aps: { alert: { title: string; body: string } } }).aps;
    expect(aps.alert.title).toMatch(/imops/);
    expect(aps.alert.body).toMatch(/test/i);
    expect(result.token).not.toContain(token);
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('goes to the sandbox host for a sandbox certificate and reports the delivery-log ID', async () => {
    const result = await tester.test(app, device('10087', apnsToken()));
    expect(result).toMatchObject({ verdict: 'DELIVERED', provider: { environment: 'sandbox' } });
    expect(english(result.cause)).toMatch(/apns-unique-id/);
    expect(chinese(result.cause)).toMatch(/^APNs 开发环境接受了发往 com\.example\.app 的测试通知（apns-unique-id [0-9a-f-]+：/);
    expect(chinese(result.fix)).toMatch(/登出后 IM 不会发送离线推送/);
    expect(fx.apns.sandbox.requests).toHaveLength(1);
    expect(fx.apns.production.requests).toHaveLength(0);
  });
});

// What a support engineer must see for each of Apple's reasons (independent of src/push/providers/apns/reasons.ts).
const EXPECTED: Record<string, string> = {
  BadCollapseId: 'PAYLOAD_REJECTED',
  BadDeviceToken: 'BAD_DEVICE_TOKEN',
  BadExpirationDate: 'PAYLOAD_REJECTED',
  BadMessageId: 'PAYLOAD_REJECTED',
  BadPriority: 'PAYLOAD_REJECTED',
  BadTopic: 'TOPIC_INVALID',
  DeviceTokenNotForTopic: 'TOKEN_NOT_FOR_TOPIC',
  DuplicateHeaders: 'PAYLOAD_REJECTED',
  IdleTimeout: 'NETWORK',
  InvalidPushType: 'PAYLOAD_REJECTED',
  MissingDeviceToken: 'BAD_DEVICE_TOKEN',
  MissingTopic: 'TOPIC_INVALID',
  PayloadEmpty: 'PAYLOAD_REJECTED',
  TopicDisallowed: 'TOPIC_INVALID',
  BadCertificate: 'CREDENTIAL_INVALID',
  BadCertificateEnvironment: 'CERT_ENVIRONMENT_MISMATCH',
  ExpiredProviderToken: 'CREDENTIAL_EXPIRED',
  Forbidden: 'CREDENTIAL_INVALID',
  InvalidProviderToken: 'CREDENTIAL_INVALID',
  MissingProviderToken: 'CREDENTIAL_INVALID',
  UnrelatedKeyIdInToken: 'CREDENTIAL_INVALID',
  BadEnvironmentKeyInToken: 'CERT_ENVIRONMENT_MISMATCH',
  BadEnvironmentKeyIdInToken: 'CERT_ENVIRONMENT_MISMATCH',
  BadPath: 'PAYLOAD_REJECTED',
  MethodNotAllowed: 'PAYLOAD_REJECTED',
  ExpiredToken: 'TOKEN_UNREGISTERED',
  Unregistered: 'TOKEN_UNREGISTERED',
  PayloadTooLarge: 'PAYLOAD_REJECTED',
  TooManyProviderTokenUpdates: 'RATE_LIMITED',
  TooManyRequests: 'RATE_LIMITED',
  InternalServerError: 'PROVIDER_UNAVAILABLE',
  ServiceUnavailable: 'PROVIDER_UNAVAILABLE',
  Shutdown: 'PROVIDER_UNAVAILABLE',
};

describe('every APNs reason', () => {
  it("the emulator covers all of Apple's reasons", () => {
    expect(Object.keys(APNS_REASON_STATUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s gets its own verdict, cause and fix, with the raw status and reason, after exactly one request', async (reason) => {
    const token = apnsToken();
    // The environment reasons are retried on the other host: make that one answer the same to see the verdict.
    fx.apns.production.program(token, { kind: 'reject', reason });
    fx.apns.sandbox.program(token, { kind: 'reject', reason });
    const result = await tester.test(app, device('10086', token));
    expect(result.verdict).toBe(EXPECTED[reason]);
    expect(result.ok).toBe(false);
    expect(result.provider).toEqual({ status: APNS_REASON_STATUS[reason], reason, environment: 'production' });
    expect(english(result.cause)).toContain(reason);
    // A Chinese reader gets the cause and fix in Chinese, with APNs' status and reason kept as data.
    expect(chinese(result.cause)).toMatch(new RegExp(`^APNs 生产环境返回 ${APNS_REASON_STATUS[reason]} ${reason}：.*[\u4e00-\u9fff]`));
    expect(chinese(result.fix)).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(result)).not.toContain('[object Object]');
    expect(english(result.cause).length).toBeGreaterThan(40);
    expect(english(result.fix).length).toBeGreaterThan(20);
    // connectionRetryLimit 0: no silent re-sends on 429/5xx.
    expect(fx.apns.production.requests).toHaveLength(1);
    const retried = ['BadDeviceToken', 'BadEnvironmentKeyInToken', 'BadEnvironmentKeyIdInToken'].includes(reason);
    expect(fx.apns.sandbox.requests).toHaveLength(retried ? 1 : 0);
  });

  it('the causes differ from reason to reason', async () => {
    const causes = new Set<string>();
    for (const reason of ['Unregistered', 'ExpiredToken', 'InvalidProviderToken', 'Forbidden', 'BadTopic', 'TooManyRequests']) {
      const token = apnsToken();
      fx.apns.production.program(token, { kind: 'reject', reason });
      const r = await tester.test(app, device('10086', token));
      causes.add(english(r.cause).replace(/^[^:]*: /, '') + english(r.fix));
    }
    expect(causes.size).toBe(6);
  });

  it('a 410 says when APNs last saw the token valid', async () => {
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'reject', reason: 'Unregistered', timestamp: Date.UTC(2026, 0, 2, 3, 4, 5) });
    const r = await tester.test(app, device('10086', token));
    expect(english(r.cause)).toContain('(APNs last saw the token valid at 2026-01-02 03:04:05 UTC.)');
    expect(chinese(r.cause)).toContain('（APNs 最后一次确认该 Token 有效的时间为 2026-01-02 11:04:05 UTC+8。）');
  });

  it('a reason Apple adds later is judged by its status', async () => {
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'reject', reason: 'SomethingNew', status: 429 });
    const r = await tester.test(app, device('10086', token));
    expect(r).toMatchObject({ verdict: 'RATE_LIMITED', provider: { status: 429, reason: 'SomethingNew' } });
  });
});

describe('the environment-mismatch retry', () => {
  it('a sandbox token on the production certificate is TOKEN_ENVIRONMENT_MISMATCH naming the sandbox certificate ID', async () => {
    const token = apnsToken();
    fx.tokenOnlyIn('sandbox', token);
    const r = await tester.test(app, device('10086', token));
    expect(r.verdict).toBe('TOKEN_ENVIRONMENT_MISMATCH');
    expect(r.provider).toEqual({ status: 400, reason: 'BadDeviceToken', environment: 'production' });
    expect(english(r.fix)).toContain('10087');
    expect(english(r.fix)).toMatch(/sandbox/);
    expect(english(r.cause)).toMatch(/development build/);
    expect(chinese(r.cause)).toBe(
      `这是开发环境的 Token：APNs 生产环境拒绝了它（BadDeviceToken），而 APNs 开发环境接受了同一条测试推送（apns-id ${r.id}）。该 App 是开发包（从 Xcode 直接运行的包或 Debug 包），会向 APNs 开发环境注册，但它用证书 10086 上报了 Token，而该证书配置的是生产环境。`,
    );
    expect(chinese(r.fix)).toMatch(/^Debug 包必须用证书 ID 10087（com\.example\.app 的开发环境证书）上报 Token：/);
    expect(r.id).toBe(fx.apns.sandbox.requests[0]?.acceptedApnsId);
    expect(r.id).toBeDefined();
    expect(fx.apns.production.requests).toHaveLength(1);
    expect(fx.apns.sandbox.requests).toHaveLength(1);
  });

  it('a production token on the sandbox certificate names the production certificate ID', async () => {
    const token = apnsToken();
    fx.tokenOnlyIn('production', token);
    const r = await tester.test(app, device('10087', token));
    expect(r.verdict).toBe('TOKEN_ENVIRONMENT_MISMATCH');
    expect(english(r.fix)).toContain('10086');
    expect(english(r.cause)).toMatch(/TestFlight|App Store/);
  });

  it('BadEnvironmentKeyInToken accepted on the other host is also an environment mismatch', async () => {
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'reject', reason: 'BadEnvironmentKeyInToken' });
    const r = await tester.test(app, device('10086', token));
    expect(r).toMatchObject({ verdict: 'TOKEN_ENVIRONMENT_MISMATCH', provider: { status: 403, reason: 'BadEnvironmentKeyInToken' } });
  });

  it('without a certificate for the other environment, the fix says to configure one', async () => {
    const token = apnsToken();
    fx.tokenOnlyIn('sandbox', token);
    const onlyProd: AppConfig = { ...app, certificates: app.certificates.filter((c) => c.id !== '10087') };
    const r = await tester.test(onlyProd, device('10086', token));
    expect(r.verdict).toBe('TOKEN_ENVIRONMENT_MISMATCH');
    expect(english(r.fix)).toMatch(/No sandbox certificate for com\.example\.app is configured/);
    expect(chinese(r.fix)).toMatch(/^没有为 com\.example\.app 配置开发环境证书：/);
  });

  it('a token dead in the other environment is TOKEN_UNREGISTERED, not a mismatch', async () => {
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'reject', reason: 'BadDeviceToken' });
    fx.apns.sandbox.program(token, { kind: 'reject', reason: 'Unregistered' });
    const r = await tester.test(app, device('10086', token));
    expect(r).toMatchObject({ verdict: 'TOKEN_UNREGISTERED', provider: { status: 410, reason: 'Unregistered', environment: 'sandbox' } });
  });
});

describe('network failures are NETWORK with the detail', () => {
  it('a hung request times out at providers.apns.timeoutMs and the connection is kept', async () => {
    const ok = await tester.test(app, device('10086', apnsToken()));
    expect(ok.verdict).toBe('DELIVERED');
    const before = fx.apns.production.handshakes;
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'hang' });
    const r = await tester.test(app, device('10086', token));
    expect(r).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'timeout', environment: 'production' } });
    expect(english(r.cause)).toContain('did not answer within 400 ms');
    expect(chinese(r.cause)).toBe('APNs 生产环境没有应答：APNs 在 400 毫秒内没有应答（providers.apns.timeoutMs）。');
    expect(chinese(r.fix)).toMatch(/^请重新运行检查；/);
    expect((await tester.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
    expect(fx.apns.production.handshakes).toBe(before);
  });

  it('a slow answer within the timeout is still delivered', async () => {
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'delay', ms: 50 });
    expect((await tester.test(app, device('10086', token))).verdict).toBe('DELIVERED');
  });

  it("a GOAWAY carries APNs' reason; the next push reconnects", async () => {
    await tester.test(app, device('10086', apnsToken()));
    const before = fx.apns.production.handshakes;
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'goaway', reason: 'Shutdown' });
    const r = await tester.test(app, device('10086', token));
    expect(r).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'closed' } });
    expect(english(r.cause)).toContain('GOAWAY Shutdown');
    expect(chinese(r.cause)).toBe('APNs 生产环境没有应答：APNs 在应答前关闭了连接（GOAWAY Shutdown）。');
    expect((await tester.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
    expect(fx.apns.production.handshakes).toBe(before + 1);
  });

  it('a dropped connection is NETWORK; the next push reconnects', async () => {
    await tester.test(app, device('10086', apnsToken()));
    const before = fx.apns.production.handshakes;
    const token = apnsToken();
    fx.apns.production.program(token, { kind: 'drop' });
    const r = await tester.test(app, device('10086', token));
    expect(r).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'closed' } });
    expect(english(r.cause)).toMatch(/closed before/);
    expect((await tester.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
    expect(fx.apns.production.handshakes).toBe(before + 1);
  });

  it('an untrusted server certificate is a TLS failure (no caFile)', async () => {
    const providers: ProvidersConfig = { ...fx.providers, apns: { ...fx.providers.apns, caFile: undefined } };
    const t = createDeviceTester({ providers, log: logged.log });
    try {
      const r = await t.test(app, device('10086', apnsToken()));
      expect(r).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'tls' } });
      expect(english(r.fix)).toMatch(/caFile/);
    } finally {
      await t.close();
    }
  });

  it('an unknown host is a DNS failure and a closed port a connect failure', async () => {
    const providers: ProvidersConfig = {
      ...fx.providers,
      apns: { ...fx.providers.apns, productionUrl: 'https://api.push.invalid', sandboxUrl: 'https://127.0.0.1:1' },
    };
    const t = createDeviceTester({ providers, log: logged.log });
    try {
      const dns = await t.test(app, device('10086', apnsToken()));
      expect(dns).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'dns' } });
      expect(english(dns.cause)).toMatch(/ENOTFOUND/);
      expect(chinese(dns.cause)).toMatch(/^APNs 生产环境没有应答：无法解析 APNs 的主机名（.*ENOTFOUND.*）。$/);
      const refused = await t.test(app, device('10087', apnsToken()));
      expect(refused).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'connect' } });
      expect(english(refused.cause)).toMatch(/ECONNREFUSED/);
    } finally {
      await t.close();
    }
  });
});

describe('one run of several devices (issue 9)', () => {
  it("a hung stream is a timeout, not a GOAWAY, when another device's 500 closes the connection; a 503 and a 429 keep their own answers", async () => {
    expect((await tester.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
    const [hung, failed, busy, limited] = [apnsToken(), apnsToken(), apnsToken(), apnsToken()];
    fx.apns.production.program(hung, { kind: 'hang' });
    // node-apn closes the connection after a 500 and would then cut the other streams, and it replaces a 429/503
    // answered on a closing connection by "client session is either closed or destroyed".
    fx.apns.production.program(failed, { kind: 'delay', ms: 20, then: { kind: 'reject', reason: 'InternalServerError' } });
    fx.apns.production.program(busy, { kind: 'delay', ms: 80, then: { kind: 'reject', reason: 'ServiceUnavailable' } });
    fx.apns.production.program(limited, {
      kind: 'sequence',
      steps: [{ kind: 'delay', ms: 120, then: { kind: 'reject', reason: 'TooManyRequests' } }, { kind: 'accept' }],
    });
    const send = (t: string) => tester.test(app, device('10086', t));
    const [h, f, b, l] = await Promise.all([send(hung), send(failed), send(busy), send(limited)]);

    expect(h).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'timeout', environment: 'production' } });
    expect(english(h.cause)).toContain('APNs did not answer within 400 ms');
    expect(english(h.cause)).toContain('providers.apns.timeoutMs');
    expect(english(h.cause)).not.toMatch(/GOAWAY|closed/);
    expect(f).toMatchObject({ verdict: 'PROVIDER_UNAVAILABLE', provider: { status: 500, reason: 'InternalServerError' } });
    expect(b).toMatchObject({ verdict: 'PROVIDER_UNAVAILABLE', provider: { status: 503, reason: 'ServiceUnavailable' } });
    expect(l).toMatchObject({ verdict: 'RATE_LIMITED', provider: { status: 429, reason: 'TooManyRequests' } });
    // Each device was sent exactly once: the answers are the providers' own, not retries.
    for (const t of [hung, failed, busy, limited]) expect(fx.apns.production.requests.filter((r) => r.token === t)).toHaveLength(1);
    // The connection is reopened for the next push, and the 429 token is accepted on its second request.
    expect((await tester.test(app, device('10086', limited))).verdict).toBe('DELIVERED');
  });

  it('a GOAWAY is told only to the devices of the connection it closed', async () => {
    expect((await tester.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
    const gone = apnsToken();
    fx.apns.production.program(gone, { kind: 'goaway', reason: 'Shutdown' });
    expect(english((await tester.test(app, device('10086', gone))).cause)).toContain('GOAWAY Shutdown');
    // The next connection is dropped without a GOAWAY: the earlier connection's reason is not its reason.
    expect((await tester.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
    const dropped = apnsToken();
    fx.apns.production.program(dropped, { kind: 'drop' });
    const later = await tester.test(app, device('10086', dropped));
    expect(later).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'closed' } });
    expect(english(later.cause)).toMatch(/closed before/);
    expect(english(later.cause)).not.toContain('GOAWAY Shutdown');
  });
});

describe('connections', () => {
  it('one TLS connection per certificate, reused across sequential and concurrent tests', async () => {
    const t = createDeviceTester({ providers: fx.providers, log: logged.log });
    const prodBefore = fx.apns.production.handshakes;
    const sandBefore = fx.apns.sandbox.handshakes;
    try {
      for (let i = 0; i < 5; i++) expect((await t.test(app, device('10086', apnsToken()))).verdict).toBe('DELIVERED');
      const many = await Promise.all(Array.from({ length: 10 }, (_, i) => t.test(app, device(i % 2 ? '10086' : '10087', apnsToken()))));
      expect(many.every((r) => r.verdict === 'DELIVERED')).toBe(true);
      expect(fx.apns.production.handshakes - prodBefore).toBe(1);
      expect(fx.apns.sandbox.handshakes - sandBefore).toBe(1);
    } finally {
      await t.close();
    }
  });
});

describe('preflight stops before sending', () => {
  it('an unknown certificate ID lists the configured ones', async () => {
    const r = await tester.test(app, device('99999', apnsToken()));
    expect(r.verdict).toBe('UNKNOWN_CERTIFICATE');
    expect(english(r.cause)).toContain('10086 (APNs production, com.example.app)');
    expect(english(r.cause)).toContain('10087 (APNs sandbox, com.example.app)');
    expect(english(r.cause)).toContain('20001 (FCM)');
    expect(fx.apns.production.requests).toHaveLength(0);
  });

  it('an FCM token under the APNs certificate is PLATFORM_MISMATCH pointing at the FCM certificate', async () => {
    const r = await tester.test(app, device('10086', fcmToken()));
    expect(r).toMatchObject({ verdict: 'PLATFORM_MISMATCH', platform: 'apns' });
    expect(english(r.fix)).toContain('20001');
    expect(fx.apns.production.requests).toHaveLength(0);
  });

  it('an Expo token is PLATFORM_MISMATCH with the native-token fix', async () => {
    const r = await tester.test(app, device('10086', 'ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]'));
    expect(r.verdict).toBe('PLATFORM_MISMATCH');
    expect(english(r.fix)).toMatch(/native/);
  });

  it('a broken credential is CREDENTIAL_INVALID without sending', async () => {
    const cert = app.certificates[0] as ApnsCertificateConfig;
    const broken: AppConfig = {
      ...app,
      certificates: [{ ...cert, auth: { type: 'token', keyFile: cert.auth.type === 'token' ? cert.auth.keyFile : '', keyId: 'abc', teamId: 'DEF123GHIJ' } }],
    };
    const r = await tester.test(broken, device('10086', apnsToken()));
    expect(r.verdict).toBe('CREDENTIAL_INVALID');
    expect(english(r.cause)).toMatch(/Key ID "abc"/);
    expect(fx.apns.production.requests).toHaveLength(0);
  });

  it('a bad-looking token that APNs rejects says what is wrong with it', async () => {
    const r = await tester.test(app, device('10086', 'abc123'));
    expect(r.verdict).toBe('BAD_DEVICE_TOKEN');
    expect(english(r.cause)).toMatch(/cut short/);
    expect(chinese(r.cause)).toMatch(/Token 本身看起来也有问题：Token 只有 6 位十六进制数字；APNs Token 通常为 64 位，因此它很可能被截断了。$/);
  });
});

describe('certificate-based auth (PKCS#12)', () => {
  it('sends with the client certificate: APNs sees its subject and no JWT', async () => {
    const { createApplePushCert } = await import('../emulators/tls.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const p12 = join(fx.dir, 'push.p12');
    writeFileSync(p12, (await createApplePushCert({ bundleId: 'com.example.app' })).p12('s3cret'));
    const withP12: AppConfig = {
      ...app,
      certificates: [
        { id: '10090', platform: 'apns', bundleId: 'com.example.app', environment: 'production', auth: { type: 'pkcs12', file: p12, passphrase: 's3cret' } },
      ],
    };
    const r = await tester.test(withP12, device('10090', apnsToken()));
    expect(r.verdict).toBe('DELIVERED');
    const [req] = fx.apns.production.requests;
    expect(req!.clientCertSubject).toContain('com.example.app');
    expect(req!.authorization).toBeUndefined();
  });
});

describe('secrets', () => {
  it('no full token, key material or JWT in any log line or result', async () => {
    const tokens = [apnsToken(), apnsToken(), apnsToken()];
    fx.apns.production.program(tokens[1]!, { kind: 'reject', reason: 'Unregistered' });
    fx.tokenOnlyIn('sandbox', tokens[2]!);
    const results = [...(await Promise.all(tokens.map((t) => tester.test(app, device('10086', t))))), await tester.test(app, device('99999', tokens[0]!))];
    const cert = app.certificates[0] as ApnsCertificateConfig;
    const keyPem = readFileSync(cert.auth.type === 'token' ? cert.auth.keyFile : '', 'utf8');
    const keyBody = keyPem.split('\n')[1]!;
    const jwt = fx.apns.production.requests[0]!.authorization!.split(' ')[1]!;
    const text = logged.lines.join('\n') + JSON.stringify(results);
    expect(logged.lines.some((l) => l.includes('"msg":"test push"'))).toBe(true);
    for (const t of tokens) expect(text).not.toContain(t);
    expect(text).not.toContain(keyBody);
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(jwt.slice(0, 40));
  });

  it('counts verdicts and durations in Metrics', async () => {
    expect(await metrics.pushVerdicts.get({ platform: 'apns', verdict: 'DELIVERED' })).toBeGreaterThan(0);
    expect(await metrics.metrics()).toMatch(/imops_push_duration_seconds_count\{platform="apns"\} \d+/);
  });
});

describe('the words a Chinese reader gets', () => {
  const cert = (): ApnsCertificateConfig => app.certificates.find((c) => c.id === '10086') as ApnsCertificateConfig;

  it('a certificate is named by its environment and bundle ID', () => {
    expect(english(apns.describeCertificate(cert()))).toBe('APNs production, com.example.app');
    expect(chinese(apns.describeCertificate(cert()))).toBe('APNs 生产环境，com.example.app');
  });

  it('upload warnings: the reported environment and bundle ID stay data', () => {
    const warnings = apns.reportWarnings(cert(), { token: apnsToken(), environment: 'sandbox', bundleId: 'com.other.app' });
    expect(warnings.map(english)).toEqual([
      'The app reported a sandbox token but certificate 10086 is for production: debug builds get sandbox tokens, release builds production tokens, and each needs its own certificate ID.',
      'The app reported bundle ID com.other.app but certificate 10086 pushes to com.example.app: APNs will answer DeviceTokenNotForTopic.',
    ]);
    expect(warnings.map(chinese)).toEqual([
      'App 上报的是开发环境 Token，但证书 10086 用于生产环境：Debug 包获取的是开发环境 Token，Release 包获取的是生产环境 Token，两者各需要一个证书 ID。',
      'App 上报的 Bundle ID 是 com.other.app，但证书 10086 推送的目标是 com.example.app：APNs 会返回 DeviceTokenNotForTopic。',
    ]);
    expect(chinese(apns.reportWarnings(cert(), { token: 'x', environment: 'staging' })[0]!)).toMatch(/^App 上报的是“staging”环境的 Token，/);
  });

  it('what looks wrong with a token, with its numbers', () => {
    const hex = apnsToken();
    const wrapped = apns.tokenShape(`<${hex.slice(0, 8)} ${hex.slice(8)}>`)!;
    expect(wrapped.problems.map(chinese)).toEqual([
      'Token 被 < > 包裹（NSData 的 description 格式）；App 应只上报其中的十六进制数字。',
      'Token 中含有空格；APNs Token 是连续的十六进制数字，中间没有任何其他字符。',
    ]);
    const base64 = apns.tokenShape(Buffer.from(hex, 'hex').toString('base64'))!;
    expect(english(base64.problems[0]!)).toMatch(/^The token is base64 \(32 bytes\), not hex/);
    expect(chinese(base64.problems[0]!)).toMatch(/^Token 是 base64 编码（32 字节），而不是十六进制/);
    expect(chinese(apns.tokenShape('abc')!.problems[0]!)).toBe('Token 的十六进制位数为奇数（3 位），说明它被截断或已损坏。');
  });
});
