import { describe, expect, it } from 'vitest';
import { generatePrivateMapKey, generateUserSig, verifyUserSig, MAX_EXPIRE_SECONDS } from '../../src/usersig/index.js';
import { official, PRINTABLE, randomKey, rng, STRICT_ALPHABET } from './helpers.js';

const SEED = 20240601;
const CASES = 600;

describe('byte-identical to the official tls-sig-api-v2 1.0.2', () => {
  it(`matches genUserSig, genPrivateMapKey and genPrivateMapKeyWithStringRoomID over ${CASES} random cases (seed ${SEED})`, () => {
    const r = rng(SEED);
    const kinds = { userSig: 0, room: 0, strRoom: 0 };
    for (let i = 0; i < CASES; i++) {
      const relaxed = r.next() < 0.25;
      const userId = relaxed ? r.str(PRINTABLE, 1, 32) : r.str(STRICT_ALPHABET, 1, 32);
      const expire = r.pick([1, 300, 86400, 15552000, MAX_EXPIRE_SECONDS, r.int(1, MAX_EXPIRE_SECONDS)]);
      const sdkAppId = r.pick([1400000000, 20000000, 0xffffffff, 0x80000000, r.int(1, 0xffffffff)]);
      const now = r.int(0, 0xffffffff - expire);
      const nowMs = now * 1000 + r.int(0, 999);
      const key = r.next() < 0.8 ? randomKey() : r.str(PRINTABLE, 1, 80).trim() || 'k';
      const kind = r.pick(['userSig', 'room', 'strRoom'] as const);
      kinds[kind]++;
      const privileges = r.int(1, 255);
      const roomId = r.pick([1, 4294967294, r.int(1, 4294967294)]);
      const strRoomId = r.str(PRINTABLE, 1, 64);
      const label = JSON.stringify({ i, kind, userId, expire, sdkAppId, nowMs, roomId, strRoomId, privileges });

      const ours =
        kind === 'userSig'
          ? generateUserSig({ sdkAppId, secretKey: key, userId, expireSeconds: expire, now, relaxedUserId: true })
          : generatePrivateMapKey({
              sdkAppId,
              secretKey: key,
              userId,
              expireSeconds: expire,
              now,
              privileges,
              relaxedUserId: true,
              ...(kind === 'room' ? { roomId } : { strRoomId }),
            });
      const theirs = official(sdkAppId, key, nowMs, (api) =>
        kind === 'userSig'
          ? api.genUserSig(userId, expire)
          : kind === 'room'
            ? api.genPrivateMapKey(userId, expire, roomId, privileges)
            : api.genPrivateMapKeyWithStringRoomID(userId, expire, strRoomId, privileges),
      );
      expect(ours, label).toBe(theirs);

      // And the verifier accepts what the official library signs, right up to the last valid second.
      const v = verifyUserSig({ sdkAppId, secretKey: key, userId, userSig: theirs, now: now + expire });
      expect(v.verdict, label).toBe('VALID');
    }
    expect(Math.min(...Object.values(kinds))).toBeGreaterThan(CASES / 5);
  });
});
