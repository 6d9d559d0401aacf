// The usage errors of minting and checking a UserSig or PrivateMapKey (src/usersig/inputs.ts, expiry.ts,
// generate.ts, privmap.ts, src/checks/usersig.ts): problem and fix, as chat and the CLI show them. The library
// throws UsageErrors whose `.message` is the English here, so a change here changes the library's messages too.
// Problems and fixes start lower-case and have no full stop: the CLI prints them after "imops: ", chat
// capitalises them and ends the sentence.
import type { ShownChar, ShownValue } from '../../usersig/inputs.js';
import type { PrivilegeName } from '../../usersig/types.js';

const quoted = (s: string) => JSON.stringify(s);

/** A value the caller gave, as a problem shows it (never a credential: a long string shows only its length). */
const value = (v: ShownValue) => (v.kind === 'literal' ? v.text : `a string of ${v.length} characters`);

/** The first character a UserID may not have. */
function character(c: ShownChar): string {
  if (c.kind === 'space') return 'a space';
  if (c.kind === 'control') return `a control character (${c.code})`;
  return `${quoted(c.char)} (${c.code})`;
}

const CONSOLE_KEY = 'copy the key from the IM console (Applications > your app > key)';
const ROOM_FIX =
  'give either a numeric room ID (1 to 4294967294) or a string room ID (printable ASCII, at most 64 bytes), exactly as the client enters the room';
const EXPIRY_FIX = 'give a whole number of seconds, or a number with a unit: 180d, 12h, 30m, 45s (at most 50 years)';

export const usage = {
  /** `--expire 180d`, the expiry of /usersig gen (src/usersig/expiry.ts). */
  expiry: {
    notUnderstood: (text: string) => `expiry ${quoted(text)} is not understood`,
    tooShort: 'expiry must be at least 1 second (0 makes a signature that is already expired)',
    tooLong: (text: string) => `expiry ${text} is longer than 50 years`,
    fix: EXPIRY_FIX,
    /** Chat binds words by position: an unknown word after the UserID may be a bad expiry or an unknown app. */
    neitherExpiryNorApp: (text: string) => `"${text}" is neither an expiry nor a configured app`,
    neitherFix: (apps: string[]) => `give the expiry as 180d, 12h, 30m or 45s, and the app as one of: ${apps.join(', ')}`,
  },

  userId: {
    empty: 'UserID is empty',
    emptyFix: 'give the UserID exactly as the client logs in with it',
    tooLong: (bytes: number, max: number) => `UserID is ${bytes} bytes long; IM accepts at most ${max}`,
    tooLongFix: 'use the UserID the client logs in with; IM refuses longer ones (error 7003)',
    notPrintable: (userId: string, c: ShownChar) => `UserID ${quoted(userId)} contains ${character(c)}, which IM does not accept (only printable ASCII)`,
    notPrintableFix: 'use the UserID the client logs in with; the IM SDK rejects non-ASCII UserIDs (error 7003)',
    notRecommended: (userId: string, c: ShownChar) => `UserID ${quoted(userId)} contains ${character(c)}; the recommended UserID alphabet is A-Z a-z 0-9 _ -`,
    notRecommendedFix:
      'if the client really logs in with this UserID (the IM SDK accepts printable ASCII), allow it explicitly with the relaxed UserID option (--relaxed-user-id)',
    /** A PrivateMapKey's userbuf holds one byte per character. */
    notAsciiForRoom: (userId: string) =>
      `UserID ${quoted(userId)} is not ASCII: the official libraries write each character's low byte into a PrivateMapKey, so no server would accept it`,
    notAsciiForRoomFix: 'use the ASCII UserID the client enters the room with',
  },

  sdkAppId: {
    invalid: (max: number, got: ShownValue) => `SDKAppID must be a whole number from 1 to ${max}, got ${value(got)}`,
    fix: 'copy the SDKAppID from the IM console (Applications); pass it as a number, without leading zeros',
  },

  /** The validity in seconds the library is given (generateUserSig's expireSeconds). */
  validity: {
    invalid: (kind: 'userSig' | 'privateMapKey', max: number, got: ShownValue) =>
      `${kind === 'privateMapKey' ? 'PrivateMapKey expiry' : 'expiry'} must be a whole number of seconds from 1 to ${max} (50 years), got ${value(got)}`,
    fix: 'use e.g. 15552000 (180 days, the usual default) or 86400 (one day); 0 makes a signature that is already expired',
  },

  signingTime: {
    invalid: (got: ShownValue) => `signing time must be a whole number of unix seconds, got ${value(got)}`,
    invalidFix: 'omit it to sign at the current time',
    tooLate: 'signing time plus validity goes past 2106-02-07, beyond what the IM server reads (32 bits)',
    tooLateFix: 'use the current time and a validity of at most 50 years',
  },

  secretKey: {
    missing: 'the secret key is missing',
    empty: 'the secret key is empty',
    fix: CONSOLE_KEY,
    pem: 'the secret key is a PEM private key: this is a v1 ECDSA key (apps created before 2019-07-19), which cannot sign v2 (HMAC-SHA256) UserSigs',
    pemFix: 'in the IM console open the app and switch it to the new signature algorithm (or read its HMAC key there), then use that 64-character key',
    /** A notice, not an error: signing goes on with the trimmed key. */
    trimmed: 'surrounding whitespace was trimmed from the secret key (it is part of the HMAC key and would break every signature)',
  },

  privileges: {
    invalid: (got: string) => `privileges must be a whole number from 1 to 255 (one bit per permission), got ${got}`,
    /** "add the bits: 1 create room, 2 enter room, …" */
    bits: (bits: readonly { bit: number; name: PrivilegeName }[]) => `add the bits: ${bits.map((p) => `${p.bit} ${p.name}`).join(', ')}`,
    fix: (bits: readonly { bit: number; name: PrivilegeName }[]) =>
      `${usage.privileges.bits(bits)}; 255 grants everything, 42 is an audience member (enter + receive audio and video)`,
  },

  room: {
    missing: 'a PrivateMapKey needs a room',
    both: 'give a numeric room ID or a string room ID, not both (they are different rooms)',
    fix: ROOM_FIX,
    numeric: (max: number, got: string) => `numeric room ID must be a whole number from 1 to ${max}, got ${got}`,
    stringEmpty: 'string room ID is empty',
    stringNotAscii: (room: string) =>
      `string room ID ${quoted(room)} is not ASCII: the official libraries write each character's low byte, so no server would accept the key`,
    stringTooLong: (bytes: number, max: number) => `string room ID is ${bytes} bytes; TRTC accepts at most ${max}`,
  },

  /** A pasted UserSig far longer than any real one (src/checks/usersig.ts). */
  userSig: {
    tooLong: (n: number) => `that UserSig is ${n} characters long; a real one is a few hundred`,
    tooLongFix: 'paste only the UserSig itself',
  },
};
