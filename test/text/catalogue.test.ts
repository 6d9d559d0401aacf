/**
 * Every catalogue words every UserSig verdict and reason, every IM error code and every generator, and no sentence
 * comes out broken. A new locale is one more entry in LOCALES; a new reason is one more entry in SAMPLES (the type
 * checker asks for it, as it asks every catalogue for its words).
 */
import { describe, expect, it } from 'vitest';
import { en, type Catalogue } from '../../src/text/en/index.js';
import { zhCN } from '../../src/text/zh-CN/index.js';
import { explain, IM_ERROR_ROWS, lookupImError, toImErrorInfo, VERDICTS, type Outcome, type OutcomeFacts } from '../../src/usersig/index.js';
import type { AlsoExpired, GeneratorKind, JsonValue, KeyHint, SigKind, UserbufProblem, UserIdDifference } from '../../src/usersig/outcomes.js';

/** Every locale. Add a new one here. */
const LOCALES: [name: string, catalogue: Catalogue][] = [
  ['en', en],
  ['zh-CN', zhCN],
];

/** Lists the type checker keeps complete: each union member once. */
const all = <K extends string>(members: Record<K, true>) => Object.keys(members) as K[];
const KEY_HINTS = all<KeyHint>({
  none: true,
  no_key: true,
  pem_key: true,
  hex_decoded: true,
  trailing_newline: true,
  trailing_space: true,
  leading_zero_app: true,
});
const DIFFERENCES = all<UserIdDifference>({ spaces: true, case: true, prefix: true, other: true });
const KINDS = all<SigKind>({ userSig: true, privateMapKey: true });
const GENERATORS = all<GeneratorKind>({ cpp: true, go_stored: true, zlib_fastest: true, python: true, php: true, node: true, default_level: true });

const VALUES: JsonValue[] = [
  { type: 'null' },
  { type: 'string', value: '1400000000' },
  { type: 'string', value: 'a string well over twenty-four characters' },
  { type: 'string', value: '' },
  { type: 'number', value: -5 },
  { type: 'number', value: 1.5 },
  { type: 'boolean' },
  { type: 'list' },
  { type: 'object' },
];
const USERBUF_PROBLEMS: UserbufProblem[] = [
  { kind: 'too_short', bytes: 3, minimum: 23 },
  { kind: 'bad_version', version: 5 },
  { kind: 'account_overruns', accountBytes: 48, bytes: 33 },
  { kind: 'no_room_length' },
  { kind: 'room_length_mismatch', roomBytes: 5, following: 2 },
  { kind: 'trailing_bytes', count: 2 },
];
const T = 1_700_000_000;
const ALSO: AlsoExpired[] = [{}, { alsoExpired: { at: T, secondsAgo: 400 * 86400 } }];
const at = { position: 41, length: 188 };
const values = <F>(make: (value: JsonValue) => F) => VALUES.map(make);
const each = <A, F>(xs: readonly A[], make: (x: A) => F) => xs.map(make);
const withAlso = <F>(make: (also: AlsoExpired) => F) => ALSO.map(make);
const claims = { signedAppId: 1400000000, userId: 'alice', expiresAt: T + 86400 };

