// FCM test pushes end to end: the real firebase-admin (OAuth with the service account included) against the
// loopback FCM emulator, reached through the configured providers.fcm.url.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinese, english } from '../text/english.js';
import { readFileSync } from 'node:fs';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import type { AppConfig, FcmCertificateConfig } from '../../src/config/types.js';
import { apnsToken, fcmToken, FIXTURE_FCM_PROJECT, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { fcm } from '../../src/push/providers/fcm/index.js';
import { capturingLogger, device } from './helpers.js';

let fx: PushFixture;
let tester: DeviceTester;
let app: AppConfig;
const logged = capturingLogger();

beforeAll(async () => {
  fx = await startPushFixture({ timeoutMs: 1500 });
  app = fx.app();
  tester = createDeviceTester({ providers: fx.providers, log: logged.log });
});
afterAll(async () => {
  await tester.close();
  await fx.close();
});
afterEach(() => fx.reset());

describe('a valid FCM token', () => {
  it('is DELIVERED after a dry run and the real send, authenticated with the service account', async () => {
    const token = fcmToken();
    const r = await tester.test(app, device('20001', token, 'fcm'));
    expect(r).toMatchObject({ ok: true, verdict: 'DELIVERED', platform: 'fcm', certificateId: '20001' });
    expect(chinese(r.cause)).toBe(`FCM 接受了项目 ${FIXTURE_FCM_PROJECT} 的测试通知（先试运行，再正式发送）。`);
    expect(chinese(r.fix)).toMatch(/^推送侧无需处理。/);
    const reqs = fx.fcm.requests;
    expect(reqs.map((q) => q.validateOnly)).toEqual([true, false]);
    expect(reqs.every((q) => q.host === 'fcm.googleapis.com' && q.project === FIXTURE_FCM_PROJECT && q.token === token)).toBe(true);
    expect(r.id).toMatch(new RegExp(`^projects/${FIXTURE_FCM_PROJECT}/messages/0:`));
    expect(r.id).not.toContain('fake_message_id');
    const notification = reqs[1]!.message!.notification as { title: string; body: string };
    expect(notification.title).toMatch(/imops/);
    const sa = JSON.parse(readFileSync((app.certificates[2] as FcmCertificateConfig).serviceAccountFile, 'utf8')) as { client_email: string };
    // The real OAuth exchange, through the same agent, signed by the service account.
    expect(fx.fcm.oauthRequests).toEqual([expect.objectContaining({ host: 'oauth2.googleapis.com', issuer: sa.client_email })]);
    expect(reqs.every((q) => q.authorization?.startsWith('Bearer ya29.emulator-'))).toBe(true);
    expect(r.token).not.toContain(token);
  });

  it('reuses the OAuth token across tests and testers', async () => {
    const t = createDeviceTester({ providers: fx.providers, log: logged.log });
    const other: AppConfig = {
      ...app,
      name: 'other',
      certificates: [{ id: '20002', platform: 'fcm', serviceAccountFile: (app.certificates[2] as FcmCertificateConfig).serviceAccountFile }],
    };
    try {
      for (let i = 0; i < 3; i++) expect((await t.test(other, device('20002', fcmToken(), 'fcm'))).verdict).toBe('DELIVERED');
      expect(fx.fcm.oauthRequests).toHaveLength(0);
      expect(fx.fcm.requests).toHaveLength(6);
    } finally {
      await t.close();
    }
  });
});

const CASES: [string, Parameters<PushFixture['fcm']['program']>[1], string, RegExp][] = [
  ['UNREGISTERED', { kind: 'fcmError', errorCode: 'UNREGISTERED' }, 'TOKEN_UNREGISTERED', /Delete this token/],
  ['INVALID_ARGUMENT (bad token)', { kind: 'fcmError', errorCode: 'INVALID_ARGUMENT' }, 'BAD_DEVICE_TOKEN', /getToken/],
  [
    'INVALID_ARGUMENT (payload)',
    { kind: 'fcmError', errorCode: 'INVALID_ARGUMENT', message: "Invalid value at 'message.android.ttl'" },
    'PAYLOAD_REJECTED',
    /field/,
  ],
  ['SENDER_ID_MISMATCH', { kind: 'fcmError', errorCode: 'SENDER_ID_MISMATCH' }, 'SENDER_MISMATCH', /Firebase project/],
  ['QUOTA_EXCEEDED', { kind: 'fcmError', errorCode: 'QUOTA_EXCEEDED', retryAfter: 60 }, 'RATE_LIMITED', /Wait/],
  ['UNAVAILABLE', { kind: 'fcmError', errorCode: 'UNAVAILABLE' }, 'PROVIDER_UNAVAILABLE', /Try again/],
  ['INTERNAL', { kind: 'fcmError', errorCode: 'INTERNAL' }, 'PROVIDER_UNAVAILABLE', /Try again/],
  ['UNSPECIFIED_ERROR', { kind: 'fcmError', errorCode: 'UNSPECIFIED_ERROR' }, 'PROVIDER_UNAVAILABLE', /Try again/],
  ['THIRD_PARTY_AUTH_ERROR', { kind: 'fcmError', errorCode: 'THIRD_PARTY_AUTH_ERROR' }, 'THIRD_PARTY_AUTH', /APNs auth key/],
  [
    "401 UNAUTHENTICATED (imops' own token)",
    { kind: 'status', status: 401, canonical: 'UNAUTHENTICATED', message: 'Request had invalid authentication credentials.' },
    'CREDENTIAL_INVALID',
    /service-account/,
  ],
  [
    '403 PERMISSION_DENIED',
    { kind: 'status', status: 403, canonical: 'PERMISSION_DENIED', message: "Permission 'cloudmessaging.messages.create' denied on resource" },
    'CREDENTIAL_INVALID',
    /Cloud Messaging API/,
  ],
  ['HTML 503 from a proxy', { kind: 'html', status: 503 }, 'PROVIDER_UNAVAILABLE', /Try again/],
];

describe('every FCM error', () => {
  it.each(CASES)('%s', async (_name, behaviour, verdict, fix) => {
    const token = fcmToken();
    fx.fcm.program(token, behaviour);
    const r = await tester.test(app, device('20001', token, 'fcm'));
    expect(r.verdict).toBe(verdict);
    expect(r.ok).toBe(false);
    expect(english(r.fix)).toMatch(fix);
    expect(r.provider.reason).toMatch(/^messaging\//);
    expect(english(r.cause)).toMatch(/dry run failed/);
    // A Chinese reader gets the step, firebase-admin's code and FCM's own message as data, and Chinese around them.
    expect(chinese(r.cause)).toMatch(new RegExp(`^FCM 试运行失败，错误码 ${r.provider.reason}[（：].*[\\u4e00-\\u9fff]`));
    expect(chinese(r.fix)).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(r)).not.toContain('[object Object]');
    // The dry run already fails, so nothing is really sent (503 is retried once, immediately).
    expect(fx.fcm.requests.every((q) => q.validateOnly)).toBe(true);
  });

  it('an error only on the real send is reported from the send step', async () => {
    const token = fcmToken();
    fx.fcm.program(token, { behaviour: { kind: 'fcmError', errorCode: 'UNREGISTERED' }, validateOnly: false });
    const r = await tester.test(app, device('20001', token, 'fcm'));
    expect(r.verdict).toBe('TOKEN_UNREGISTERED');
    expect(english(r.cause)).toMatch(/send failed/);
    expect(chinese(r.cause)).toMatch(/^FCM 正式发送失败，错误码 messaging\/registration-token-not-registered/);
    expect(fx.fcm.requests.map((q) => q.validateOnly)).toEqual([true, false]);
  });

  it('a hung FCM is NETWORK after providers.fcm.timeoutMs', async () => {
    const token = fcmToken();
    fx.fcm.program(token, { kind: 'hang' });
    const r = await tester.test(app, device('20001', token, 'fcm'));
    expect(r.verdict).toBe('NETWORK');
    expect(english(r.cause)).toMatch(/within 1500 ms/);
    expect(chinese(r.cause)).toBe('FCM 在 1500 毫秒内没有应答（试运行）。');
  });

  it('a project the service account cannot send for is CREDENTIAL_INVALID, and certs warns about it', async () => {
    const sa = (app.certificates[2] as FcmCertificateConfig).serviceAccountFile;
    const wrong: AppConfig = { ...app, certificates: [{ id: '20003', platform: 'fcm', serviceAccountFile: sa, projectId: 'someone-else' }] };
    const r = await tester.test(wrong, device('20003', fcmToken(), 'fcm'));
    expect(r.verdict).toBe('CREDENTIAL_INVALID');
    expect(fx.fcm.requests[0]!.project).toBe('someone-else');
    const [health] = await tester.certificates(wrong);
    expect(health).toMatchObject({ level: 'warning' });
    expect(english(health!.problems[0]!.problem)).toMatch(/someone-else/);
    expect(chinese(health!.problems[0]!.problem)).toMatch(/^projectId 配置为 someone-else，但该服务账号属于 /);
    expect(chinese(health!.summary)).toMatch(/^服务账号 .+，项目 someone-else$/);
  });

  it('an OAuth invalid_grant names the clock and the revoked key', async () => {
    const t = createDeviceTester({ providers: fx.providers, log: logged.log });
    // A fresh copy of the service account: firebase-admin caches credentials (and their tokens) per file.
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const copy = join(fx.dir, 'sa-copy.json');
    writeFileSync(copy, readFileSync((app.certificates[2] as FcmCertificateConfig).serviceAccountFile));
    fx.fcm.programOAuth({ kind: 'error', status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.' });
    try {
      const r = await t.test({ ...app, certificates: [{ id: '20004', platform: 'fcm', serviceAccountFile: copy }] }, device('20004', fcmToken(), 'fcm'));
      expect(r.verdict).toBe('CREDENTIAL_INVALID');
      expect(english(r.cause)).toMatch(/invalid_grant/);
      expect(english(r.fix)).toMatch(/clock/);
      expect(chinese(r.cause)).toMatch(/invalid_grant/);
      expect(chinese(r.fix)).toMatch(/^请同步服务器时钟（NTP）/);
      expect(fx.fcm.requests).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});

describe('preflight', () => {
  it('an APNs token under the FCM certificate is PLATFORM_MISMATCH pointing at the APNs certificates', async () => {
    const r = await tester.test(app, device('20001', apnsToken(), 'fcm'));
    expect(r).toMatchObject({ verdict: 'PLATFORM_MISMATCH', platform: 'fcm' });
    expect(english(r.fix)).toContain('10086');
    expect(fx.fcm.requests).toHaveLength(0);
  });

  it('a broken service account is CREDENTIAL_INVALID without sending', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const bad = join(fx.dir, 'sa-bad.json');
    writeFileSync(bad, JSON.stringify({ type: 'service_account', project_id: 'x', client_email: 'a@b' }));
    const r = await tester.test({ ...app, certificates: [{ id: '20005', platform: 'fcm', serviceAccountFile: bad }] }, device('20005', fcmToken(), 'fcm'));
    expect(r.verdict).toBe('CREDENTIAL_INVALID');
    expect(english(r.cause)).toMatch(/private_key/);
    expect(fx.fcm.requests).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('no full token, service-account key or access token in any log line or result', async () => {
    const tokens = [fcmToken(), fcmToken()];
    fx.fcm.program(tokens[1]!, { kind: 'fcmError', errorCode: 'UNREGISTERED' });
    const results = await Promise.all(tokens.map((t) => tester.test(app, device('20001', t, 'fcm'))));
    const sa = JSON.parse(readFileSync((app.certificates[2] as FcmCertificateConfig).serviceAccountFile, 'utf8')) as { private_key: string };
    const bearer = fx.fcm.requests[0]!.authorization!.split(' ')[1]!;
    const text = logged.lines.join('\n') + JSON.stringify(results);
    for (const t of tokens) expect(text).not.toContain(t);
    expect(text).not.toContain(sa.private_key.split('\n')[1]!);
    expect(text).not.toContain(bearer);
  });
});

describe('the words a Chinese reader gets', () => {
  it('a certificate is named FCM, and what looks wrong with a token keeps its numbers', () => {
    expect(chinese(fcm.describeCertificate(app.certificates[2] as FcmCertificateConfig))).toBe('FCM');
    const short = fcm.tokenShape('abc:APA91bshort')!;
    expect(english(short.problems[0]!)).toMatch(/is only 15 characters long/);
    expect(chinese(short.problems[0]!)).toBe('该 Token 看起来像 FCM 注册 Token，但只有 15 个字符（通常超过 140 个），因此很可能被截断了。');
    expect(chinese(fcm.tokenShape('abc:APA91b/+x')!.problems[0]!)).toMatch(/^该 Token 看起来像 FCM 注册 Token，但含有/);
  });
});
