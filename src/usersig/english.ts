/**
 * The library's public functions, in English: detection (verify.ts, inspect.ts, im-errors.ts) returns facts, and
 * these word them with the en catalogue, so the library API keeps its `cause`, `fix` and `meaning` strings. Chat and
 * terminal replies word the same facts with whichever catalogue they were given (src/present/usersig.ts).
 */
import { imErrors } from '../text/en/im-errors.js';
import { enTime } from '../text/en/time.js';
import { usersigGenerators, usersigVerdicts } from '../text/en/usersig.js';
import { IM_ERROR_ROWS, lookupImError, toImErrorInfo, type ImErrorInfo } from './im-errors.js';
import { detectInspection, toInspection, type InspectOptions } from './inspect.js';
import type { Inspection, Verification } from './types.js';
import { detectVerification, toVerification, type VerifyUserSigOptions } from './verify.js';

/** The library words times in UTC, as it always has. */
const UTC = enTime();

/** Check a UserSig (or a TRTC PrivateMapKey) the way the IM server does, and explain the first problem. Never throws. */
export function verifyUserSig(options: VerifyUserSigOptions): Verification {
  return toVerification(detectVerification(options), usersigVerdicts, UTC);
}

/** Decode a UserSig without a key: what it claims (app, user, times, room grant). Never throws; never asserts authenticity. */
export function inspectUserSig(userSig: string, options: InspectOptions = {}): Inspection {
  return toInspection(detectInspection(userSig, options), usersigVerdicts, usersigGenerators, UTC);
}

/** Every code in the catalogue, with its English words. */
export const IM_ERRORS: readonly ImErrorInfo[] = IM_ERROR_ROWS.map((row) =>
  toImErrorInfo({ row, code: row.code, source: row.source, mirrored: false }, imErrors),
);

/**
 * Look up a code. TRTC native reports the IM account codes negated (-70001 … -70500): those resolve to the IM row,
 * with the source set to TRTC.
 */
export function explainImError(code: number): ImErrorInfo | undefined {
  const entry = lookupImError(code);
  return entry ? toImErrorInfo(entry, imErrors) : undefined;
}
