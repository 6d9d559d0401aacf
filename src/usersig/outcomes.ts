/**
 * What decode, verify and inspect found, as typed facts: a verdict, a finer reason, and the data the words need.
 * No sentences here: a catalogue (src/text/<locale>/usersig.ts) words each verdict and reason, so a second language
 * is a second catalogue, and the type checker names every reason it is missing.
 *
 * A new outcome is one entry in the table below (its reason and facts); the compiler then asks for its words in
 * every catalogue and for a sample in test/text/catalogue.test.ts.
 */
import type { TimeWords } from '../text/time.js';
import type { PrivilegeName } from './types.js';

/** A reason that needs no data beyond its name. */
export type NoFacts = Record<string, never>;

/** Where a character was found in the pasted text: position is 1-based, as a person counts. */
export interface At {
  position: number;
  length: number;
}

/** A JSON value of the wrong type or content, kept as data (its string is not clipped: the words do that). */
export type JsonValue =
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean' }
  | { type: 'list' }
  | { type: 'object' };

/** Why a PrivateMapKey's userbuf could not be read (reference/usersig.md §2.1 has the layout). */
export type UserbufProblem =
  | { kind: 'too_short'; bytes: number; minimum: number }
  | { kind: 'bad_version'; version: number }
  | { kind: 'account_overruns'; accountBytes: number; bytes: number }
  | { kind: 'no_room_length' }
  | { kind: 'room_length_mismatch'; roomBytes: number; following: number }
  | { kind: 'trailing_bytes'; count: number };

/** Which of the two things signed with the HMAC key it is: the words name them differently. */
export type SigKind = 'userSig' | 'privateMapKey';

/** The usual ways the right key was used wrongly, recognised on the SIGNATURE_MISMATCH path. */
export type KeyHint = 'none' | 'no_key' | 'pem_key' | 'hex_decoded' | 'trailing_newline' | 'trailing_space' | 'leading_zero_app';

/** How two UserIDs that should be equal differ, when they differ in a way people miss. */
export type UserIdDifference = 'spaces' | 'case' | 'prefix' | 'other';

export type Room = { roomId: number } | { strRoomId: string };

/** Set when a key that fails another check has expired too: it must be regenerated either way. */
export interface AlsoExpired {
  alsoExpired?: { at: number; secondsAgo: number };
}

/** Which official library family most likely wrote it, from the zlib level and JSON layout. */
export type GeneratorKind = 'cpp' | 'go_stored' | 'zlib_fastest' | 'python' | 'php' | 'node' | 'default_level';

/** The decoding stages, reached with or without a key. Times are unix seconds. */
export interface DecodeFacts {
  EMPTY: { blank: NoFacts };
  MALFORMED: {
    too_long: { length: number };
    decoded_json: NoFacts;
    standard_base64: At & { char: string };
    url_encoded: At & { escape: string };
    inner_space: At & { whitespace: 'space' | 'tab' | 'line_break' };
    quoted: At;
    foreign_char: At & { char: string };
    padding_inside: At;
    padding_stripped: { length: number };
    /** Unreachable by design: the check itself threw. */
    unexpected_error: { errorName: string; during: 'verify' | 'inspect' };
  };
  TRUNCATED: {
    text_short: { length: number };
    almost_empty: { length: number };
    stream_ends_early: { length: number };
  };
  NOT_ZLIB: {
    gzip: { damaged: boolean };
    uncompressed_json: NoFacts;
    raw_deflate: NoFacts;
    damaged_stream: { zlibError: string };
    not_compressed: { firstBytes: string };
  };
  BAD_JSON: {
    too_large: { maxKiB: number };
    too_deep: { maxDepth: number };
    not_text: NoFacts;
    not_object: NoFacts;
    unescaped_userid: NoFacts;
  };
  LEGACY_V1: { ecdsa: NoFacts; plain_json: NoFacts };
  MISSING_FIELD: {
    no_version: NoFacts;
    bad_version: { value: JsonValue };
    no_identifier: NoFacts;
    bad_identifier: { value: JsonValue };
    no_sdkappid: NoFacts;
    bad_sdkappid: { value: JsonValue };
    no_time: NoFacts;
    bad_time: { value: JsonValue };
    /** The Go library drops a validity of 0 from its JSON. */
    no_expire: NoFacts;
    bad_expire: { value: JsonValue };
    no_sig: NoFacts;
    bad_sig: { value: JsonValue };
    /** value is a string when it is present but not base64. */
    bad_userbuf: { value: JsonValue };
    unreadable_userbuf: { problem: UserbufProblem };
  };
}

