/** Input rules for minting a UserSig or PrivateMapKey (issue 2; reference/usersig.md §6). Violations are UsageErrors with a fix. */
import { UsageError } from '../errors.js';

export const MAX_USERID_BYTES = 32;
/** "At most 50 years" (doc 269/1664). */
export const MAX_EXPIRE_SECONDS = 50 * 365 * 86400;
export const DEFAULT_EXPIRE_SECONDS = 180 * 86400;
export const MAX_UINT32 = 0xffffffff;

const STRICT_USERID = /^[A-Za-z0-9_-]+$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

export interface UserIdRules {
  /** Accept any printable ASCII (0x20-0x7e), which is what the IM SDK accepts, instead of `[A-Za-z0-9_-]`. */
  relaxedUserId?: boolean;
}

export function checkUserId(userId: unknown, rules: UserIdRules = {}, what = 'UserID'): string {
  if (typeof userId !== 'string' || userId.length === 0) {
    throw new UsageError(`${what} is empty`, 'give the UserID exactly as the client logs in with it');
  }
  const bytes = Buffer.byteLength(userId, 'utf8');
  if (bytes > MAX_USERID_BYTES) {
    throw new UsageError(
      `${what} is ${bytes} bytes long; IM accepts at most ${MAX_USERID_BYTES}`,
      'use the UserID the client logs in with; IM refuses longer ones (error 7003)',
    );
  }
  if (!PRINTABLE_ASCII.test(userId)) {
    const bad = [...userId].find((c) => !/[\x20-\x7e]/.test(c)) ?? '';
    throw new UsageError(
      `${what} ${JSON.stringify(userId)} contains ${describeChar(bad)}, which IM does not accept (only printable ASCII)`,
      'use the UserID the client logs in with; the IM SDK rejects non-ASCII UserIDs (error 7003)',
    );
  }
  if (!rules.relaxedUserId && !STRICT_USERID.test(userId)) {
    const bad = [...userId].find((c) => !/[A-Za-z0-9_-]/.test(c)) ?? '';
    throw new UsageError(
      `${what} ${JSON.stringify(userId)} contains ${describeChar(bad)}; the recommended UserID alphabet is A-Z a-z 0-9 _ -`,
      'if the client really logs in with this UserID (the IM SDK accepts printable ASCII), allow it explicitly with the relaxed UserID option (--relaxed-user-id)',
    );
  }
  return userId;
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `a control character (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
  return `${JSON.stringify(c)} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

export function checkSdkAppId(sdkAppId: unknown): number {
  if (typeof sdkAppId !== 'number' || !Number.isInteger(sdkAppId) || sdkAppId < 1 || sdkAppId > MAX_UINT32) {
    throw new UsageError(
      `SDKAppID must be a whole number from 1 to ${MAX_UINT32}, got ${describeValue(sdkAppId)}`,
      'copy the SDKAppID from the IM console (Applications); pass it as a number, without leading zeros',
    );
  }
  return sdkAppId;
}

export function checkExpire(expireSeconds: unknown, what = 'expiry'): number {
  if (typeof expireSeconds !== 'number' || !Number.isInteger(expireSeconds) || expireSeconds < 1 || expireSeconds > MAX_EXPIRE_SECONDS) {
    throw new UsageError(
      `${what} must be a whole number of seconds from 1 to ${MAX_EXPIRE_SECONDS} (50 years), got ${describeValue(expireSeconds)}`,
      'use e.g. 15552000 (180 days, the usual default) or 86400 (one day); 0 makes a signature that is already expired',
    );
  }
  return expireSeconds;
}

export function checkNow(now: unknown, expireSeconds: number): number {
  if (typeof now !== 'number' || !Number.isInteger(now) || now < 0) {
    throw new UsageError(`signing time must be a whole number of unix seconds, got ${describeValue(now)}`, 'omit it to sign at the current time');
  }
  if (now + expireSeconds > MAX_UINT32) {
    throw new UsageError(
      'signing time plus validity goes past 2106-02-07, beyond what the IM server reads (32 bits)',
      'use the current time and a validity of at most 50 years',
    );
  }
  return now;
}

export type Notice = (message: string) => void;

/**
 * The console key is used as the raw ASCII string (not hex-decoded), so any stray whitespace would silently break
 * every signature. Surrounding whitespace is trimmed and reported; a PEM key means the app still uses v1 (ECDSA).
 */
export function checkSecretKey(secretKey: unknown, onNotice?: Notice): string {
  if (typeof secretKey !== 'string') throw new UsageError('the secret key is missing', 'copy the key from the IM console (Applications > your app > key)');
  const trimmed = secretKey.trim();
  if (!trimmed) throw new UsageError('the secret key is empty', 'copy the key from the IM console (Applications > your app > key)');
  if (trimmed.startsWith('-----BEGIN')) {
    throw new UsageError(
      'the secret key is a PEM private key: this is a v1 ECDSA key (apps created before 2019-07-19), which cannot sign v2 (HMAC-SHA256) UserSigs',
      'in the IM console open the app and switch it to the new signature algorithm (or read its HMAC key there), then use that 64-character key',
    );
  }
  if (trimmed !== secretKey) onNotice?.('surrounding whitespace was trimmed from the secret key (it is part of the HMAC key and would break every signature)');
  return trimmed;
}

/** Never echoes the value itself when it may be a credential; numbers and short scalars are safe to show. */
function describeValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.length <= 24 ? JSON.stringify(v) : `a string of ${v.length} characters`;
  return v === null ? 'null' : typeof v;
}
