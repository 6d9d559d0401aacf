import { timingSafeEqual } from 'node:crypto';
import { decodeUserSig, type ReadFields, type V2Document } from './decode.js';
import { contentToSign, hmacSha256 } from './sign.js';
import { nowSeconds, span, utc } from './time.js';
import type { UserSigVerdict, Verification } from './types.js';

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

/** Check a UserSig (or a TRTC PrivateMapKey) the way the IM server does, and explain the first problem. Never throws. */
export function verifyUserSig(options: VerifyUserSigOptions): Verification {
  try {
    return verify(options);
  } catch (err) {
    // Unreachable by design; a verifier that throws on hostile input would take the bot down with it.
    return {
      valid: false,
      verdict: 'MALFORMED',
      cause: `The UserSig could not be checked (${(err as Error)?.name ?? 'error'}).`,
      fix: 'Generate a new UserSig and try again; report this input to the imops maintainers.',
    };
  }
}

function verify(options: VerifyUserSigOptions): Verification {
  const now = nowSeconds(options?.now);
  const decoded = decodeUserSig(options?.userSig);
  if (!decoded.ok) {
    return result(decoded.verdict, decoded.cause, decoded.fix, decoded.imErrorCode, decoded.fields);
  }
  const { doc, fields } = decoded;
  const grant = doc.privateMap;
  const expectedApp = options.sdkAppId;
  const expectedUser = options.userId;
  const expiresAt = doc.time + doc.expire;
  const expired = now > expiresAt;
  const grantExpired = grant !== undefined && now > grant.expiresAtUnix;
  const alsoExpired = expired || grantExpired
    ? ` It has also expired (at ${utc(expired ? expiresAt : grant!.expiresAtUnix)}, ${span(now - (expired ? expiresAt : grant!.expiresAtUnix))} ago), so it must be regenerated anyway.`
    : '';
  const kind = grant ? 'PrivateMapKey' : 'UserSig';
  const code = (im: number) => (grant ? PRIVMAP_INVALID : im);

  if (doc.sdkAppId !== expectedApp) {
    return result('SDKAPPID_MISMATCH',
      `This ${kind} was signed for SDKAppID ${doc.sdkAppId}, but it is being used with SDKAppID ${String(expectedApp)}.${alsoExpired}`,
      `Sign it with the key of SDKAppID ${String(expectedApp)}, or have the client use SDKAppID ${doc.sdkAppId}. Each app has its own key; a test and a production app are different apps.`,
      code(70014), fields);
  }
  if (grant && grant.sdkAppId !== doc.sdkAppId) {
    return result('SDKAPPID_MISMATCH',
      `This PrivateMapKey's room grant names SDKAppID ${grant.sdkAppId}, but the key itself is for SDKAppID ${doc.sdkAppId}; TRTC rejects the mismatch.${alsoExpired}`,
      'Generate the PrivateMapKey again with imops or an official library, which write the same SDKAppID in both places.', code(70014), fields);
  }
  if (doc.userId !== expectedUser) {
    return result('USERID_MISMATCH',
      `This ${kind} was signed for UserID ${JSON.stringify(doc.userId)}, but the client uses ${JSON.stringify(String(expectedUser))}${describeDifference(doc.userId, String(expectedUser))}. The IM server compares them exactly.${alsoExpired}`,
      `Sign exactly the UserID the client logs in with (${JSON.stringify(String(expectedUser))}), or log in with ${JSON.stringify(doc.userId)}.`,
      code(70013), fields);
  }
  if (grant && grant.userId !== doc.userId) {
    return result('USERID_MISMATCH',
      `This PrivateMapKey's room grant is for account ${JSON.stringify(grant.userId)}, but the key is for ${JSON.stringify(doc.userId)}. This happens when a library writes a non-ASCII UserID into the grant byte by byte.${alsoExpired}`,
      'Use an ASCII UserID and generate the PrivateMapKey again with imops.', code(70013), fields);
  }
  if (!hmacMatches(options.secretKey, doc)) {
    return result('SIGNATURE_MISMATCH',
      `The signature does not match: this ${kind} was not signed with this app's secret key, or its content was altered after signing.${keyHint(options.secretKey, doc)}${alsoExpired}`,
      `Sign it with the key of SDKAppID ${doc.sdkAppId} from the IM console, used as the plain 64-character text (not hex-decoded, no spaces or newlines). If the key was rotated in the console, every older UserSig is void: regenerate.`,
      code(70009), fields);
  }
  if (expired) {
    const short = doc.expire < 3600 ? ` Its validity was only ${doc.expire === 0 ? '0 seconds' : span(doc.expire)}.` : '';
    return result('EXPIRED',
      `This ${kind} expired at ${utc(expiresAt)}, ${span(now - expiresAt)} ago (signed ${utc(doc.time)} with a validity of ${span(doc.expire)}).${short}`,
      `Generate a new one and have the client fetch a fresh ${kind} before the old one runs out${grant ? '' : ' (a validity of 1 day to 180 days is usual)'}. If it expired right after it was made, the signing server's clock is behind: sync it with NTP.`,
      grant ? PRIVMAP_INVALID : 70001, fields);
  }
  if (grantExpired) {
    return result('EXPIRED',
      `This PrivateMapKey's room grant expired at ${utc(grant!.expiresAtUnix)}, ${span(now - grant!.expiresAtUnix)} ago, although the key's own validity runs to ${utc(expiresAt)}. TRTC checks both.`,
      'Generate a new PrivateMapKey just before the client enters the room.', PRIVMAP_INVALID, fields);
  }
  if (doc.time > now + CLOCK_SKEW_SECONDS) {
    return result('NOT_YET_VALID',
      `This ${kind} says it was signed at ${utc(doc.time)}, ${span(doc.time - now)} in the future: the clock of the server that signed it is ahead. The IM server does not check this, but the expiry moves out by the same amount, and the signing server's clock is wrong.`,
      'Sync the signing server\'s clock with NTP, then generate the UserSig again.', undefined, fields);
  }
  const cause = grant
    ? `Authentic TRTC PrivateMapKey for SDKAppID ${doc.sdkAppId}, UserID ${JSON.stringify(doc.userId)}, room ${grant.strRoomId !== undefined ? JSON.stringify(grant.strRoomId) + ' (string room ID)' : String(grant.roomId)}, allowing: ${grant.privilegeNames.join(', ') || 'nothing'}. It is a room-entry key (TRTCParams.privateMapKey), not a login UserSig: as a UserSig the IM server rejects it (70009).`
    : `Authentic UserSig for SDKAppID ${doc.sdkAppId} and UserID ${JSON.stringify(doc.userId)}, valid until ${utc(expiresAt)} (${span(expiresAt - now)} from now).`;
  const fix = grant
    ? 'Nothing to fix in the key. If room entry still fails, check that advanced permission control is on for this app and that the client enters exactly this room (a numeric and a string room ID are different rooms).'
    : 'Nothing to fix in the UserSig. If the client still fails to log in, check that it uses this SDKAppID and UserID, and look up the error code it reports (imops usersig explain <code>).';
  return result('VALID', cause, fix, undefined, fields);
}

