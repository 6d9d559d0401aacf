/** Every outcome of verifying a UserSig, in the order the checks run (design.md, "Verdicts"). */
export const VERDICTS = [
  'VALID',
  'EMPTY',
  'MALFORMED',
  'TRUNCATED',
  'NOT_ZLIB',
  'BAD_JSON',
  'LEGACY_V1',
  'MISSING_FIELD',
  'SDKAPPID_MISMATCH',
  'USERID_MISMATCH',
  'SIGNATURE_MISMATCH',
  'EXPIRED',
  'NOT_YET_VALID',
] as const;

export type UserSigVerdict = (typeof VERDICTS)[number];

/** The verdicts that can be reached without a key: the decoding stages. */
export type DecodeVerdict = 'EMPTY' | 'MALFORMED' | 'TRUNCATED' | 'NOT_ZLIB' | 'BAD_JSON' | 'LEGACY_V1' | 'MISSING_FIELD';

export type PrivilegeName =
  | 'create room'
  | 'enter room'
  | 'send audio'
  | 'receive audio'
  | 'send video'
  | 'receive video'
  | 'send screen share'
  | 'receive screen share';

/** What a PrivateMapKey's userbuf grants (reference/usersig.md §2.1). */
export interface PrivateMapInfo {
  /** The UserID written into the userbuf (must equal the key's own identifier). */
  userId: string;
  sdkAppId: number;
  /** Numeric room ID (absent for a string room). */
  roomId?: number;
  /** String room ID (a different room from the same digits as a number). */
  strRoomId?: string;
  /** The userbuf's own absolute expiry, which the TRTC server checks besides TLS.time + TLS.expire. */
  expiresAt?: string;
  /** Raw dwExpTime (unix seconds, 32 bits). */
  expiresAtUnix: number;
  privileges: number;
  privilegeNames: PrivilegeName[];
  accountType: number;
}

/** What could be read from a UserSig, even when it fails a check. Times are ISO-8601 strings in UTC. */
export interface DecodedFields {
  sdkAppId?: number;
  userId?: string;
  generatedAt?: string;
  expiresAt?: string;
  expireSeconds?: number;
  /** Present when the input is a TRTC PrivateMapKey (it carries a userbuf). */
  privateMap?: PrivateMapInfo;
}

/** Result of `verifyUserSig`, with the fields that could be read even when the verdict is a failure. */
export interface Verification extends DecodedFields {
  valid: boolean;
  verdict: UserSigVerdict;
  /** What is wrong, in words a support engineer can pass on. */
  cause: string;
  /** What to do about it. */
  fix: string;
  /** The error code the client (IM SDK, REST API or TRTC) would have received, when one is known. */
  imErrorCode?: number;
}

export type UserSigFormat = 'v2' | 'v1-ecdsa' | 'v1-plain-json';

/** Result of `inspectUserSig`: what can be read without a key. It never claims authenticity. */
export interface Inspection {
  /** True when the text decoded into a complete document (v2, or a readable v1). */
  decoded: boolean;
  /** 'DECODED' on success, otherwise the decoding verdict that stopped it. */
  verdict: 'DECODED' | DecodeVerdict;
  cause: string;
  fix: string;
  imErrorCode?: number;
  format?: UserSigFormat;
  kind?: 'userSig' | 'privateMapKey';
  sdkAppId?: number;
  userId?: string;
  generatedAt?: string;
  expiresAt?: string;
  expireSeconds?: number;
  /** Relative to the inspection time; absent when the fields could not be read. */
  expired?: boolean;
  privateMap?: PrivateMapInfo;
  /** Which family of official libraries most likely produced it, from the zlib level and JSON layout. */
  generator?: string;
}
