import { describe, expect, it } from 'vitest';
import { evictionWarnings, unknownCertificateUpload, uploadWarnings as warningTexts } from '../../src/push/devices.js';
import type { AppConfig, CertificateConfig } from '../../src/config/types.js';
import type { DeviceReport } from '../../src/push/providers/types.js';
import type { Device } from '../../src/push/types.js';
import { chinese, english } from '../text/english.js';

const uploadWarnings = (cert: CertificateConfig, report: DeviceReport) => warningTexts(cert, report).map(english);
const CJK = /[\u4e00-\u9fff]/;

const tokenA = 'a'.repeat(64);

describe('upload warnings', () => {
  const apns: CertificateConfig = {
    id: '10086',
    platform: 'apns',
    bundleId: 'com.example.app',
    environment: 'production',
    auth: { type: 'token', keyFile: '/k.p8', keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
  };
  const fcm: CertificateConfig = { id: '20001', platform: 'fcm', serviceAccountFile: '/sa.json' };
  const fcmToken = `${'c'.repeat(22)}:APA91b${'d'.repeat(130)}`;

  it('has nothing to say about a matching report', () => {
    expect(uploadWarnings(apns, { token: tokenA, platform: 'apns', environment: 'production', bundleId: 'com.example.app' })).toEqual([]);
    expect(uploadWarnings(fcm, { token: fcmToken, platform: 'fcm' })).toEqual([]);
  });

  it("names a token under the other platform's certificate, a wrong environment and a wrong bundle ID", () => {
    expect(uploadWarnings(apns, { token: fcmToken })).toEqual([expect.stringMatching(/FCM registration token but certificate 10086 is an APNs certificate/)]);
    expect(uploadWarnings(fcm, { token: tokenA })).toEqual([expect.stringMatching(/APNs device token \(hex\) but certificate 20001 is an FCM certificate/)]);
    expect(uploadWarnings(apns, { token: tokenA, platform: 'fcm' })[0]).toMatch(/reported platform fcm/);
    expect(JSON.stringify(uploadWarnings(apns, { token: tokenA, environment: 'sandbox' })[0])).toMatch(/sandbox token but certificate 10086 is for production/);
    expect(JSON.stringify(uploadWarnings(apns, { token: tokenA, bundleId: 'com.example.dev' })[0])).toMatch(/DeviceTokenNotForTopic/);
    expect(JSON.stringify(uploadWarnings(apns, { token: `<${tokenA}>` })[0])).toMatch(/NSData/);
  });

  it('says it in Chinese too, naming the certificate and the provider of the token, and keeps data as it is', () => {
    const [w] = warningTexts(apns, { token: fcmToken });
    expect(chinese(w!)).toMatch(CJK);
    expect(chinese(w!)).toContain('10086');
    expect(chinese(w!)).toMatch(/^该 Token 看起来是.*但证书 10086 是 APNs 证书：/);
    expect(chinese(warningTexts(apns, { token: tokenA, platform: 'fcm' })[0]!)).toBe(
      'App 上报的平台为 fcm，但证书 10086 是 APNs 证书：App 上报时用错了证书 ID。',
    );
  });

  it('a device under an unconfigured certificate ID: stored, saying why and as what, in both languages', () => {
    const app = { name: 'prod', sdkAppId: 1400000000, certificates: [apns, fcm] } as unknown as AppConfig;
    const { platform, from, warnings } = unknownCertificateUpload(app, '99999', { token: fcmToken });
    expect({ platform, from }).toEqual({ platform: 'fcm', from: 'token' });
    expect(warnings.map(english)).toEqual([
      expect.stringMatching(/^Stored, but certificate ID "99999" is not configured for app prod \(SDKAppID 1400000000\); configured: 10086 \(.*\), 20001 \(/),
      'Stored as an FCM device (because the token looks like one).',
    ]);
    expect(chinese(warnings[0]!)).toMatch(/^已存储，但证书 ID "99999" 未在应用 prod（SDKAppID 1400000000）中配置；已配置的证书：10086（.*）、20001（/);
    expect(chinese(warnings[1]!)).toMatch(/^已按 ?FCM ?设备存储（因为 Token 看起来是该平台的）。$/);
    expect(JSON.stringify(warnings)).not.toContain('[object Object]');
    const guessed = unknownCertificateUpload({ ...app, certificates: [] }, '1', { token: 'not a token' });
    expect(english(guessed.warnings[0]!)).toBe(
      'Stored, but certificate ID "1" is not configured: app prod (SDKAppID 1400000000) has no push certificates in imops. A test push to this device will report UNKNOWN_CERTIFICATE until the app uploads with a configured ID or the certificate is added to imops.yml.',
    );
    expect(chinese(guessed.warnings[1]!)).toContain('推测');
  });

  it('an eviction names the removed device in both languages', () => {
    const d = { platform: 'apns', certificateId: '10086', token: tokenA, lastSeen: '2026-01-01T00:01:00.000Z' } as Device;
    const [w] = evictionWarnings([d], 20);
    expect(english(w!)).toMatch(
      /^This UserID already had 20 devices, .*\(APNs, certificate 10086, token aaaaaa…aaaa \(64 chars\), last seen 2026-01-01T00:01:00\.000Z\)/,
    );
    expect(chinese(w!)).toMatch(/^该 UserID 已有 20 台设备.*证书 10086.*最后上报于 2026-01-01T00:01:00\.000Z/);
    expect(chinese(w!)).toContain('DELETE /v1/devices');
  });
});
