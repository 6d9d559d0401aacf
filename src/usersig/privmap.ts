/**
 * The TRTC PrivateMapKey userbuf (reference/usersig.md §2): a big-endian binary record naming the account, app,
 * room, an absolute expiry and the privilege bits, signed inside a normal v2 UserSig as `TLS.userbuf`.
 */
import { UsageError } from '../errors.js';
import { say } from '../text/index.js';
import { isoOf } from './time.js';
import type { PrivateMapInfo, PrivilegeName } from './types.js';
import type { UserbufProblem } from './outcomes.js';

/** Bit value -> name (only the low byte is used by TRTC). */
export const PRIVILEGES: readonly { bit: number; name: PrivilegeName }[] = [
  { bit: 1, name: 'create room' },
  { bit: 2, name: 'enter room' },
  { bit: 4, name: 'send audio' },
  { bit: 8, name: 'receive audio' },
  { bit: 16, name: 'send video' },
  { bit: 32, name: 'receive video' },
  { bit: 64, name: 'send screen share' },
  { bit: 128, name: 'receive screen share' },
];

export const MAX_ROOM_ID = 4294967294;
/** TRTC limits string room IDs to 64 bytes. */
export const MAX_STR_ROOM_BYTES = 64;

export function privilegeNames(bits: number): PrivilegeName[] {
  return PRIVILEGES.filter((p) => (bits & p.bit) !== 0).map((p) => p.name);
}

export interface UserbufInput {
  userId: string;
  sdkAppId: number;
  roomId?: number;
  strRoomId?: string;
  /** Absolute expiry, unix seconds. */
  expiresAt: number;
  privileges: number;
}

/** Byte layout of §2.1; identical to what tls-sig-api-v2 writes for ASCII input. */
export function encodeUserbuf(input: UserbufInput): Buffer {
  const account = Buffer.from(input.userId, 'latin1');
  const room = input.strRoomId !== undefined ? Buffer.from(input.strRoomId, 'latin1') : undefined;
  const buf = Buffer.alloc(23 + account.length + (room ? 2 + room.length : 0));
  let o = buf.writeUInt8(room ? 1 : 0, 0);
  o = buf.writeUInt16BE(account.length, o);
  o += account.copy(buf, o);
  o = buf.writeUInt32BE(input.sdkAppId >>> 0, o);
  o = buf.writeUInt32BE(room ? 0 : (input.roomId ?? 0) >>> 0, o);
  // The official library writes the low 32 bits of now + expire; keep that for byte identity.
  o = buf.writeUInt32BE(input.expiresAt % 2 ** 32, o);
  o = buf.writeUInt32BE(input.privileges >>> 0, o);
  o = buf.writeUInt32BE(0, o);
  if (room) {
    o = buf.writeUInt16BE(room.length, o);
    room.copy(buf, o);
  }
  return buf;
}

export type UserbufDecode = { ok: true; info: PrivateMapInfo } | { ok: false; problem: UserbufProblem };

/** Never throws: a userbuf comes from untrusted input. */
export function decodeUserbuf(buf: Uint8Array): UserbufDecode {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 23) return { ok: false, problem: { kind: 'too_short', bytes: b.length, minimum: 23 } };
  const version = b[0]!;
  if (version !== 0 && version !== 1) return { ok: false, problem: { kind: 'bad_version', version } };
  const accountLen = b.readUInt16BE(1);
  const fixedEnd = 3 + accountLen + 20;
  if (b.length < fixedEnd) return { ok: false, problem: { kind: 'account_overruns', accountBytes: accountLen, bytes: b.length } };
  const userId = b.toString('latin1', 3, 3 + accountLen);
  let o = 3 + accountLen;
  const sdkAppId = b.readUInt32BE(o);
  const roomId = b.readUInt32BE(o + 4);
  const expiresAtUnix = b.readUInt32BE(o + 8);
  const privileges = b.readUInt32BE(o + 12);
  const accountType = b.readUInt32BE(o + 16);
  o = fixedEnd;
  let strRoomId: string | undefined;
  if (version === 1) {
    if (b.length < o + 2) return { ok: false, problem: { kind: 'no_room_length' } };
    const roomLen = b.readUInt16BE(o);
    if (b.length !== o + 2 + roomLen) return { ok: false, problem: { kind: 'room_length_mismatch', roomBytes: roomLen, following: b.length - o - 2 } };
    strRoomId = b.toString('latin1', o + 2, o + 2 + roomLen);
  } else if (b.length !== o) {
    return { ok: false, problem: { kind: 'trailing_bytes', count: b.length - o } };
  }
  const info: PrivateMapInfo = {
    userId,
    sdkAppId,
    ...(version === 1 ? { strRoomId } : { roomId }),
    expiresAt: isoOf(expiresAtUnix),
    expiresAtUnix,
    privileges,
    privilegeNames: privilegeNames(privileges),
    accountType,
  };
  return { ok: true, info };
}

export function checkPrivileges(privileges: unknown): number {
  if (typeof privileges !== 'number' || !Number.isInteger(privileges) || privileges < 1 || privileges > 255) {
    const got = typeof privileges === 'number' ? String(privileges) : typeof privileges;
    throw new UsageError(
      say((t) => t.usage.privileges.invalid(got)),
      say((t) => t.usage.privileges.fix(PRIVILEGES)),
    );
  }
  return privileges;
}

export function checkRoom(roomId: unknown, strRoomId: unknown): { roomId?: number; strRoomId?: string } {
  const fix = () => say((t) => t.usage.room.fix);
  if ((roomId === undefined) === (strRoomId === undefined)) {
    throw new UsageError(
      say((t) => (roomId === undefined ? t.usage.room.missing : t.usage.room.both)),
      fix(),
    );
  }
  if (roomId !== undefined) {
    if (typeof roomId !== 'number' || !Number.isInteger(roomId) || roomId < 1 || roomId > MAX_ROOM_ID) {
      const got = typeof roomId === 'number' ? String(roomId) : typeof roomId;
      throw new UsageError(
        say((t) => t.usage.room.numeric(MAX_ROOM_ID, got)),
        fix(),
      );
    }
    return { roomId };
  }
  if (typeof strRoomId !== 'string' || strRoomId.length === 0)
    throw new UsageError(
      say((t) => t.usage.room.stringEmpty),
      fix(),
    );
  if (!/^[\x20-\x7e]+$/.test(strRoomId)) {
    throw new UsageError(
      say((t) => t.usage.room.stringNotAscii(strRoomId)),
      fix(),
    );
  }
  if (strRoomId.length > MAX_STR_ROOM_BYTES) {
    const bytes = strRoomId.length;
    throw new UsageError(
      say((t) => t.usage.room.stringTooLong(bytes, MAX_STR_ROOM_BYTES)),
      fix(),
    );
  }
  return { strRoomId };
}
