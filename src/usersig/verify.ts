/** Verification: the checks after decoding (app, user, HMAC, time), returning facts; see outcomes.ts. */
import { timingSafeEqual } from 'node:crypto';
import { decodeUserSig, type ReadFields, type V2Document } from './decode.js';
import type { TimeWords } from '../text/time.js';
import { explain, type AlsoExpired, type KeyHint, type OutcomeWords, type SigKind, type UserIdDifference, type VerifyOutcome } from './outcomes.js';
import { contentToSign, hmacSha256 } from './sign.js';
import { nowSeconds } from './time.js';
import type { DecodedFields, Verification } from './types.js';

export interface VerifyUserSigOptions {
  /** The SDKAppID the client logs in to. */
  sdkAppId: number;
  /** That app's key from the IM console. */
  secretKey: string;
  /** The UserID the client logs in with; compared exactly, never trimmed. */
  userId: string;
  /** As pasted; surrounding whitespace is ignored. */
  userSig: string;
  /** Unix seconds to judge expiry at; default now. */
  now?: number;
}

/** A signing time this far ahead of the verifier's clock means the signer's clock is wrong. */
export const CLOCK_SKEW_SECONDS = 300;

/** IM error codes for TRTC room entry with a bad PrivateMapKey (native; the Web SDK reports -10019). */
const PRIVMAP_INVALID = -100006;

/** A validity shorter than this is worth pointing out when the UserSig has expired. */
const SHORT_VALIDITY_SECONDS = 3600;

/** The outcome of verifying, as facts: the words come from a catalogue (src/text/<locale>/usersig.ts). */
export type DetectedVerification = VerifyOutcome & {
  valid: boolean;
  /** The error code the client (IM SDK, REST API or TRTC) would have received, when one is known. */
  imErrorCode?: number;
  /** What could be read from the UserSig, even when a check failed. */
  fields: DecodedFields;
};

/** Check a UserSig (or a TRTC PrivateMapKey) the way the IM server does, and name the first problem. Never throws. */
export function detectVerification(options: VerifyUserSigOptions): DetectedVerification {
  try {
    return verify(options);
  } catch (err) {
    // Unreachable by design; a verifier that throws on hostile input would take the bot down with it.
    return {
      valid: false,
      verdict: 'MALFORMED',
      reason: 'unexpected_error',
      facts: { errorName: (err as Error)?.name ?? 'error', during: 'verify' },
      fields: {},
    };
  }
}

/** The library's Verification: the detected facts worded by a catalogue. */
export function toVerification(d: DetectedVerification, words: OutcomeWords, time: TimeWords): Verification {
  const { cause, fix } = explain(words, d, time);
  const v: Verification = { valid: d.valid, verdict: d.verdict, cause, fix };
  if (d.imErrorCode !== undefined) v.imErrorCode = d.imErrorCode;
  const f = d.fields;
  if (f.sdkAppId !== undefined) v.sdkAppId = f.sdkAppId;
  if (f.userId !== undefined) v.userId = f.userId;
  if (f.generatedAt !== undefined) v.generatedAt = f.generatedAt;
  if (f.expiresAt !== undefined) v.expiresAt = f.expiresAt;
  if (f.expireSeconds !== undefined) v.expireSeconds = f.expireSeconds;
  if (f.privateMap !== undefined) v.privateMap = f.privateMap;
  return v;
}

