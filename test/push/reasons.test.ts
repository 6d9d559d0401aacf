// The reason catalogue, walked whole: every APNs reason Apple lists and every FCM / firebase-admin error has a
// verdict, and a cause and fix of its own written for a person.
import { describe, expect, it } from 'vitest';
import { APNS_REASON_STATUS } from '../emulators/apns.js';
import { chinese, english } from '../text/english.js';
import { APNS_REASONS, explainApnsReason } from '../../src/push/providers/apns/reasons.js';
import { FCM_REASONS, explainFcmError } from '../../src/push/providers/fcm/reasons.js';
import type { PushVerdict } from '../../src/push/types.js';

const VERDICTS: PushVerdict[] = [
  'DELIVERED',
  'NO_DEVICES',
  'UNKNOWN_CERTIFICATE',
  'PLATFORM_MISMATCH',
  'TOKEN_ENVIRONMENT_MISMATCH',
  'BAD_DEVICE_TOKEN',
  'TOKEN_NOT_FOR_TOPIC',
  'TOKEN_UNREGISTERED',
  'CREDENTIAL_INVALID',
  'CREDENTIAL_EXPIRED',
  'CERT_ENVIRONMENT_MISMATCH',
  'TOPIC_INVALID',
  'SENDER_MISMATCH',
  'THIRD_PARTY_AUTH',
  'PAYLOAD_REJECTED',
  'RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'NETWORK',
];

// Apple's table (push-failures.md §1.2) is the APNs emulator's: 32 reasons, plus the doc's other spelling of
// BadEnvironmentKeyInToken.
const APPLE = APNS_REASON_STATUS;

// §3: FCM v1 error codes and firebase-admin's codes.
const FCM_CODES = [
  'UNSPECIFIED_ERROR',
  'INVALID_ARGUMENT',
  'UNREGISTERED',
  'SENDER_ID_MISMATCH',
  'QUOTA_EXCEEDED',
  'UNAVAILABLE',
  'INTERNAL',
  'THIRD_PARTY_AUTH_ERROR',
  'APNS_AUTH_ERROR',
  'messaging/registration-token-not-registered',
  'messaging/installation-id-not-registered',
  'messaging/invalid-argument',
  'messaging/invalid-registration-token',
  'messaging/mismatched-credential',
  'messaging/message-rate-exceeded',
  'messaging/device-message-rate-exceeded',
  'messaging/topics-message-rate-exceeded',
  'messaging/third-party-auth-error',
  'messaging/authentication-error',
  'messaging/server-unavailable',
  'messaging/internal-error',
  'messaging/unknown-error',
  'messaging/payload-size-limit-exceeded',
  'messaging/invalid-data-payload-key',
  'messaging/invalid-options',
  'messaging/invalid-package-name',
  'messaging/invalid-recipient',
  'messaging/invalid-payload',
  'messaging/too-many-topics',
  'messaging/topics-subscription-rate-exceeded',
  'app/invalid-credential',
  'app/network-error',
  'app/network-timeout',
];

describe('the APNs catalogue', () => {
  it("has all 32 of Apple's reasons with Apple's status, and both spellings of BadEnvironmentKey(Id)InToken", () => {
    expect(Object.keys(APPLE)).toHaveLength(33);
    for (const [reason, status] of Object.entries(APPLE)) expect(APNS_REASONS.get(reason)?.status, reason).toBe(status);
    expect(APNS_REASONS.get('BadEnvironmentKeyIdInToken')?.verdict).toBe(APNS_REASONS.get('BadEnvironmentKeyInToken')?.verdict);
    expect(APNS_REASONS.size).toBe(33);
  });
});

