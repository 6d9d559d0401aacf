import { UsageError } from '../errors.js';
import { say } from '../text/index.js';
import { deflateDocument, encodeTencentBase64 } from './codec.js';
import { checkExpire, checkNow, checkSdkAppId, checkSecretKey, checkUserId, DEFAULT_EXPIRE_SECONDS, type Notice } from './inputs.js';
import { checkPrivileges, checkRoom, encodeUserbuf } from './privmap.js';
import { contentToSign, documentJson, hmacSha256, type SignedFields } from './sign.js';

export interface GenerateUserSigOptions {
  sdkAppId: number;
  /** The app's key from the IM console, used as the raw ASCII string. Surrounding whitespace is trimmed (see onNotice). */
  secretKey: string;
  userId: string;
  /** Validity in seconds from the signing time; default 180 days. */
  expireSeconds?: number;
  /** Signing time, unix seconds; default now. */
  now?: number;
  /** Accept any printable-ASCII UserID (what the IM SDK accepts) instead of `[A-Za-z0-9_-]`. */
  relaxedUserId?: boolean;
  /** Told about things worth knowing that do not stop signing (a trimmed key). */
  onNotice?: Notice;
}

export interface GeneratePrivateMapKeyOptions extends Omit<GenerateUserSigOptions, 'expireSeconds'> {
  /** Validity in seconds; also written into the userbuf as an absolute expiry. TRTC suggests 300. */
  expireSeconds: number;
  roomId?: number;
  strRoomId?: string;
  /** Privilege bits (1 create, 2 enter, 4/8 send/receive audio, 16/32 video, 64/128 screen share); 255 = all. */
  privileges: number;
}

/** Sign a UserSig. Byte-identical to tls-sig-api-v2 `genUserSig` for the same inputs and time. Throws UsageError. */
export function generateUserSig(options: GenerateUserSigOptions): string {
  const secretKey = checkSecretKey(options.secretKey, options.onNotice);
  const sdkAppId = checkSdkAppId(options.sdkAppId);
  const userId = checkUserId(options.userId, options);
  const expire = checkExpire(options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS);
  const time = checkNow(options.now ?? Math.floor(Date.now() / 1000), expire);
  return sign(secretKey, { userId, sdkAppId, time, expire });
}

/**
 * Sign a TRTC PrivateMapKey for one room. Byte-identical to tls-sig-api-v2 `genPrivateMapKey` (numeric room) and
 * `genPrivateMapKeyWithStringRoomID` (string room). ASCII only: the official libraries corrupt other characters.
 */
export function generatePrivateMapKey(options: GeneratePrivateMapKeyOptions): string {
  const secretKey = checkSecretKey(options.secretKey, options.onNotice);
  const sdkAppId = checkSdkAppId(options.sdkAppId);
  const given = options.userId;
  if (typeof given === 'string' && /[^\x00-\x7f]/.test(given)) {
    throw new UsageError(
      say((t) => t.usage.userId.notAsciiForRoom(given)),
      say((t) => t.usage.userId.notAsciiForRoomFix),
    );
  }
  const userId = checkUserId(options.userId, options);
  const expire = checkExpire(options.expireSeconds, 'privateMapKey');
  const time = checkNow(options.now ?? Math.floor(Date.now() / 1000), expire);
  const room = checkRoom(options.roomId, options.strRoomId);
  const privileges = checkPrivileges(options.privileges);
  const userbuf = encodeUserbuf({ userId, sdkAppId, ...room, expiresAt: time + expire, privileges }).toString('base64');
  return sign(secretKey, { userId, sdkAppId, time, expire, userbuf });
}

function sign(secretKey: string, fields: SignedFields): string {
  const sig = hmacSha256(secretKey, contentToSign(fields)).toString('base64');
  return encodeTencentBase64(deflateDocument(documentJson(fields, sig)));
}
