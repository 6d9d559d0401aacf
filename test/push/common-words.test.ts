// The push check's shared words (t.pushWords.common) in Chinese: every sentence is Chinese, carries no English prose,
// keeps its data verbatim, and spaces Latin names and numbers from the Chinese around them.
import { describe, expect, it } from 'vitest';
import { englishProse } from '../text/language.js';
import type { ProviderNames } from '../../src/text/en/push/names.js';
import { common as en } from '../../src/text/en/push/common.js';
import { zh as zhTemplate } from '../../src/text/zh-CN/common.js';
import { common as zh } from '../../src/text/zh-CN/push/common.js';

const CJK = /[\u4e00-\u9fff]/;

/** The first run of English prose (three or more English words outside data), if any. */
const englishRun = (s: string): string | undefined => englishProse(s)[0];

// Names as a Chinese catalogue would write them: one Latin, one Chinese (the spacing differs).
const apns: ProviderNames = {
  display: 'APNs',
  article: '',
  device: 'iOS（APNs）',
  credentialKind: '密钥或证书',
  token: 'APNs 设备 Token',
  tokenSource: 'didRegisterForRemoteNotificationsWithDeviceToken 返回的 APNs 设备 Token',
};
const xiaomi: ProviderNames = {
  display: '小米推送',
  article: '',
  device: 'Android（小米推送）',
  credentialKind: 'AppSecret',
  token: '小米 regId',
  tokenSource: 'MiPushClient.getRegId() 返回的 regId',
};
const unknown = { id: '99999', app: 'prod', sdkAppId: 1400000000, configured: ['10086（APNs 生产环境）', '20001（FCM）'] };
const none = { ...unknown, configured: [] };

/** Every sentence of the section, worded by `w` with the same data. */
function sentences(w: typeof en): Record<string, string> {
  return {
    'unknownCertificate.problem': w.unknownCertificate.problem(unknown),
    'unknownCertificate.problem(none)': w.unknownCertificate.problem(none),
    'unknownCertificate.fix': w.unknownCertificate.fix(unknown),
    'unknownCertificate.fix(none)': w.unknownCertificate.fix(none),
    'unknownCertificate.cause': w.unknownCertificate.cause(unknown),
    'unknownCertificate.fixSentence': w.unknownCertificate.fixSentence(unknown),
    'preflight.expoCause': w.preflight.expoCause('10086', apns),
    'preflight.expoFix': w.preflight.expoFix(xiaomi),
    'preflight.otherTokenCause': w.preflight.otherTokenCause('30003', xiaomi, apns),
    'preflight.otherTokenFix': w.preflight.otherTokenFix('30003', xiaomi, apns, ['10086（APNs 生产环境）']),
    'preflight.otherTokenFix(none)': w.preflight.otherTokenFix('10086', apns, xiaomi, []),
    'preflight.otherPlatformCause': w.preflight.otherPlatformCause('10086', xiaomi, apns),
    'preflight.otherPlatformFix': w.preflight.otherPlatformFix(xiaomi, []),
    'preflight.unusableCause': w.preflight.unusableCause('10086', undefined),
    'preflight.unusableFix': w.preflight.unusableFix,
    'tester.noDryRunBadTokenCause': w.tester.noDryRunBadTokenCause(xiaomi, [w.token.empty]),
    'tester.noDryRunBadTokenFix': w.tester.noDryRunBadTokenFix('30003', xiaomi),
    'tester.noDryRunOkCause': w.tester.noDryRunOkCause('30003', xiaomi),
    'tester.noDryRunOkFix': w.tester.noDryRunOkFix,
    'tester.unexpectedCause': w.tester.unexpectedCause,
    'tester.unexpectedFix': w.tester.unexpectedFix,
    'tester.withLive': w.tester.withLive(w.token.empty, w.token.quoted),
    'token.empty': w.token.empty,
    'token.padded': w.token.padded,
    'token.quoted': w.token.quoted,
    'token.control': w.token.control,
    'token.urlEncoded': w.token.urlEncoded,
    'token.expo': w.token.expo('APNs、小米推送'),
    'token.unknownWithSpaces': w.token.unknownWithSpaces('APNs、小米推送'),
    'token.unknown': w.token.unknown('APNs、小米推送'),
    'upload.reportedPlatform': w.upload.reportedPlatform('fcm', '30003', xiaomi),
    'upload.otherToken': w.upload.otherToken('30003', xiaomi, apns),
    'upload.storedUnknown': w.upload.storedUnknown(unknown),
    'upload.storedAs(report)': w.upload.storedAs(xiaomi, 'report'),
    'upload.storedAs(token)': w.upload.storedAs(apns, 'token'),
    'upload.storedAs(guess)': w.upload.storedAs(apns, 'guess'),
    'upload.ignoredField': w.upload.ignoredField('extra'),
    'upload.evicted': w.upload.evicted(20, xiaomi, '30003', 'cccccc…0001', '2026-01-01T00:01:00.000Z'),
    'credentialFile.unreadable': w.credentialFile.unreadable('密钥文件', '/etc/imops/k.p8', 'ENOENT'),
    'credentialFile.readableByOthers': w.credentialFile.readableByOthers('密钥文件', '/etc/imops/k.p8', '644'),
    'credentialFile.readableByOthersFix': w.credentialFile.readableByOthersFix('/etc/imops/k.p8'),
  };
}

