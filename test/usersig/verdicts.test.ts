import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeTencentBase64,
  encodeTencentBase64,
  generatePrivateMapKey,
  generateUserSig,
  verifyUserSig,
  VERDICTS,
  type Verification,
} from '../../src/usersig/index.js';
import { randomKey, wrap } from './helpers.js';
import { inflateSync } from 'node:zlib';
import { pemLike } from './pem-like.js';

// A fixed key (the public one of reference/usersig.md §7) so the sample UserSig below is always the same string:
// it must contain "*" and "-" and end in "_" for the paste-damage cases to mean anything.
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const APP = 1400000000;
const NOW = 1_700_000_000;
const DAY = 86400;
const good = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW, expireSeconds: 180 * DAY });
const SAMPLE =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwok5mcmpUInilOzEgoLMFCUrQxMDKIDIlGTmpipZGZqjiqZWFGQWgcRNTU2N4KLFmelKVkqRpfnOYaHhhh6B4Y65ifkWZaa*zkmmeY5*yV6pzmElXiHZxQGGSYWVJkmhtkq1AALqMT8_';
const check = (userSig: string, over: Partial<{ userId: string; sdkAppId: number; secretKey: string; now: number }> = {}): Verification =>
  verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig, now: NOW + 60, ...over });

/** Sign a document the way a (possibly buggy) third-party generator would: any fields, any JSON. */
function signed(fields: Record<string, unknown>, key = KEY): Record<string, unknown> {
  const content = `TLS.identifier:${fields['TLS.identifier']}\nTLS.sdkappid:${fields['TLS.sdkappid']}\nTLS.time:${fields['TLS.time']}\nTLS.expire:${fields['TLS.expire']}\n`;
  return { 'TLS.ver': '2.0', ...fields, 'TLS.sig': createHmac('sha256', key).update(content).digest('base64') };
}
const docOf = (sig: string) => JSON.parse(inflateSync(decodeTencentBase64(sig)).toString()) as Record<string, unknown>;
const toStdBase64 = (s: string) => s.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');

/** Every failure carries its own explanation: a cause, a fix, and (where one exists) the client's error code. */
function expectVerdict(v: Verification, verdict: string, code?: number) {
  expect(v.verdict).toBe(verdict);
  expect(v.valid).toBe(verdict === 'VALID');
  expect(v.cause.length).toBeGreaterThan(30);
  expect(v.fix.length).toBeGreaterThan(20);
  expect(v.imErrorCode).toBe(code);
}

const seen = new Map<string, string>();
function record(v: Verification) {
  seen.set(v.verdict, v.cause);
  return v;
}

