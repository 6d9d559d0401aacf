// The push check's own words (preflight stops, the tester's answers without a dry run) in both languages: the
// same facts (IDs, configured certificates, provider names) in English and in Chinese, and never "[object Object]".
import { afterAll, describe, expect, it } from 'vitest';
import type { AppConfig, CertificateConfig } from '../../src/config/types.js';
import { preflight, unknownCertificate } from '../../src/push/preflight.js';
import { DEFAULT_PROVIDERS, describeCertificate } from '../../src/push/providers/index.js';
import type { Inspection } from '../../src/push/providers/types.js';
import { createDeviceTester } from '../../src/push/tester.js';
import type { PushResult } from '../../src/push/types.js';
import { zhCN } from '../../src/text/zh-CN/index.js';
import { en } from '../../src/text/en/index.js';
import { meizuToken } from '../emulators/meizu.js';
import { apnsToken, fcmToken } from '../emulators/push-fixture.js';
import { chinese, english } from '../text/english.js';
import { capturingLogger, device } from './helpers.js';

const CJK = /[\u4e00-\u9fff]/;

const certs: CertificateConfig[] = [
  {
    id: '10086',
    platform: 'apns',
    bundleId: 'com.example.app',
    environment: 'production',
    auth: { type: 'token', keyFile: '/k.p8', keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
  },
  { id: '20001', platform: 'fcm', serviceAccountFile: '/sa.json' },
  { id: '30006', platform: 'meizu', appId: '110001', appSecret: 'meizu-secret-9c0a1b2d33' },
];
const app: AppConfig = { name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: certs } as AppConfig;

/** A credential check that passes (or fails with `failure`) without reading a file. */
const inspect =
  (failure?: Inspection['failure']) =>
  async (c: CertificateConfig): Promise<Inspection> => ({
    health: { certificateId: c.id, platform: c.platform, level: failure ? 'failure' : 'ok', summary: 'checked', problems: [] },
    ...(failure ? { failure } : { loaded: {} }),
  });

async function stopped(d: ReturnType<typeof device>, failure?: Inspection['failure']): Promise<PushResult> {
  const pre = await preflight(app, d, inspect(failure));
  if (pre.go) throw new Error('expected a stop');
  return pre.result;
}

function bothLanguages(r: PushResult): void {
  for (const text of [r.cause, r.fix]) {
    expect(typeof text).toBe('object');
    expect(chinese(text)).toMatch(CJK);
    expect(`${english(text)} ${chinese(text)}`).not.toContain('[object Object]');
  }
}

describe('preflight stops, in English and in Chinese', () => {
  it('an unknown certificate ID: the configured ones listed in each language', async () => {
    const r = await stopped(device('99999', apnsToken()));
    expect(r.verdict).toBe('UNKNOWN_CERTIFICATE');
    bothLanguages(r);
    expect(english(r.cause)).toMatch(
      /^The app uploaded this token with certificate ID "99999" is not configured for app prod \(SDKAppID 1400000000\); configured: 10086 \(/,
    );
    expect(english(r.fix)).toMatch(/^Use one of the configured certificate IDs/);
    expect(chinese(r.cause)).toMatch(/^客户端上报此 Token 时使用的证书 ID "99999" 未在应用 prod（SDKAppID 1400000000）中配置；已配置的证书：10086（/);
    expect(chinese(r.cause)).toContain(`、${chinese(describeCertificate(certs[1]!))}`);
    expect(chinese(r.fix)).toMatch(/。$/);
  });

  it('unknownCertificate() gives clauses in every language; English for the CLI and HTTP', () => {
    const { problem, fix } = unknownCertificate({ ...app, certificates: [] }, '7');
    expect(problem.en).toBe('certificate ID "7" is not configured: app prod (SDKAppID 1400000000) has no push certificates in imops');
    expect(fix.en).toBe('add the push certificates from the IM console (Push > Access settings) under the app in imops.yml');
    expect(problem['zh-CN']).toBe('证书 ID "7" 未配置：应用 prod（SDKAppID 1400000000）在 imops 中没有任何推送证书');
    expect(fix['zh-CN']).toContain('IM 控制台');
  });

  it('an Expo token and another provider’s token are PLATFORM_MISMATCH naming both providers as each catalogue does', async () => {
    const expo = await stopped(device('10086', 'ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]'));
    expect(expo.verdict).toBe('PLATFORM_MISMATCH');
    bothLanguages(expo);
    expect(english(expo.cause)).toBe('Certificate 10086 is an APNs certificate, but the token is an Expo push token, which APNs cannot use.');
    expect(chinese(expo.cause)).toBe('证书 10086 是 APNs 证书，但该 Token 是 Expo 推送 Token，APNs 无法使用。');
    expect(chinese(expo.fix)).toContain('getDevicePushTokenAsync');

    const other = await stopped(device('10086', fcmToken()));
    expect(other.verdict).toBe('PLATFORM_MISMATCH');
    bothLanguages(other);
    expect(english(other.cause)).toBe(
      'Certificate 10086 is an APNs certificate, but the token looks like an FCM registration token: the app uploaded its Android (FCM) token with the iOS (APNs) certificate ID.',
    );
    expect(chinese(other.cause)).toContain(zhCN.providers.fcm.names.token);
    expect(chinese(other.cause)).toContain(zhCN.providers.apns.names.device);
    expect(english(other.fix)).toMatch(/^Upload FCM tokens with an FCM certificate ID \(20001 \(FCM\)\), and upload the APNs device token from /);
    expect(chinese(other.fix)).toContain(`（${chinese(describeCertificate(certs[1]!))}）`);
    expect(chinese(other.fix)).toContain(zhCN.providers.apns.names.tokenSource);
  });

  it('a device uploaded as another platform, and a certificate that cannot be used', async () => {
    const r = await stopped(device('10086', apnsToken(), 'fcm'));
    bothLanguages(r);
    expect(english(r.cause)).toBe('The device was uploaded as Android (FCM), but certificate 10086 is for iOS (APNs).');
    expect(english(r.fix)).toBe(`Upload the token with an Android (FCM) certificate ID: ${english(describeCertificate(certs[1]!))}.`);
    expect(chinese(r.fix)).toContain(chinese(describeCertificate(certs[1]!)));

    const bad = await stopped(device('10086', apnsToken()), {
      level: 'failure',
      problem: { en: 'The key is bad.', 'zh-CN': '密钥有问题。' },
      fix: 'FIX',
      verdict: 'CREDENTIAL_INVALID',
    });
    expect(bad.verdict).toBe('CREDENTIAL_INVALID');
    expect(english(bad.cause)).toBe('Nothing was sent: certificate 10086 cannot be used. The key is bad.');
    expect(chinese(bad.cause)).toBe('没有发送任何推送：证书 10086 无法使用。密钥有问题。');
    expect(bad.fix).toBe('FIX');
  });
});

describe('a sweep of a vendor without a dry run (credential and token only)', () => {
  const tester = createDeviceTester({ providers: DEFAULT_PROVIDERS, log: capturingLogger().log });
  afterAll(() => tester.close());

  it('a right-looking token: DELIVERED, nothing sent, in both languages', async () => {
    const r = await tester.sweep(app, device('30006', meizuToken(), 'meizu'));
    expect(r).toMatchObject({ verdict: 'DELIVERED', provider: { reason: 'credential_and_token' } });
    bothLanguages(r);
    expect(english(r.cause)).toBe('Nothing was sent (Meizu has no dry run): the credential of certificate 30006 is usable and the token looks right.');
    expect(chinese(r.cause)).toContain(`${zhCN.providers.meizu.names.display}`);
    expect(chinese(r.cause)).toContain('证书 30006');
  });

  it('a token that is nobody’s: BAD_DEVICE_TOKEN with the token’s problems in the reader’s language', async () => {
    const r = await tester.sweep(app, device('30006', 'not-a-token', 'meizu'));
    expect(r.verdict).toBe('BAD_DEVICE_TOKEN');
    bothLanguages(r);
    expect(english(r.cause)).toMatch(
      /^Nothing was sent \(Meizu has no dry run\): the token does not look like a Meizu pushId: The token does not look like any push token imops knows \(APNs, /,
    );
    expect(chinese(r.cause)).toContain('该 Token 不像 imops 已知的任何推送 Token（');
    expect(english(r.fix)).toBe(`Upload ${en.providers.meizu.names.tokenSource} with certificate 30006.`);
    expect(chinese(r.fix)).toContain(zhCN.providers.meizu.names.tokenSource);
  });
});