describe('t.pushWords.common in Chinese', () => {
  it('every sentence is Chinese, without English prose, "[object Object]" or "undefined"', () => {
    const english = sentences(en);
    for (const [key, s] of Object.entries(sentences(zh))) {
      expect(s, key).toMatch(CJK);
      expect(englishRun(s), `${key}: ${s}`).toBeUndefined();
      for (const bad of ['undefined', '[object Object]', 'NaN']) expect(s, key).not.toContain(bad);
      expect(s, key).not.toBe(english[key]);
    }
  });

  it('keeps the data of each sentence: IDs, app, SDKAppID, codes, paths, commands', () => {
    const s = sentences(zh);
    expect(s['unknownCertificate.cause']).toBe(
      '客户端上报此 Token 时使用的证书 ID "99999" 未在应用 prod（SDKAppID 1400000000）中配置；已配置的证书：10086（APNs 生产环境）、20001（FCM）。',
    );
    expect(s['upload.storedUnknown']).toContain('UNKNOWN_CERTIFICATE');
    expect(s['upload.evicted']).toContain('2026-01-01T00:01:00.000Z');
    expect(s['upload.evicted']).toContain('DELETE /v1/devices');
    expect(s['credentialFile.unreadable']).toBe('无法读取密钥文件 /etc/imops/k.p8（ENOENT）。');
    expect(s['credentialFile.readableByOthersFix']).toContain('`chmod 600 /etc/imops/k.p8`');
    expect(s['preflight.unusableFix']).toContain('`imops push certs`');
    expect(s['token.expo']).toContain('getDevicePushTokenAsync');
    expect(s['upload.ignoredField']).toContain('"extra"');
  });

  it('spaces a Latin name from Chinese, never a Chinese one', () => {
    const s = sentences(zh);
    expect(s['preflight.expoCause']).toBe('证书 10086 是 APNs 证书，但该 Token 是 Expo 推送 Token，APNs 无法使用。');
    expect(s['upload.reportedPlatform']).toBe('App 上报的平台为 fcm，但证书 30003 是小米推送证书：App 上报时用错了证书 ID。');
    expect(s['tester.noDryRunOkCause']).toBe('没有发送任何推送（小米推送没有试运行接口）：证书 30003 的凭证可用，Token 格式也正确。');
    expect(zhTemplate`已有${20}台${'设备'}`).toBe('已有 20 台设备');
    expect(zhTemplate`${''}证书${'A'}${''}是`).toBe('证书 A 是');
    expect(zhTemplate`无法读取${'.p8 密钥文件'} ${'/k.p8'}（${'ENOENT'}）`).toBe('无法读取 .p8 密钥文件 /k.p8（ENOENT）');
    expect(zhTemplate`通过${'getToken()'}获取`).toBe('通过 getToken() 获取');
  });

  it('joins lists, choices and warnings the Chinese way', () => {
    expect(zh.list(['APNs', 'FCM', '小米推送'])).toBe('APNs、FCM、小米推送');
    expect(zh.orList(['apns', 'fcm', 'huawei'])).toBe('apns、fcm 或 huawei');
    expect(en.orList(['apns', 'fcm', 'huawei'])).toBe('apns, fcm or huawei');
    expect(zh.sentence('用户已登出')).toBe('用户已登出。');
    expect(en.sentence('the user logged out')).toBe('The user logged out.');
    expect(zh.warningsLine(['第一条。', 'An old one.', '第三条'])).toBe('第一条。An old one. 第三条');
    expect(zh.certificate('10086', 'APNs 生产环境')).toBe('10086（APNs 生产环境）');
    expect(zh.allProviders('APNs、FCM')).toBe('推送服务（APNs、FCM）');
  });
});
