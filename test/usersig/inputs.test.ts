import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  explainImError,
  generatePrivateMapKey,
  generateUserSig,
  IM_ERRORS,
  inspectUserSig,
  parseExpiry,
  VERDICTS,
  verifyUserSig,
} from '../../src/usersig/index.js';
import { chinese, english } from '../text/english.js';
import { randomKey } from './helpers.js';
import { pemLike } from './pem-like.js';

const KEY = randomKey();
const base = { sdkAppId: 1400000000, secretKey: KEY, now: 1_700_000_000 };

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    const e = err as UsageError;
    expect(e.fix, `no fix for: ${e.message}`).toBeTruthy();
    return e;
  }
  throw new Error('expected a UsageError');
}

describe('generation input rules', () => {
  it('UserID: 1-32 bytes of [A-Za-z0-9_-] by default; printable ASCII only when relaxed', () => {
    expect(generateUserSig({ ...base, userId: 'a'.repeat(32) })).toMatch(/^eJ/);
    expect(usageError(() => generateUserSig({ ...base, userId: '' })).message).toMatch(/empty/);
    expect(usageError(() => generateUserSig({ ...base, userId: 'a'.repeat(33) })).message).toMatch(/33 bytes/);
    const spaced = usageError(() => generateUserSig({ ...base, userId: 'john doe' }));
    expect(spaced.message).toMatch(/a space/);
    expect(spaced.fix).toMatch(/relaxed/);
    expect(generateUserSig({ ...base, userId: 'john doe@x.com', relaxedUserId: true })).toMatch(/^eJ/);
    expect(usageError(() => generateUserSig({ ...base, userId: '用户', relaxedUserId: true })).message).toMatch(/printable ASCII/);
    expect(usageError(() => generateUserSig({ ...base, userId: 'tab\there', relaxedUserId: true })).message).toMatch(/control character/);
  });

  it('expiry: a positive whole number of seconds, at most 50 years', () => {
    for (const expireSeconds of [0, -5, 1.5, 50 * 365 * 86400 + 1, Number.NaN]) {
      expect(usageError(() => generateUserSig({ ...base, userId: 'alice', expireSeconds })).message).toMatch(/expiry/);
    }
    expect(generateUserSig({ ...base, userId: 'alice', expireSeconds: 50 * 365 * 86400 })).toMatch(/^eJ/);
  });

  it('SDKAppID: a uint32 number', () => {
    for (const sdkAppId of [0, -1, 2 ** 32, 1.5, '1400000000' as unknown as number]) {
      expect(usageError(() => generateUserSig({ ...base, sdkAppId, userId: 'alice' })).message).toMatch(/SDKAppID/);
    }
    expect(generateUserSig({ ...base, sdkAppId: 2 ** 32 - 1, userId: 'alice' })).toMatch(/^eJ/);
  });

  it('secret key: surrounding whitespace trimmed and reported; a PEM key is refused as v1 ECDSA', () => {
    const notices: string[] = [];
    const padded = generateUserSig({ ...base, secretKey: `  ${KEY}\n`, userId: 'alice', onNotice: (m) => notices.push(m) });
    expect(padded).toBe(generateUserSig({ ...base, userId: 'alice' }));
    expect(notices).toEqual([expect.stringMatching(/trimmed/)]);
    const pem = usageError(() => generateUserSig({ ...base, secretKey: pemLike('EC PRIVATE KEY', 'MHcCAQEE'), userId: 'alice' }));
    expect(pem.message).toMatch(/this is a v1 ECDSA key/);
    expect(pem.fix).toMatch(/console/);
    expect(usageError(() => generateUserSig({ ...base, secretKey: '  ', userId: 'alice' })).message).toMatch(/empty/);
  });

  it('PrivateMapKey: ASCII only, one room, privileges 1-255', () => {
    const pm = { ...base, userId: 'alice', expireSeconds: 300, privileges: 255 };
    expect(usageError(() => generatePrivateMapKey({ ...pm, userId: 'josé', roomId: 1 })).message).toMatch(/not ASCII/);
    expect(usageError(() => generatePrivateMapKey({ ...pm, strRoomId: 'salle-é' })).message).toMatch(/not ASCII/);
    expect(usageError(() => generatePrivateMapKey({ ...pm })).message).toMatch(/needs a room/);
    expect(usageError(() => generatePrivateMapKey({ ...pm, roomId: 1, strRoomId: '1' })).message).toMatch(/not both/);
    expect(usageError(() => generatePrivateMapKey({ ...pm, roomId: 0 })).message).toMatch(/room ID/);
    expect(usageError(() => generatePrivateMapKey({ ...pm, roomId: 1, privileges: 256 })).fix).toMatch(/255 grants everything/);
    expect(usageError(() => generatePrivateMapKey({ ...pm, strRoomId: 'r'.repeat(65) })).message).toMatch(/64/);
  });

  it('error messages never contain the secret key', () => {
    const errors = [
      usageError(() => generateUserSig({ ...base, userId: 'bad id' })),
      usageError(() => generateUserSig({ ...base, userId: 'alice', expireSeconds: 0 })),
      usageError(() => generateUserSig({ ...base, sdkAppId: KEY as unknown as number, userId: 'alice' })),
      usageError(() => generateUserSig({ ...base, sdkAppId: 1, userId: 'alice', now: KEY as unknown as number })),
    ];
    for (const e of errors) expect(`${e.message} ${e.fix}`).not.toContain(KEY.slice(0, 16));
  });
});

