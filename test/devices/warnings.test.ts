import { describe, expect, it } from 'vitest';
import { uploadWarnings } from '../../src/push/devices.js';
import type { CertificateConfig } from '../../src/config/types.js';

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
});