function verify(options: VerifyUserSigOptions): DetectedVerification {
  const now = nowSeconds(options?.now);
  const decoded = decodeUserSig(options?.userSig);
  if (!decoded.ok) {
    const { ok: _ok, imErrorCode, fields, format: _format, generator: _generator, ...problem } = decoded;
    return result(problem, imErrorCode, fields);
  }
  const { doc, fields } = decoded;
  const grant = doc.privateMap;
  const expectedApp = options.sdkAppId;
  const expectedUser = options.userId;
  const expiresAt = doc.time + doc.expire;
  const expired = now > expiresAt;
  const grantExpired = grant !== undefined && now > grant.expiresAtUnix;
  const alsoExpiredAt = expired ? expiresAt : grantExpired ? grant.expiresAtUnix : undefined;
  const also: AlsoExpired = alsoExpiredAt !== undefined ? { alsoExpired: { at: alsoExpiredAt, secondsAgo: now - alsoExpiredAt } } : {};
  const kind: SigKind = grant ? 'privateMapKey' : 'userSig';
  const code = (im: number) => (grant ? PRIVMAP_INVALID : im);

  if (doc.sdkAppId !== expectedApp) {
    return result(
      { verdict: 'SDKAPPID_MISMATCH', reason: 'other_app', facts: { kind, signedAppId: doc.sdkAppId, expectedAppId: expectedApp, ...also } },
      code(70014),
      fields,
    );
  }
  if (grant && grant.sdkAppId !== doc.sdkAppId) {
    return result(
      { verdict: 'SDKAPPID_MISMATCH', reason: 'grant_app', facts: { grantAppId: grant.sdkAppId, signedAppId: doc.sdkAppId, ...also } },
      code(70014),
      fields,
    );
  }
  if (doc.userId !== expectedUser) {
    const expectedUserId = String(expectedUser);
    return result(
      {
        verdict: 'USERID_MISMATCH',
        reason: 'other_user',
        facts: { kind, signedUserId: doc.userId, expectedUserId, difference: differenceOf(doc.userId, expectedUserId), ...also },
      },
      code(70013),
      fields,
    );
  }
  if (grant && grant.userId !== doc.userId) {
    // A library that writes a non-ASCII UserID into the grant byte by byte (reference/usersig.md §2.3).
    return result(
      { verdict: 'USERID_MISMATCH', reason: 'grant_user', facts: { grantUserId: grant.userId, signedUserId: doc.userId, ...also } },
      code(70013),
      fields,
    );
  }
  if (!hmacMatches(options.secretKey, doc)) {
    return result(
      { verdict: 'SIGNATURE_MISMATCH', reason: 'wrong_key', facts: { kind, signedAppId: doc.sdkAppId, keyHint: keyHint(options.secretKey, doc), ...also } },
      code(70009),
      fields,
    );
  }
  if (expired) {
    return result(
      {
        verdict: 'EXPIRED',
        reason: 'expired',
        facts: {
          kind,
          expiredAt: expiresAt,
          secondsAgo: now - expiresAt,
          signedAt: doc.time,
          expireSeconds: doc.expire,
          shortValidity: doc.expire < SHORT_VALIDITY_SECONDS,
        },
      },
      grant ? PRIVMAP_INVALID : 70001,
      fields,
    );
  }
  if (grantExpired) {
    // TRTC checks the grant's own expiry besides the key's.
    return result(
      {
        verdict: 'EXPIRED',
        reason: 'grant_expired',
        facts: { grantExpiredAt: grant.expiresAtUnix, secondsAgo: now - grant.expiresAtUnix, keyExpiresAt: expiresAt },
      },
      PRIVMAP_INVALID,
      fields,
    );
  }
  if (doc.time > now + CLOCK_SKEW_SECONDS) {
    // The IM server does not check this, but the signing server's clock is wrong and the expiry moves out with it.
    return result({ verdict: 'NOT_YET_VALID', reason: 'clock_ahead', facts: { kind, signedAt: doc.time, secondsAhead: doc.time - now } }, undefined, fields);
  }
  if (grant) {
    const room = grant.strRoomId !== undefined ? { strRoomId: grant.strRoomId } : { roomId: grant.roomId ?? 0 };
    return result(
      {
        verdict: 'VALID',
        reason: 'private_map_key',
        facts: { signedAppId: doc.sdkAppId, userId: doc.userId, room, privilegeNames: grant.privilegeNames },
      },
      undefined,
      fields,
    );
  }
  return result(
    { verdict: 'VALID', reason: 'user_sig', facts: { signedAppId: doc.sdkAppId, userId: doc.userId, expiresAt, secondsLeft: expiresAt - now } },
    undefined,
    fields,
  );
}

function hmacMatches(secretKey: unknown, doc: V2Document): boolean {
  if (typeof secretKey !== 'string' || secretKey.trim() === '') return false;
  return sameSig(hmacSha256(secretKey.trim(), contentToSign(doc)), doc.sig);
}

function sameSig(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** On the failure path only: recognise the usual ways a right key was used wrongly. */
function keyHint(secretKey: unknown, doc: V2Document): KeyHint {
  if (typeof secretKey !== 'string' || secretKey.trim() === '') return 'no_key';
  const key = secretKey.trim();
  if (key.startsWith('-----BEGIN')) return 'pem_key';
  const content = contentToSign(doc);
  if (/^[0-9a-fA-F]+$/.test(key) && key.length % 2 === 0 && sameSig(hmacSha256(Buffer.from(key, 'hex'), content), doc.sig)) return 'hex_decoded';
  for (const extra of ['\n', '\r\n', ' ']) {
    if (sameSig(hmacSha256(key + extra, content), doc.sig)) return extra === ' ' ? 'trailing_space' : 'trailing_newline';
  }
  // The official Node library signs the SDKAppID as given but writes it to the JSON as a number.
  const zeroPadded = content.replace(`TLS.sdkappid:${doc.sdkAppId}\n`, `TLS.sdkappid:0${doc.sdkAppId}\n`);
  if (sameSig(hmacSha256(key, zeroPadded), doc.sig)) return 'leading_zero_app';
  return 'none';
}

function differenceOf(signed: string, used: string): UserIdDifference {
  if (signed.trim() === used.trim()) return 'spaces';
  if (signed.toLowerCase() === used.toLowerCase()) return 'case';
  if (used.startsWith(signed) || signed.startsWith(used)) return 'prefix';
  return 'other';
}

function result(outcome: VerifyOutcome, imErrorCode: number | undefined, fields: ReadFields | undefined): DetectedVerification {
  const { time: _time, ...readable } = fields ?? {};
  return { ...outcome, valid: outcome.verdict === 'VALID', ...(imErrorCode !== undefined && { imErrorCode }), fields: readable };
}