describe('usage errors in both languages', () => {
  const CJK = /[\u4e00-\u9fff]/;

  it("the library's message and fix stay English; chat and the CLI get the reader's language from problem and fixText", () => {
    const expiry = usageError(() => parseExpiry('soon'));
    expect(expiry.message).toBe('expiry "soon" is not understood');
    expect(expiry.fix).toBe('give a whole number of seconds, or a number with a unit: 180d, 12h, 30m, 45s (at most 50 years)');
    expect(english(expiry.problem)).toBe(expiry.message);
    expect(chinese(expiry.problem)).toBe('无法识别有效期 "soon"');
    expect(chinese(expiry.fixText!)).toMatch(/^请填写整数秒数.*180d、12h、30m、45s（最长 50 年）$/);

    const spaced = usageError(() => generateUserSig({ ...base, userId: 'john doe' }));
    expect(spaced.message).toBe('UserID "john doe" contains a space; the recommended UserID alphabet is A-Z a-z 0-9 _ -');
    expect(chinese(spaced.problem)).toBe('UserID "john doe" 含有空格；推荐的 UserID 字符集为 `A-Z a-z 0-9 _ -`');
    expect(chinese(spaced.fixText!)).toContain('--relaxed-user-id');

    const privileges = usageError(() => generatePrivateMapKey({ ...base, userId: 'alice', expireSeconds: 300, roomId: 1, privileges: 256 }));
    expect(privileges.fix).toMatch(/^add the bits: 1 create room, 2 enter room, .*128 receive screen share; 255 grants everything/);
    expect(chinese(privileges.fixText!)).toMatch(/1 创建房间，2 进入房间，.*128 接收屏幕分享；255 表示全部权限/);
  });

  it('every rule has a Chinese problem and fix that keep the data, and no text is an object', () => {
    const pm = { ...base, userId: 'alice', expireSeconds: 300, privileges: 255 };
    const errors = [
      usageError(() => parseExpiry('0')),
      usageError(() => parseExpiry('18251d')),
      usageError(() => generateUserSig({ ...base, userId: '' })),
      usageError(() => generateUserSig({ ...base, userId: 'a'.repeat(33) })),
      usageError(() => generateUserSig({ ...base, userId: '用户', relaxedUserId: true })),
      usageError(() => generateUserSig({ ...base, userId: 'tab\there', relaxedUserId: true })),
      usageError(() => generateUserSig({ ...base, userId: 'alice', expireSeconds: 0 })),
      usageError(() => generateUserSig({ ...base, sdkAppId: 0, userId: 'alice' })),
      usageError(() => generateUserSig({ ...base, sdkAppId: 'x'.repeat(30) as unknown as number, userId: 'alice' })),
      usageError(() => generateUserSig({ ...base, userId: 'alice', now: -1 })),
      usageError(() => generateUserSig({ ...base, userId: 'alice', now: 4_294_967_000 })),
      usageError(() => generateUserSig({ ...base, secretKey: undefined as unknown as string, userId: 'alice' })),
      usageError(() => generateUserSig({ ...base, secretKey: pemLike('EC PRIVATE KEY', 'MHcCAQEE'), userId: 'alice' })),
      usageError(() => generatePrivateMapKey({ ...pm, userId: 'josé', roomId: 1 })),
      usageError(() => generatePrivateMapKey({ ...pm, expireSeconds: 0, roomId: 1 })),
      usageError(() => generatePrivateMapKey({ ...pm })),
      usageError(() => generatePrivateMapKey({ ...pm, roomId: 1, strRoomId: '1' })),
      usageError(() => generatePrivateMapKey({ ...pm, roomId: 0 })),
      usageError(() => generatePrivateMapKey({ ...pm, strRoomId: '' })),
      usageError(() => generatePrivateMapKey({ ...pm, strRoomId: 'salle-é' })),
      usageError(() => generatePrivateMapKey({ ...pm, strRoomId: 'r'.repeat(65) })),
    ];
    for (const e of errors) {
      const zh = `${chinese(e.problem)} ${chinese(e.fixText!)}`;
      expect(english(e.problem)).toBe(e.message);
      expect(chinese(e.problem), e.message).toMatch(CJK);
      expect(chinese(e.fixText!), e.fix).toMatch(CJK);
      expect(zh).not.toContain('[object Object]');
      // The numbers of the English sentence (bytes, limits, the value given) are in the Chinese one too.
      for (const n of e.message.match(/\d+/g) ?? []) expect(zh, `${e.message} -> ${zh}`).toContain(n);
    }
    expect(chinese(errors[3]!.problem)).toBe('UserID 长 33 字节，IM 最多接受 32 字节');
    expect(chinese(errors[5]!.problem)).toContain('控制字符（U+0009）');
    expect(chinese(errors[8]!.problem)).toContain('一个长 30 个字符的字符串');
    expect(chinese(errors[14]!.problem)).toMatch(/^PrivateMapKey 的有效期必须是/);
  });

  it('the trimmed-key notice comes in every language, English first', () => {
    const notices: [string, unknown][] = [];
    generateUserSig({ ...base, secretKey: ` ${KEY}`, userId: 'alice', onNotice: (m, words) => notices.push([m, words]) });
    expect(notices).toEqual([
      [expect.stringMatching(/^surrounding whitespace was trimmed/), { en: notices[0]![0], 'zh-CN': expect.stringMatching(/^已去掉密钥首尾的空白字符/) }],
    ]);
  });
});