/** Sample facts for every verdict and reason: several where the words branch on them. */
const SAMPLES: { [V in keyof OutcomeFacts]: { [R in keyof OutcomeFacts[V]]: OutcomeFacts[V][R][] } } = {
  EMPTY: { blank: [{}] },
  MALFORMED: {
    too_long: [{ length: 9000 }],
    decoded_json: [{}],
    standard_base64: each(['+', '/', '='], (char) => ({ ...at, char })),
    url_encoded: [{ ...at, escape: '%2A' }],
    inner_space: each(['space', 'tab', 'line_break'] as const, (whitespace) => ({ ...at, whitespace })),
    quoted: [at],
    foreign_char: each(['!', '\u0001', 'é'], (char) => ({ ...at, char })),
    padding_inside: [at],
    padding_stripped: [{ length: 186 }],
    unexpected_error: each(['verify', 'inspect'] as const, (during) => ({ errorName: 'RangeError', during })),
  },
  TRUNCATED: { text_short: [{ length: 41 }], almost_empty: [{ length: 4 }], stream_ends_early: [{ length: 100 }] },
  NOT_ZLIB: {
    gzip: [{ damaged: false }, { damaged: true }],
    uncompressed_json: [{}],
    raw_deflate: [{}],
    damaged_stream: [{ zlibError: 'incorrect data check' }],
    not_compressed: [{ firstBytes: '0001' }],
  },
  BAD_JSON: { too_large: [{ maxKiB: 4 }], too_deep: [{ maxDepth: 8 }], not_text: [{}], not_object: [{}], unescaped_userid: [{}] },
  LEGACY_V1: { ecdsa: [{}], plain_json: [{}] },
  MISSING_FIELD: {
    no_version: [{}],
    bad_version: values((value) => ({ value })),
    no_identifier: [{}],
    bad_identifier: values((value) => ({ value })),
    no_sdkappid: [{}],
    bad_sdkappid: values((value) => ({ value })),
    no_time: [{}],
    bad_time: values((value) => ({ value })),
    no_expire: [{}],
    bad_expire: values((value) => ({ value })),
    no_sig: [{}],
    bad_sig: values((value) => ({ value })),
    bad_userbuf: values((value) => ({ value })),
    unreadable_userbuf: each(USERBUF_PROBLEMS, (problem) => ({ problem })),
  },
  SDKAPPID_MISMATCH: {
    other_app: KINDS.flatMap((kind) => withAlso((also) => ({ kind, signedAppId: 1400000001, expectedAppId: 1400000000, ...also }))),
    grant_app: withAlso((also) => ({ grantAppId: 1400000009, signedAppId: 1400000000, ...also })),
  },
  USERID_MISMATCH: {
    other_user: KINDS.flatMap((kind) =>
      DIFFERENCES.flatMap((difference) => withAlso((also) => ({ kind, signedUserId: 'alice', expectedUserId: 'Alice ', difference, ...also }))),
    ),
    grant_user: withAlso((also) => ({ grantUserId: '(7', signedUserId: '用户', ...also })),
  },
  SIGNATURE_MISMATCH: {
    wrong_key: KINDS.flatMap((kind) => KEY_HINTS.flatMap((keyHint) => withAlso((also) => ({ kind, signedAppId: 1400000000, keyHint, ...also })))),
  },
  EXPIRED: {
    expired: KINDS.flatMap((kind) => [
      { kind, expiredAt: T + 60, secondsAgo: 1, signedAt: T, expireSeconds: 60, shortValidity: true },
      { kind, expiredAt: T, secondsAgo: 3600, signedAt: T, expireSeconds: 0, shortValidity: true },
      { kind, expiredAt: T + 15552000, secondsAgo: 86400 * 3, signedAt: T, expireSeconds: 15552000, shortValidity: false },
    ]),
    grant_expired: [{ grantExpiredAt: T + 30, secondsAgo: 270, keyExpiresAt: T + 86400 }],
  },
  NOT_YET_VALID: { clock_ahead: each(KINDS, (kind) => ({ kind, signedAt: T + 3600, secondsAhead: 3600 })) },
  VALID: {
    user_sig: [{ ...claims, secondsLeft: 86400 }],
    private_map_key: [
      { ...claims, room: { roomId: 42 }, privilegeNames: ['enter room', 'receive audio', 'receive video'] },
      { ...claims, room: { strRoomId: 'live-1' }, privilegeNames: [] },
    ],
  },
  DECODED: {
    user_sig: [
      { ...claims, expired: false, secondsAway: 86400 },
      { ...claims, userId: 'al ice', expired: true, secondsAway: 60 },
    ],
    private_map_key: [
      { ...claims, expired: false, secondsAway: 300, room: { roomId: 42 }, privilegeNames: ['create room'] },
      { ...claims, expired: true, secondsAway: 300, room: { strRoomId: 'live-1' }, privilegeNames: [] },
    ],
  },
};

