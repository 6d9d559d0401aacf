// Xiaomi Mi Push through imops' own client against the loopback Mi Push: the key= header, package and channel,
// every documented code, bad_regids and the day quota, timeouts and 5xx, and what --live can and cannot check.
import { describe, expect, it } from 'vitest';
import { english } from '../text/english.js';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import { providerFor } from '../../src/push/providers/index.js';
import { XIAOMI_REASONS } from '../../src/push/providers/xiaomi/reasons.js';
import { xiaomiToken } from '../emulators/xiaomi.js';
import { honorToken } from '../emulators/honor.js';
import { huaweiToken } from '../emulators/huawei.js';
import { apnsToken, fcmToken } from '../emulators/push-fixture.js';
import { capturingLogger, device } from './helpers.js';
import { MI_SECRET, type VendorEmulators, useVendorTester } from './vendor-emulators.js';

let vx: VendorEmulators;
let tester: DeviceTester;
const logged = capturingLogger();
useVendorTester(logged.log, (h) => ({ vx, tester } = h));

const mi = (token: string) => device('30003', token, 'xiaomi');

describe('Xiaomi Mi Push test push', () => {
  it('sends with key=<AppSecret>, the package name and the channel ID, and shows the day quota', async () => {
    const token = xiaomiToken();
    const r = await tester.test(vx.app(), mi(token));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'xiaomi', provider: { status: 200, reason: '0' } });
    expect(english(r.cause)).toMatch(/channel 123.*of 1000 messages used/);
    const [q] = vx.xiaomi.requests;
    expect(q!.authorization).toBe(`key=${MI_SECRET}`);
    expect(q!.form).toMatchObject({ registration_id: token, restricted_package_name: 'com.example.app', 'extra.channel_id': '123', pass_through: '0' });
    expect(JSON.stringify(r)).not.toContain(MI_SECRET);
  });

  it.each([
    [10031, 'APP_NOT_APPROVED', /app store/],
    [10034, 'QUOTA_EXCEEDED', /private-message/],
    [10037, 'CLOCK_SKEW', /NTP/],
    [20301, 'TOKEN_UNREGISTERED', /registers again/],
    [10027, 'RATE_LIMITED', /Wait/],
    [65009, 'PAYLOAD_REJECTED', /too long/],
  ] as const)('code %s is %s', async (code, verdict, words) => {
    const token = xiaomiToken();
    vx.xiaomi.program(token, { kind: 'code', code, reason: `reason ${code}`, description: `描述 ${code}` });
    const r = await tester.test(vx.app(), mi(token));
    expect(r.verdict).toBe(verdict);
    expect(r.provider).toMatchObject({ reason: String(code), message: `reason ${code} / 描述 ${code}` });
    expect(`${english(r.cause)} ${english(r.fix)}`).toMatch(words);
  });

  it('a wrong AppSecret is 21301, a wrong package 22022 and an unknown channel 27001, as the real vendor answers', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ appSecret: 'not-the-secret' }, '21301', 'CREDENTIAL_INVALID'],
      [{ packageName: 'com.example.other' }, '22022', 'SENDER_MISMATCH'],
      [{ channelId: '999' }, '27001', 'CHANNEL_INVALID'],
    ];
    for (const [change, code, verdict] of cases) {
      const app = vx.app();
      Object.assign(app.certificates[2]!, change);
      const r = await tester.test(app, mi(xiaomiToken()));
      expect(r, code).toMatchObject({ verdict, provider: { reason: code } });
      expect(JSON.stringify(r)).not.toContain('not-the-secret');
    }
  });

  it('bad_regids in an accepted answer is TOKEN_UNREGISTERED, not success', async () => {
    const token = xiaomiToken();
    vx.xiaomi.program(token, { kind: 'badRegid' });
    const r = await tester.test(vx.app(), mi(token));
    expect(r).toMatchObject({ ok: false, verdict: 'TOKEN_UNREGISTERED', provider: { reason: 'bad_regids' } });
    expect(JSON.stringify(r)).not.toContain(token);
  });

  it('an unknown code is shown verbatim with a generic fix; 5xx and a hang are explained', async () => {
    const token = xiaomiToken();
    vx.xiaomi.program(token, { kind: 'code', code: 99999, reason: 'brand new reason' });
    const r = await tester.test(vx.app(), mi(token));
    expect(r.ok).toBe(false);
    expect(r.provider).toMatchObject({ reason: '99999', message: 'brand new reason' });
    expect(english(r.fix)).toMatch(/服务端错误码参考/);
    const down = xiaomiToken();
    vx.xiaomi.program(down, { kind: 'http', status: 502, text: '<html>Bad Gateway</html>' });
    expect(await tester.test(vx.app(), mi(down))).toMatchObject({ verdict: 'PROVIDER_UNAVAILABLE', provider: { status: 502, reason: 'HTTP 502' } });
    const quick = createDeviceTester({ providers: vx.providers(300), log: logged.log });
    try {
      const hang = xiaomiToken();
      vx.xiaomi.program(hang, { kind: 'hang' });
      expect(await quick.test(vx.app(), mi(hang))).toMatchObject({ verdict: 'NETWORK', provider: { reason: 'timeout' } });
    } finally {
      await quick.close();
    }
  });

  it('an FCM, APNs or Huawei token under the Xiaomi certificate is PLATFORM_MISMATCH before anything is sent', async () => {
    for (const token of [fcmToken(), apnsToken(), huaweiToken()]) {
      const r = await tester.test(vx.app(), mi(token));
      expect(r.verdict, token).toBe('PLATFORM_MISMATCH');
    }
    expect(vx.xiaomi.requests).toHaveLength(0);
  });

  it('without channelId every result and push certs warn about the one-push-a-day default channel', async () => {
    const app = vx.app();
    delete (app.certificates[2] as { channelId?: string }).channelId;
    const r = await tester.test(app, mi(xiaomiToken()));
    expect(english(r.cause)).toMatch(/default channel: 1 push per device per day/);
    expect(vx.xiaomi.requests[0]!.form).not.toHaveProperty('extra.channel_id');
    const [h] = await tester.certificates({ ...app, certificates: [app.certificates[2]!] });
    expect(h).toMatchObject({ level: 'warning' });
  });

  it('--live says what it can and cannot check (no token endpoint)', async () => {
    const [h] = await tester.certificates(vx.app(vx.certificates.slice(2)), { live: true });
    expect(english(h!.summary)).toMatch(/answered.*cannot check the AppSecret/);
    expect(providerFor('xiaomi').sweepMode).toBe('credential_and_token');
  });

  it('upload warns when the app reports another package', () => {
    const warnings = providerFor('xiaomi').reportWarnings(vx.certificates[2]!, { token: xiaomiToken(), bundleId: 'com.example.debug' });
    expect(warnings.map(english).join(' ')).toMatch(/22022/);
  });

  it('its reason table holds every code of the reference', () => {
    for (const code of [
      '-1',
      '1',
      '10001',
      '10002',
      '10003',
      '10008',
      '10012',
      '10016',
      '10017',
      '10027',
      '10029',
      '10031',
      '10034',
      '10036',
      '10037',
      '20301',
      '21301',
      '21302',
      '21303',
      '22000',
      '22006',
      '22007',
      '22022',
      '22102',
      '26006',
      '27001',
      '65003',
      '65009',
    ]) {
      expect(XIAOMI_REASONS.has(code), code).toBe(true);
    }
    expect(logged.lines.join('\n')).not.toContain(MI_SECRET);
  });
});

describe('sweep mode without a dry run', () => {
  it('Honor and Xiaomi with validateOnly send nothing: Honor checks the credential, Xiaomi only the shape', async () => {
    const app = vx.app();
    for (const [i, token, platform] of [
      [1, honorToken(), 'honor'],
      [2, xiaomiToken(), 'xiaomi'],
    ] as const) {
      const provider = providerFor(platform);
      const sender = await provider.createSender(vx.providers()[platform], logged.log);
      try {
        const cert = app.certificates[i]!;
        const { loaded } = await provider.inspect(cert, Date.now());
        const r = await sender.test({ app, device: device(cert.id, token, platform), certificate: cert, loaded, tokenProblems: [], validateOnly: true });
        expect(r).toMatchObject({ verdict: 'DELIVERED', provider: { reason: 'credential_and_token' } });
        expect(english(r.cause)).toMatch(/nothing was sent/);
      } finally {
        await sender.close();
      }
    }
    expect(vx.honor.requests).toHaveLength(0);
    expect(vx.honor.tokenRequests).toHaveLength(1);
    expect(vx.xiaomi.requests).toHaveLength(0);
  });
});
