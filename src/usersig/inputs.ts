/** Input rules for minting a UserSig or PrivateMapKey (issue 2; reference/usersig.md §6). Violations are UsageErrors with a fix. */
import { UsageError } from '../errors.js';
import { say, type Words } from '../text/index.js';

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

/** A value a usage error shows: the value itself when it is safe to, else only what it is (it may be a credential). */
export type ShownValue = { kind: 'literal'; text: string } | { kind: 'longString'; length: number };

/** The first character of a UserID that IM (or the recommended alphabet) does not accept; `code` is "U+0009". */
export type ShownChar = { kind: 'space' } | { kind: 'control'; code: string } | { kind: 'char'; char: string; code: string };

export function checkUserId(userId: unknown, rules: UserIdRules = {}): string {
  if (typeof userId !== 'string' || userId.length === 0) {
    throw new UsageError(
      say((t) => t.usage.userId.empty),
      say((t) => t.usage.userId.emptyFix),
    );
  }
  const bytes = Buffer.byteLength(userId, 'utf8');
  if (bytes > MAX_USERID_BYTES) {
    throw new UsageError(
      say((t) => t.usage.userId.tooLong(bytes, MAX_USERID_BYTES)),
      say((t) => t.usage.userId.tooLongFix),
    );
  }
  if (!PRINTABLE_ASCII.test(userId)) {
    const bad = shownChar([...userId].find((c) => !/[\x20-\x7e]/.test(c)) ?? '');
    throw new UsageError(
      say((t) => t.usage.userId.notPrintable(userId, bad)),
      say((t) => t.usage.userId.notPrintableFix),
    );
  }
  if (!rules.relaxedUserId && !STRICT_USERID.test(userId)) {
    const bad = shownChar([...userId].find((c) => !/[A-Za-z0-9_-]/.test(c)) ?? '');
    throw new UsageError(
      say((t) => t.usage.userId.notRecommended(userId, bad)),
      say((t) => t.usage.userId.notRecommendedFix),
    );
  }
  return userId;
}

function shownChar(c: string): ShownChar {
  if (c === ' ') return { kind: 'space' };
  const cp = c.codePointAt(0) ?? 0;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp < 0x20 || cp === 0x7f ? { kind: 'control', code } : { kind: 'char', char: c, code };
}

export function checkSdkAppId(sdkAppId: unknown): number {
  if (typeof sdkAppId !== 'number' || !Number.isInteger(sdkAppId) || sdkAppId < 1 || sdkAppId > MAX_UINT32) {
    const got = shownValue(sdkAppId);
    throw new UsageError(
      say((t) => t.usage.sdkAppId.invalid(MAX_UINT32, got)),
      say((t) => t.usage.sdkAppId.fix),
    );
  }
  return sdkAppId;
}

/** `kind`: whose validity it is (a PrivateMapKey's is named as such). */
export function checkExpire(expireSeconds: unknown, kind: 'userSig' | 'privateMapKey' = 'userSig'): number {
  if (typeof expireSeconds !== 'number' || !Number.isInteger(expireSeconds) || expireSeconds < 1 || expireSeconds > MAX_EXPIRE_SECONDS) {
    const got = shownValue(expireSeconds);
    throw new UsageError(
      say((t) => t.usage.validity.invalid(kind, MAX_EXPIRE_SECONDS, got)),
      say((t) => t.usage.validity.fix),
    );
  }
  return expireSeconds;
}

export function checkNow(now: unknown, expireSeconds: number): number {
  if (typeof now !== 'number' || !Number.isInteger(now) || now < 0) {
    const got = shownValue(now);
    throw new UsageError(
      say((t) => t.usage.signingTime.invalid(got)),
      say((t) => t.usage.signingTime.invalidFix),
    );
  }
  if (now + expireSeconds > MAX_UINT32) {
    throw new UsageError(
      say((t) => t.usage.signingTime.tooLate),
      say((t) => t.usage.signingTime.tooLateFix),
    );
  }
  return now;
}

/** Told about something worth knowing that does not stop signing: `message` in English, `words` in every language. */
export type Notice = (message: string, words: Words) => void;

/**
 * The console key is used as the raw ASCII string (not hex-decoded), so any stray whitespace would silently break
 * every signature. Surrounding whitespace is trimmed and reported; a PEM key means the app still uses v1 (ECDSA).
 */
export function checkSecretKey(secretKey: unknown, onNotice?: Notice): string {
  const fix = () => say((t) => t.usage.secretKey.fix);
  if (typeof secretKey !== 'string')
    throw new UsageError(
      say((t) => t.usage.secretKey.missing),
      fix(),
    );
  const trimmed = secretKey.trim();
  if (!trimmed)
    throw new UsageError(
      say((t) => t.usage.secretKey.empty),
      fix(),
    );
  if (trimmed.startsWith('-----BEGIN')) {
    throw new UsageError(
      say((t) => t.usage.secretKey.pem),
      say((t) => t.usage.secretKey.pemFix),
    );
  }
  if (trimmed !== secretKey) {
    const notice = say((t) => t.usage.secretKey.trimmed);
    onNotice?.(notice.en, notice);
  }
  return trimmed;
}

/** Never echoes the value itself when it may be a credential; numbers and short scalars are safe to show. */
function shownValue(v: unknown): ShownValue {
  if (typeof v === 'number') return { kind: 'literal', text: String(v) };
  if (typeof v === 'string') return v.length <= 24 ? { kind: 'literal', text: JSON.stringify(v) } : { kind: 'longString', length: v.length };
  return { kind: 'literal', text: v === null ? 'null' : typeof v };
}