/**
 * A stop in the catalogue's language, perhaps closing a parenthesised or quoted sentence: English ends in . ! or ?,
 * Chinese in 。！ or ？ (full-width, as Chinese punctuation is).
 */
const STOPS: Record<Catalogue['locale'], RegExp> = {
  en: /[.!?][)"]?$/,
  'zh-CN': /[。！？][）”」)"]?$/,
};

/** Fixes that end with a command for the reader to copy: a full stop would be copied with it. */
const ENDS_WITH_COMMAND = new Set(['DECODED.user_sig.fix', 'DECODED.private_map_key.fix']);

function expectSentence(text: unknown, where: string, locale: Catalogue['locale']) {
  expect(typeof text, where).toBe('string');
  const s = text as string;
  expect(s.trim().length, `${where} is empty`).toBeGreaterThan(0);
  expect(s, `${where} has surrounding space`).toBe(s.trim());
  expect(s, `${where} ends without a sentence stop`).toMatch(ENDS_WITH_COMMAND.has(where.split(' ')[0]!) ? /\S$/ : STOPS[locale]);
  for (const bad of ['undefined', 'NaN', '[object Object]']) expect(s, `${where} says ${bad}`).not.toContain(bad);
}

const samples = Object.entries(SAMPLES).flatMap(([verdict, reasons]) =>
  Object.entries(reasons as Record<string, unknown[]>).flatMap(([reason, list]) => list.map((facts) => ({ verdict, reason, facts }) as Outcome)),
);

describe.each(LOCALES)('the %s catalogue', (_name, t) => {
  it('words exactly the verdicts and reasons that have samples, and every verdict has some', () => {
    const reasons = (table: object) =>
      Object.entries(table)
        .map(
          ([v, rs]) =>
            `${v}: ${Object.keys(rs as object)
              .sort()
              .join(' ')}`,
        )
        .sort();
    expect(reasons(t.usersigVerdicts)).toEqual(reasons(SAMPLES));
    expect(Object.keys(SAMPLES).sort()).toEqual([...VERDICTS, 'DECODED'].sort());
    for (const [verdict, rs] of Object.entries(SAMPLES))
      for (const [reason, list] of Object.entries(rs as object)) expect((list as unknown[]).length, `${verdict}.${reason}`).toBeGreaterThan(0);
  });

  it('renders cause and fix of every verdict and reason as whole sentences', () => {
    expect(samples.length).toBeGreaterThan(150);
    for (const o of samples) {
      const { cause, fix } = explain(t.usersigVerdicts, o, t.time);
      const where = `${o.verdict}.${String(o.reason)}`;
      expectSentence(cause, `${where}.cause with ${JSON.stringify(o.facts)}`, t.locale);
      expectSentence(fix, `${where}.fix with ${JSON.stringify(o.facts)}`, t.locale);
    }
  });

  it('words every IM / TRTC error code, and the negated IM codes TRTC reports', () => {
    expect(Object.keys(t.imErrors.codes).map(Number).sort()).toEqual(IM_ERROR_ROWS.map((r) => r.code).sort());
    const entries = [
      ...IM_ERROR_ROWS.map((r) => lookupImError(r.code)),
      ...IM_ERROR_ROWS.filter((r) => r.code >= 70001 && r.code <= 70500).map((r) => lookupImError(-r.code)),
    ];
    for (const entry of entries) {
      expect(entry).toBeDefined();
      const info = toImErrorInfo(entry!, t.imErrors);
      for (const key of ['meaning', 'cause', 'fix'] as const) expectSentence(info[key], `${entry!.code} ${key}`, t.locale);
    }
  });

  it('names every generator', () => {
    expect(Object.keys(t.usersigGenerators).sort()).toEqual([...GENERATORS].sort());
    for (const g of GENERATORS) {
      expect(t.usersigGenerators[g].trim().length, g).toBeGreaterThan(0);
      for (const bad of ['undefined', 'NaN', '[object Object]']) expect(t.usersigGenerators[g]).not.toContain(bad);
    }
  });
});
