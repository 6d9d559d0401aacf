import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { encodeTencentBase64 } from '../../src/usersig/index.js';

const require = createRequire(import.meta.url);

interface OfficialApi {
  genUserSig(userId: string, expire: number): string;
  genPrivateMapKey(userId: string, expire: number, roomId: number, privileges: number): string;
  genPrivateMapKeyWithStringRoomID(userId: string, expire: number, roomStr: string, privileges: number): string;
}
const { Api } = require('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => OfficialApi };

/** The official library reads the clock only through Date.now(), so pinning it pins the signing time. */
export function official<T>(sdkAppId: number, key: string, nowMs: number, run: (api: OfficialApi) => T): T {
  const real = Date.now;
  Date.now = () => nowMs;
  try {
    return run(new Api(sdkAppId, key));
  } finally {
    Date.now = real;
  }
}

/** Small seeded PRNG so a failing random case can be replayed from the seed in the test name. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const str = (alphabet: string, lo: number, hi: number) => Array.from({ length: int(lo, hi) }, () => alphabet[int(0, alphabet.length - 1)]).join('');
  return { next, int, pick, str };
}

export const STRICT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
export const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/** Freshly made per run: no key material lives in the repository. */
export function randomKey(): string {
  return randomBytes(32).toString('hex');
}

/** Wrap any JSON text the way a UserSig is wrapped (zlib + Tencent base64). */
export function wrap(json: string | Buffer): string {
  return encodeTencentBase64(deflateSync(typeof json === 'string' ? Buffer.from(json) : json));
}