function hmacMatches(secretKey: unknown, doc: V2Document): boolean {
  if (typeof secretKey !== 'string' || secretKey.trim() === '') return false;
  return sameSig(hmacSha256(secretKey.trim(), contentToSign(doc)), doc.sig);
}

function sameSig(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** On the failure path only: recognise the usual ways a right key was used wrongly. */
function keyHint(secretKey: unknown, doc: V2Document): string {
  if (typeof secretKey !== 'string' || secretKey.trim() === '') return ' No secret key was given to check it with.';
  const key = secretKey.trim();
  if (key.startsWith('-----BEGIN')) return ' The configured key is a PEM key: this is a v1 ECDSA key, which cannot sign or check v2 UserSigs.';
  const content = contentToSign(doc);
  if (/^[0-9a-fA-F]+$/.test(key) && key.length % 2 === 0 && sameSig(hmacSha256(Buffer.from(key, 'hex'), content), doc.sig)) {
    return ' It was signed with this key hex-decoded into bytes; the key must be used as its text.';
  }
  for (const extra of ['\n', '\r\n', ' ']) {
    if (sameSig(hmacSha256(key + extra, content), doc.sig)) {
      return ` It was signed with this key plus a trailing ${extra === ' ' ? 'space' : 'newline'} (read from a file or an env variable without trimming).`;
    }
  }
  const zeroPadded = content.replace(`TLS.sdkappid:${doc.sdkAppId}\n`, `TLS.sdkappid:0${doc.sdkAppId}\n`);
  if (sameSig(hmacSha256(key, zeroPadded), doc.sig)) {
    return ' It was signed with the SDKAppID passed as a string with a leading zero: the official Node library then signs different text than it writes.';
  }
  return '';
}

function describeDifference(signed: string, used: string): string {
  if (signed.trim() === used.trim()) return ' (they differ only in surrounding spaces)';
  if (signed.toLowerCase() === used.toLowerCase()) return ' (they differ only in upper/lower case)';
  if (used.startsWith(signed) || signed.startsWith(used)) return ' (one is a prefix of the other)';
  return '';
}

function result(verdict: UserSigVerdict, cause: string, fix: string, imErrorCode: number | undefined, fields: ReadFields | undefined): Verification {
  const v: Verification = { valid: verdict === 'VALID', verdict, cause, fix };
  if (imErrorCode !== undefined) v.imErrorCode = imErrorCode;
  if (fields) {
    if (fields.sdkAppId !== undefined) v.sdkAppId = fields.sdkAppId;
    if (fields.userId !== undefined) v.userId = fields.userId;
    if (fields.generatedAt !== undefined) v.generatedAt = fields.generatedAt;
    if (fields.expiresAt !== undefined) v.expiresAt = fields.expiresAt;
    if (fields.expireSeconds !== undefined) v.expireSeconds = fields.expireSeconds;
    if (fields.privateMap !== undefined) v.privateMap = fields.privateMap;
  }
  return v;
}