describe('verifyUserSig verdicts, from realistic broken input', () => {
  it('VALID: fresh, right app, user and key; with the decoded fields', () => {
    expect(good).toBe(SAMPLE);
    const v = record(check(good));
    expectVerdict(v, 'VALID');
    expect(v).toMatchObject({
      sdkAppId: APP,
      userId: 'alice',
      generatedAt: '2023-11-14T22:13:20Z',
      expiresAt: '2024-05-12T22:13:20Z',
      expireSeconds: 15552000,
    });
    expect(check(`  \n${good}\n `).verdict).toBe('VALID'); // surrounding whitespace of a paste is ignored
  });

  it('EMPTY: nothing, or only whitespace', () => {
    expectVerdict(record(check('')), 'EMPTY', 70002);
    expectVerdict(check(' \n\t '), 'EMPTY', 70002);
  });

  it('MALFORMED: converted to standard base64', () => {
    const std = toStdBase64(good);
    const v = record(check(std));
    expectVerdict(v, 'MALFORMED', 70003);
    expect(v.cause).toMatch(/standard base64/);
  });

  it('MALFORMED: URL-encoded', () => {
    const v = check(good.replace(/\*/g, '%2A'));
    expectVerdict(v, 'MALFORMED', 70003);
    expect(v.cause).toMatch(/URL-encoded/);
  });

  it('MALFORMED: wrapped across lines or with an inner space', () => {
    expect(check(`${good.slice(0, 76)}\n${good.slice(76)}`).cause).toMatch(/line break/);
    expect(check(`${good.slice(0, 50)} ${good.slice(50)}`).cause).toMatch(/space/);
  });

  it('MALFORMED: quotes copied with it, the decoded JSON pasted instead, the padding stripped', () => {
    expect(check(`"${good}"`).cause).toMatch(/quote/);
    const decodedJson = JSON.stringify(docOf(good));
    const j = check(decodedJson);
    expectVerdict(j, 'MALFORMED', 70003);
    expect(j.cause).toMatch(/decoded JSON/);
    const stripped = check(good.replace(/_+$/, ''));
    expect(stripped.verdict).toBe('MALFORMED');
    expect(stripped.cause).toMatch(/padding/);
    expect(stripped.userId).toBe('alice');
  });

  it('TRUNCATED: cut off by a short column or header, at any length', () => {
    const cut = check(good.slice(0, 120)); // a multiple of 4: decodes, but the zlib stream ends early
    expectVerdict(record(cut), 'TRUNCATED', 70003);
    expect(cut.cause).toMatch(/ends early/);
    const odd = check(good.slice(0, 121));
    expectVerdict(odd, 'TRUNCATED', 70003);
    expect(check(good.slice(0, 2)).verdict).toBe('TRUNCATED');
  });

  it('NOT_ZLIB: raw deflate, gzip, uncompressed JSON, random bytes', () => {
    const json = JSON.stringify(docOf(good));
    const raw = record(check(encodeTencentBase64(deflateRawSync(Buffer.from(json)))));
    expectVerdict(raw, 'NOT_ZLIB', 70003);
    expect(raw.cause).toMatch(/raw deflate/);
    expect(check(encodeTencentBase64(gzipSync(Buffer.from(json)))).cause).toMatch(/gzip/);
    expect(check(encodeTencentBase64(Buffer.from(json))).cause).toMatch(/without compression/);
    expect(check(encodeTencentBase64(Buffer.from('000102030405060708090a0b', 'hex'))).verdict).toBe('NOT_ZLIB');
  });

  it('NOT_ZLIB: characters changed in the middle damage the compressed data', () => {
    const bytes = decodeTencentBase64(good);
    bytes[bytes.length - 3]! ^= 0xff; // inside the Adler-32 trailer: the content no longer matches its checksum
    const v = check(encodeTencentBase64(bytes));
    expectVerdict(v, 'NOT_ZLIB', 70003);
    expect(v.cause).toMatch(/damaged/);
  });

  it('BAD_JSON: garbage or a list inside, or a UserID that broke the JSON (the C# library does not escape it)', () => {
    expectVerdict(record(check(wrap('hello, world'))), 'BAD_JSON', 70003);
    expect(check(wrap('[1,2,3]')).verdict).toBe('BAD_JSON');
    const cs = check(wrap('{"TLS.ver":"2.0","TLS.identifier":"al"ice","TLS.sdkappid":1400000000}'));
    expect(cs.verdict).toBe('BAD_JSON');
    expect(cs.cause).toMatch(/C# library/);
    expect(check(wrap(Buffer.from([0xff, 0xfe, 0x7b]))).verdict).toBe('BAD_JSON');
  });

  it('LEGACY_V1: a pre-2019 ECDSA UserSig, compressed and in its plain-JSON form', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const fields = {
      'TLS.account_type': '0',
      'TLS.identifier': 'alice',
      'TLS.appid_at_3rd': '0',
      'TLS.sdk_appid': String(APP),
      'TLS.expire_after': '15552000',
      'TLS.version': '201610110000',
      'TLS.time': String(NOW),
    };
    const content = `TLS.appid_at_3rd:0\nTLS.account_type:0\nTLS.identifier:alice\nTLS.sdk_appid:${APP}\nTLS.time:${NOW}\nTLS.expire_after:15552000\n`;
    const v1 = { ...fields, 'TLS.sig': sign('sha256', Buffer.from(content), privateKey).toString('base64') };
    const v = record(check(wrap(JSON.stringify(v1))));
    expectVerdict(v, 'LEGACY_V1', 70009);
    expect(v).toMatchObject({ sdkAppId: APP, userId: 'alice', generatedAt: '2023-11-14T22:13:20Z', expireSeconds: 15552000 });
    const plain = check(JSON.stringify({ ...v1, 'TLS.time': '2023-11-15T06:13:20+08:00' }));
    expectVerdict(plain, 'LEGACY_V1', 70009);
    expect(plain.cause).toMatch(/uncompressed JSON/);
    expect(plain.generatedAt).toBe('2023-11-14T22:13:20Z');
  });

  it('MISSING_FIELD: the Go library with a validity of 0 drops TLS.expire', () => {
    const { 'TLS.expire': _dropped, ...go } = signed({ 'TLS.identifier': 'alice', 'TLS.sdkappid': APP, 'TLS.expire': 0, 'TLS.time': NOW });
    const v = record(check(wrap(JSON.stringify(go))));
    expectVerdict(v, 'MISSING_FIELD', 70005);
    expect(v.cause).toMatch(/TLS\.expire.*Go library/);
    expect(v).toMatchObject({ userId: 'alice', sdkAppId: APP, generatedAt: '2023-11-14T22:13:20Z' });
  });

  it('MISSING_FIELD: wrong types and values from hand-written generators', () => {
    const base = { 'TLS.identifier': 'alice', 'TLS.sdkappid': APP, 'TLS.time': NOW, 'TLS.expire': 86400 };
    expect(check(wrap(JSON.stringify(signed({ ...base, 'TLS.sdkappid': String(APP) })))).cause).toMatch(/"TLS\.sdkappid" is the string/);
    expect(check(wrap(JSON.stringify(signed({ ...base, 'TLS.expire': -5 })))).cause).toMatch(/-5/);
    expect(check(wrap(JSON.stringify({ ...signed(base), 'TLS.ver': '3.0' }))).cause).toMatch(/"3\.0"/);
    expect(check(wrap(JSON.stringify({ ...signed(base), 'TLS.sig': 'c2hvcnQ=' }))).verdict).toBe('MISSING_FIELD');
    expect(check(wrap(JSON.stringify({ ...signed(base), 'TLS.userbuf': 'AAAA' }))).cause).toMatch(/userbuf/);
  });

  it('SDKAPPID_MISMATCH: signed for another app (test vs production)', () => {
    const other = generateUserSig({ sdkAppId: 1400000001, secretKey: KEY, userId: 'alice', now: NOW });
    const v = record(check(other));
    expectVerdict(v, 'SDKAPPID_MISMATCH', 70014);
    expect(v.cause).toMatch(/1400000001.*1400000000/);
    expect(v.sdkAppId).toBe(1400000001);
  });

  it('USERID_MISMATCH: another user, a trailing space, other case; never trimmed', () => {
    const v = record(check(good, { userId: 'bob' }));
    expectVerdict(v, 'USERID_MISMATCH', 70013);
    const spaced = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice ', now: NOW, relaxedUserId: true });
    const s = check(spaced);
    expectVerdict(s, 'USERID_MISMATCH', 70013);
    expect(s.cause).toMatch(/surrounding spaces/);
    expect(s.userId).toBe('alice ');
    expect(check(good, { userId: 'Alice' }).cause).toMatch(/upper\/lower case/);
  });

  it('SIGNATURE_MISMATCH: another key, or altered content', () => {
    const v = record(check(good, { secretKey: randomKey() }));
    expectVerdict(v, 'SIGNATURE_MISMATCH', 70009);
    const doc = docOf(good);
    const extended = wrap(JSON.stringify({ ...doc, 'TLS.expire': 50 * 365 * DAY }));
    expectVerdict(check(extended), 'SIGNATURE_MISMATCH', 70009);
  });

  it('SIGNATURE_MISMATCH names the usual key mistakes: hex-decoded, trailing newline, PEM', () => {
    const hexSigned = createHmac('sha256', Buffer.from(KEY, 'hex'))
      .update(`TLS.identifier:alice\nTLS.sdkappid:${APP}\nTLS.time:${NOW}\nTLS.expire:86400\n`)
      .digest('base64');
    const hexSig = wrap(
      JSON.stringify({ 'TLS.ver': '2.0', 'TLS.identifier': 'alice', 'TLS.sdkappid': APP, 'TLS.time': NOW, 'TLS.expire': 86400, 'TLS.sig': hexSigned }),
    );
    expect(check(hexSig).cause).toMatch(/hex-decoded/);
    const nl = wrap(JSON.stringify(signed({ 'TLS.identifier': 'alice', 'TLS.sdkappid': APP, 'TLS.time': NOW, 'TLS.expire': 86400 }, `${KEY}\n`)));
    expect(check(nl).cause).toMatch(/trailing newline/);
    expect(check(good, { secretKey: pemLike('PRIVATE KEY', 'MIGH...') }).cause).toMatch(/v1 ECDSA key/);
  });

  it('an expired UserSig that also fails the HMAC is a SIGNATURE_MISMATCH that says it is also expired', () => {
    const v = check(good, { secretKey: randomKey(), now: NOW + 400 * DAY });
    expectVerdict(v, 'SIGNATURE_MISMATCH', 70009);
    expect(v.cause).toMatch(/also expired/);
  });

  it('EXPIRED: one second after time + expire; valid through the last second', () => {
    const short = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW, expireSeconds: 60 });
    expect(check(short, { now: NOW + 60 }).verdict).toBe('VALID');
    const v = record(check(short, { now: NOW + 61 }));
    expectVerdict(v, 'EXPIRED', 70001);
    expect(v.cause).toMatch(/only 1 minute/);
    expect(v.expiresAt).toBe('2023-11-14T22:14:20Z');
  });

  it('EXPIRED: a PrivateMapKey whose room grant has run out, reported with the TRTC code', () => {
    const key = generatePrivateMapKey({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW, expireSeconds: 300, roomId: 42, privileges: 42 });
    expectVerdict(check(key, { now: NOW + 301 }), 'EXPIRED', -100006);
  });

  it('NOT_YET_VALID: the signing server clock is more than 5 minutes ahead', () => {
    const ahead = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW + 3600 });
    const v = record(check(ahead, { now: NOW }));
    expectVerdict(v, 'NOT_YET_VALID');
    expect(v.cause).toMatch(/clock/);
    expect(check(generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW + 300 }), { now: NOW }).verdict).toBe('VALID');
  });

  it('a PrivateMapKey is VALID as a room key, and says it is not a login UserSig', () => {
    const key = generatePrivateMapKey({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW, expireSeconds: 300, strRoomId: 'live-1', privileges: 255 });
    const v = check(key);
    expect(v.verdict).toBe('VALID');
    expect(v.cause).toMatch(/not a login UserSig/);
  });

  it('every verdict was produced above, each with its own cause', () => {
    expect([...seen.keys()].sort()).toEqual([...VERDICTS].sort());
    expect(new Set(seen.values()).size).toBe(VERDICTS.length);
  });
});