describe('the FCM catalogue', () => {
  it('has every FCM v1 code and firebase-admin code', () => {
    for (const code of FCM_CODES) expect(FCM_REASONS.has(code), code).toBe(true);
  });

  it('reads what firebase-admin folds together', () => {
    expect(explainFcmError('messaging/invalid-argument', 'The registration token is not a valid FCM registration token').verdict).toBe('BAD_DEVICE_TOKEN');
    expect(explainFcmError('messaging/invalid-argument', 'Invalid value at message.android.ttl').verdict).toBe('PAYLOAD_REJECTED');
    expect(explainFcmError('messaging/third-party-auth-error', 'Request had invalid authentication credentials.').verdict).toBe('CREDENTIAL_INVALID');
    expect(explainFcmError('messaging/third-party-auth-error', 'Auth error from APNS or Web Push Service').verdict).toBe('THIRD_PARTY_AUTH');
    expect(explainFcmError('messaging/mismatched-credential', "Permission 'cloudmessaging.messages.create' denied").verdict).toBe('CREDENTIAL_INVALID');
    expect(explainFcmError('messaging/mismatched-credential', 'SenderId mismatch').verdict).toBe('SENDER_MISMATCH');
    expect(english(explainFcmError('app/invalid-credential', 'Error fetching access token: invalid_grant (Invalid JWT Signature.)').fix)).toMatch(/clock/);
    expect(explainFcmError('messaging/brand-new', 'x').verdict).toBe('PROVIDER_UNAVAILABLE');
  });
});

describe('every entry', () => {
  const all = [...APNS_REASONS.values(), ...FCM_REASONS.values()];

  it.each(all.map((e) => [e.provider, e.reason, e] as const))('%s %s: a verdict, and a cause and fix in sentences', (_p, _r, entry) => {
    expect(VERDICTS).toContain(entry.verdict);
    expect(entry.verdict).not.toBe('DELIVERED');
    expect(english(entry.cause)).toMatch(/^[A-Z'"a-z].{15,}[.)]$/s);
    expect(english(entry.fix)).toMatch(/^[A-Z].{8,}[.)]$/s);
    expect(english(entry.fix)).not.toBe(english(entry.cause));
    // A Chinese reader gets a Chinese sentence of their own, ending as Chinese sentences do.
    expect(chinese(entry.cause)).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese(entry.cause)).toMatch(/[。！？][）”)"]?$/);
    expect(chinese(entry.fix)).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese(entry.fix)).toMatch(/[。！？][）”)"]?$/);
    expect(chinese(entry.fix)).not.toBe(chinese(entry.cause));
  });

  it('the same cause is never reused for reasons with different verdicts', () => {
    const byCause = new Map<string, Set<string>>();
    for (const e of all) byCause.set(english(e.cause), (byCause.get(english(e.cause)) ?? new Set()).add(e.verdict));
    for (const [cause, verdicts] of byCause) expect(verdicts.size, cause).toBe(1);
  });

  it('an unknown APNs reason falls back by HTTP status', () => {
    expect(explainApnsReason('Brand new', 403).verdict).toBe('CREDENTIAL_INVALID');
    expect(explainApnsReason('Brand new', 410).verdict).toBe('TOKEN_UNREGISTERED');
    expect(explainApnsReason('Brand new', 503).verdict).toBe('PROVIDER_UNAVAILABLE');
    expect(explainApnsReason(undefined, 400).verdict).toBe('PAYLOAD_REJECTED');
    expect(english(explainApnsReason('Brand new', 400).cause)).toContain('Brand new');
  });

  it('an unknown reason or code is worded in Chinese too, its own words kept as data', () => {
    const apns = explainApnsReason('Brand new', 403);
    expect(english(apns.cause)).toBe('APNs answered 403 with reason "Brand new", which imops does not know. A 403 means APNs refused the credential.');
    expect(chinese(apns.cause)).toBe('APNs 返回 403，reason 为 "Brand new"，imops 不认识这一应答。403 表示 APNs 拒绝了凭证。');
    expect(chinese(explainApnsReason(undefined, undefined).cause)).toBe('APNs 返回的应答没有状态码，imops 不认识这一应答。APNs 拒绝了该请求。');
    const fcm = explainFcmError('messaging/brand-new', 'x');
    expect(english(fcm.cause)).toBe('FCM failed with messaging/brand-new, which imops does not know.');
    expect(chinese(fcm.cause)).toBe('FCM 返回失败：messaging/brand-new，imops 不认识这一错误。');
    expect(chinese(fcm.fix)).toMatch(/imops 维护者/);
  });
});