/** The checks verify makes after decoding, with the key, the expected app and user, and the clock. */
export interface CheckFacts {
  SDKAPPID_MISMATCH: {
    other_app: AlsoExpired & { kind: SigKind; signedAppId: number; expectedAppId: number };
    grant_app: AlsoExpired & { grantAppId: number; signedAppId: number };
  };
  USERID_MISMATCH: {
    other_user: AlsoExpired & { kind: SigKind; signedUserId: string; expectedUserId: string; difference: UserIdDifference };
    grant_user: AlsoExpired & { grantUserId: string; signedUserId: string };
  };
  SIGNATURE_MISMATCH: { wrong_key: AlsoExpired & { kind: SigKind; signedAppId: number; keyHint: KeyHint } };
  EXPIRED: {
    expired: { kind: SigKind; expiredAt: number; secondsAgo: number; signedAt: number; expireSeconds: number; shortValidity: boolean };
    grant_expired: { grantExpiredAt: number; secondsAgo: number; keyExpiresAt: number };
  };
  NOT_YET_VALID: { clock_ahead: { kind: SigKind; signedAt: number; secondsAhead: number } };
  VALID: {
    user_sig: { signedAppId: number; userId: string; expiresAt: number; secondsLeft: number };
    private_map_key: { signedAppId: number; userId: string; room: Room; privilegeNames: PrivilegeName[] };
  };
}

/** What inspect says about a UserSig it could decode (it has no key, so never "valid"). */
export interface InspectFacts {
  DECODED: {
    user_sig: DecodedClaims;
    private_map_key: DecodedClaims & { room: Room; privilegeNames: PrivilegeName[] };
  };
}

export interface DecodedClaims {
  signedAppId: number;
  userId: string;
  expiresAt: number;
  expired: boolean;
  /** Between now and expiresAt, either way. */
  secondsAway: number;
}

/** Every verdict (and inspect's DECODED) with its reasons and their facts. */
export interface OutcomeFacts extends DecodeFacts, CheckFacts, InspectFacts {}

/** One verdict + reason + facts, as a discriminated union over the verdicts V. */
export type Outcome<V extends keyof OutcomeFacts = keyof OutcomeFacts> = {
  [K in V]: { [R in keyof OutcomeFacts[K]]: { verdict: K; reason: R; facts: OutcomeFacts[K][R] } }[keyof OutcomeFacts[K]];
}[V];

export type DecodeProblem = Outcome<keyof DecodeFacts>;
export type VerifyOutcome = Outcome<keyof DecodeFacts | keyof CheckFacts>;
export type InspectOutcome = Outcome<keyof DecodeFacts | keyof InspectFacts>;

/** How a catalogue words one reason. */
export interface ReasonWords<F> {
  cause: (facts: F, time: TimeWords) => string;
  fix: (facts: F, time: TimeWords) => string;
}

/** The shape of a catalogue's UserSig words: cause and fix for every verdict and reason. */
export type OutcomeWords = { [V in keyof OutcomeFacts]: { [R in keyof OutcomeFacts[V]]: ReasonWords<OutcomeFacts[V][R]> } };

/** Cause and fix of an outcome, in the catalogue's language. */
export function explain(words: OutcomeWords, o: Outcome, time: TimeWords): { cause: string; fix: string } {
  // The verdict, reason and facts of `o` belong together (Outcome is built that way), but TypeScript cannot follow
  // that correlation through two index steps; this is the one place the pair is re-joined.
  const w = (words[o.verdict] as Record<string, ReasonWords<Outcome['facts']>>)[o.reason as string];
  if (!w) throw new Error(`no words for ${o.verdict}/${String(o.reason)}`);
  return { cause: w.cause(o.facts, time), fix: w.fix(o.facts, time) };
}