describe('parseExpiry', () => {
  it('takes seconds or a number with a unit', () => {
    expect(parseExpiry('15552000')).toBe(15552000);
    expect(parseExpiry('180d')).toBe(15552000);
    expect(parseExpiry('12h')).toBe(43200);
    expect(parseExpiry('30m')).toBe(1800);
    expect(parseExpiry(' 45s ')).toBe(45);
    expect(parseExpiry('7D')).toBe(604800);
  });
  it('refuses anything else with a fix', () => {
    for (const text of ['', '0', '0d', '-5', '1.5h', '3w', '180 days', '18251d', 'abc']) {
      expect(usageError(() => parseExpiry(text)).fix).toMatch(/180d/);
    }
  });
});

describe('IM error-code catalogue', () => {
  it('covers the account codes, REST, SDK and TRTC codes, each with meaning, cause and fix', () => {
    const required = [
      70001, 70002, 70003, 70004, 70005, 70009, 70013, 70014, 70016, 70020, 70050, 70052, 70107, 70398, 70402, 70403, 70500, 60004, 60005, 6206, 7003, -100018,
      -100006, -100013, -10013, -10018, -10019,
    ];
    for (const code of required) {
      const e = explainImError(code);
      expect(e, String(code)).toBeDefined();
      expect(e!.meaning && e!.cause && e!.fix && e!.name).toBeTruthy();
    }
    for (const e of IM_ERRORS) for (const v of e.verdicts ?? []) expect(VERDICTS).toContain(v);
    expect(new Set(IM_ERRORS.map((e) => e.code)).size).toBe(IM_ERRORS.length);
  });

  it('TRTC mirrors IM account codes negated', () => {
    expect(explainImError(-70009)).toMatchObject({ code: -70009, source: 'TRTC', name: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY' });
    expect(explainImError(12345)).toBeUndefined();
  });

  it('every code verify reports is in the catalogue', () => {
    const codes = [70001, 70002, 70003, 70005, 70009, 70013, 70014, -100006];
    for (const c of codes) expect(explainImError(c)).toBeDefined();
  });
});

describe('inspectUserSig', () => {
  it('reads the fields without a key and names the producer, without claiming validity', () => {
    const sig = generatePrivateMapKey({ ...base, userId: 'alice', expireSeconds: 300, strRoomId: 'live', privileges: 3 });
    const i = inspectUserSig(sig, { now: base.now + 10 });
    expect(i).toMatchObject({ decoded: true, verdict: 'DECODED', kind: 'privateMapKey', format: 'v2', sdkAppId: 1400000000, userId: 'alice', expired: false });
    expect(i.privateMap).toMatchObject({ strRoomId: 'live', privilegeNames: ['create room', 'enter room'] });
    expect(i.generator).toMatch(/Node/);
    expect(i.cause).toMatch(/not checked/);
    expect(inspectUserSig(sig, { now: base.now + 400 }).expired).toBe(true);
    expect(JSON.stringify(i)).not.toContain(sig);
  });

  it('stops at the first decoding problem, like verify', () => {
    const sig = generateUserSig({ ...base, userId: 'alice' });
    expect(inspectUserSig(sig.slice(0, 100)).verdict).toBe('TRUNCATED');
    expect(verifyUserSig({ ...base, userId: 'alice', userSig: sig.slice(0, 100) }).verdict).toBe('TRUNCATED');
  });
});

describe('times', () => {
  it('formats unix seconds exactly as Date does, across leap years and centuries', async () => {
    const { isoOf } = await import('../../src/usersig/time.js');
    const samples = [0, 951782400, 4107542399, 4107542400, 253402300799, ...Array.from({ length: 5000 }, (_, i) => i * 50_680_457)];
    for (const s of samples) expect(isoOf(s)).toBe(`${new Date(s * 1000).toISOString().slice(0, 19)}Z`);
    expect(isoOf(-1)).toBeUndefined();
    expect(isoOf(1e13)).toBeUndefined();
  });
});
