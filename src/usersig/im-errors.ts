/**
 * Error codes a client reports when its UserSig, PrivateMapKey or account is refused (reference/usersig.md §4).
 * The data only: code, name, where it is reported, and which verifier verdicts point at it. What each code means,
 * its usual cause and the fix are words, in src/text/<locale>/im-errors.ts; toImErrorInfo joins the two.
 */
import type { UserSigVerdict } from './types.js';

export type ImErrorSource = 'IM server' | 'IM SDK' | 'IM REST API' | 'TRTC' | 'TRTC Web';

export interface ImErrorRow {
  code: number;
  name: string;
  source: ImErrorSource;
  /** Verdicts of `imops usersig verify` that predict this code: run verify to confirm. */
  verdicts?: readonly UserSigVerdict[];
}

export const IM_ERROR_ROWS = [
  { code: 70001, name: 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED', source: 'IM server', verdicts: ['EXPIRED'] },
  { code: 70002, name: 'ERR_SVR_ACCOUNT_USERSIG_EMPTY', source: 'IM server', verdicts: ['EMPTY'] },
  { code: 70003, name: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED', source: 'IM server', verdicts: ['MALFORMED', 'TRUNCATED', 'NOT_ZLIB', 'BAD_JSON'] },
  { code: 70004, name: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_2', source: 'IM server', verdicts: ['TRUNCATED', 'NOT_ZLIB'] },
  { code: 70005, name: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED_EX', source: 'IM server', verdicts: ['MISSING_FIELD', 'BAD_JSON'] },
  { code: 70006, name: 'ERR_SERVER_SSO_SIG_VERIFICATION_FAILED (70006)', source: 'IM server', verdicts: ['MISSING_FIELD', 'BAD_JSON'] },
  { code: 70007, name: 'ERR_SERVER_SSO_SIG_VERIFICATION_FAILED (70007)', source: 'IM server', verdicts: ['MISSING_FIELD', 'BAD_JSON'] },
  { code: 70008, name: 'ERR_SERVER_SSO_SIG_VERIFICATION_FAILED (70008)', source: 'IM server', verdicts: ['MISSING_FIELD', 'BAD_JSON'] },
  { code: 70010, name: 'ERR_SERVER_SSO_SIG_VERIFICATION_FAILED (70010)', source: 'IM server', verdicts: ['MISSING_FIELD', 'BAD_JSON'] },
  { code: 70009, name: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY', source: 'IM server', verdicts: ['SIGNATURE_MISMATCH', 'LEGACY_V1'] },
  { code: 70013, name: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID', source: 'IM server', verdicts: ['USERID_MISMATCH'] },
  { code: 70014, name: 'ERR_SVR_ACCOUNT_USERSIG_MISMATCH_SDKAPPID', source: 'IM server', verdicts: ['SDKAPPID_MISMATCH'] },
  { code: 70015, name: 'ERR_SVR_ACCOUNT_USERSIG_CHECK_TYPE', source: 'IM server' },
  { code: 70016, name: 'ERR_SVR_ACCOUNT_USERSIG_PUBLICKEY_NOT_FOUND', source: 'IM server' },
  { code: 70017, name: 'ERR_SERVER_SSO_TICKET_VERIFY_TIMEOUT', source: 'IM server' },
  { code: 70018, name: 'ERR_SERVER_SSO_TICKET_VERIFY_FAILED', source: 'IM server' },
  { code: 70020, name: 'ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND', source: 'IM server' },
  { code: 70050, name: 'ERR_SVR_ACCOUNT_FREQ_LIMIT', source: 'IM server' },
  { code: 70051, name: 'ERR_SVR_ACCOUNT_BLACKLIST', source: 'IM server' },
  { code: 70052, name: 'ERR_SVR_ACCOUNT_INVALID_USERSIG', source: 'IM server' },
  { code: 70107, name: 'ERR_SVR_ACCOUNT_NOT_FOUND', source: 'IM server' },
  { code: 70114, name: 'ERR_SVR_ACCOUNT_SEC_RSTR', source: 'IM server' },
  { code: 70169, name: 'ERR_SVR_ACCOUNT_INTERNAL_TIMEOUT', source: 'IM server' },
  { code: 70206, name: 'ERR_SVR_ACCOUNT_INVALID_COUNT', source: 'IM server' },
  { code: 70221, name: 'ERR_SERVER_SSO_INVALID_LOGIN_STATUS', source: 'IM server' },
  { code: 70346, name: 'ERR_SERVER_SSO_TICKET_VERIFICATION_FAILED', source: 'IM server' },
  { code: 70347, name: 'ERR_SERVER_SSO_TICKET_EXPIRED', source: 'IM server' },
  { code: 70398, name: 'ERR_SVR_ACCOUNT_COUNT_LIMIT', source: 'IM server' },
  { code: 70402, name: 'ERR_SVR_ACCOUNT_INVALID_PARAMETERS', source: 'IM server' },
  { code: 70403, name: 'ERR_SVR_ACCOUNT_ADMIN_REQUIRED', source: 'IM server' },
  { code: 70500, name: 'ERR_SVR_ACCOUNT_INTERNAL_ERROR', source: 'IM server' },
  { code: 60004, name: 'ERR_SVR_COMM_INVALID_ACCOUNT', source: 'IM REST API', verdicts: ['USERID_MISMATCH', 'SIGNATURE_MISMATCH', 'EXPIRED'] },
  { code: 60005, name: 'ERR_SVR_COMM_INVALID_ACCOUNT_EX', source: 'IM REST API', verdicts: ['USERID_MISMATCH', 'SIGNATURE_MISMATCH', 'EXPIRED'] },
  { code: 6206, name: 'ERR_USER_SIG_EXPIRED', source: 'IM SDK', verdicts: ['EXPIRED'] },
  { code: 7003, name: 'ERR_SDK_COMM_INVALID_IDENTIFIER', source: 'IM SDK' },
  {
    code: -100018,
    name: 'ERR_SERVER_INFO_ECDH_GET_TINYID',
    source: 'TRTC',
    verdicts: ['SIGNATURE_MISMATCH', 'EXPIRED', 'USERID_MISMATCH', 'SDKAPPID_MISMATCH'],
  },
  { code: -100006, name: 'ERR_SERVER_INFO_PRIVILEGE_FLAG_ERROR', source: 'TRTC', verdicts: ['USERID_MISMATCH', 'EXPIRED', 'SIGNATURE_MISMATCH'] },
  { code: -100013, name: 'ERR_SERVER_INFO_SERVICE_SUSPENDED', source: 'TRTC' },
  {
    code: -10013,
    name: 'USER_SIG_AUTHENTICATION_FAILED',
    source: 'TRTC Web',
    verdicts: ['SIGNATURE_MISMATCH', 'EXPIRED', 'USERID_MISMATCH', 'SDKAPPID_MISMATCH'],
  },
  { code: -10018, name: 'PRIVATE_MAP_KEY_MISSING', source: 'TRTC Web' },
  { code: -10019, name: 'PRIVATE_MAP_KEY_INVALID', source: 'TRTC Web', verdicts: ['SIGNATURE_MISMATCH', 'EXPIRED', 'USERID_MISMATCH', 'SDKAPPID_MISMATCH'] },
] as const satisfies readonly ImErrorRow[];

/** A code in the table; a catalogue words every one of them. */
export type ImErrorCode = (typeof IM_ERROR_ROWS)[number]['code'];

export interface ImErrorWords {
  meaning: string;
  cause: string;
  fix: string;
}

/** The shape of a catalogue's IM error words. */
export interface ImErrorCatalogue {
  codes: Record<ImErrorCode, ImErrorWords>;
  /** The meaning of an IM code that TRTC reports negated. */
  mirrored: (meaning: string, imCode: number) => string;
}

/** A code found in the table: the row, and the code and source as the client reported them. */
export interface ImErrorEntry {
  row: ImErrorRow & { code: ImErrorCode };
  code: number;
  source: ImErrorSource;
  /** TRTC reported the row's IM code negated. */
  mirrored: boolean;
}

/** Result of `explainImError`: a row with its words. */
export interface ImErrorInfo {
  code: number;
  name: string;
  source: ImErrorSource;
  meaning: string;
  cause: string;
  fix: string;
  /** Verdicts of `imops usersig verify` that predict this code: run verify to confirm. */
  verdicts?: UserSigVerdict[];
}

const BY_CODE = new Map<number, ImErrorRow & { code: ImErrorCode }>(IM_ERROR_ROWS.map((r) => [r.code, r]));

/**
 * Look up a code. TRTC native reports the IM account codes negated (-70001 … -70500): those resolve to the IM row,
 * with the source set to TRTC.
 */
export function lookupImError(code: number): ImErrorEntry | undefined {
  const direct = BY_CODE.get(code);
  if (direct) return { row: direct, code, source: direct.source, mirrored: false };
  if (code <= -70001 && code >= -70500) {
    const mirrored = BY_CODE.get(-code);
    if (mirrored) return { row: mirrored, code, source: 'TRTC', mirrored: true };
  }
  return undefined;
}

/** The entry with its words from a catalogue. */
export function toImErrorInfo(e: ImErrorEntry, words: ImErrorCatalogue): ImErrorInfo {
  const w = words.codes[e.row.code];
  const info: ImErrorInfo = {
    code: e.code,
    name: e.row.name,
    source: e.source,
    meaning: e.mirrored ? words.mirrored(w.meaning, e.row.code) : w.meaning,
    cause: w.cause,
    fix: w.fix,
  };
  if (e.row.verdicts) info.verdicts = [...e.row.verdicts];
  return info;
}
