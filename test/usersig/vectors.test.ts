import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeTencentBase64, generatePrivateMapKey, generateUserSig, verifyUserSig } from '../../src/usersig/index.js';

// reference/usersig.md §7: measured with tls-sig-api-v2 1.0.2 on Node 20, Date.now pinned to 1700000000000.
const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const APP = 1400000000;
const NOW = 1700000000;
const base = { sdkAppId: APP, secretKey: KEY, now: NOW };

const V1 =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamKlkZmqOKplYUZBaBxE1NTY3gosWZ6UpWSj5ljuYp*p7l5unBxXnF2WVhVU4uAf7Ozi5JpX7O5SbuHuUhzgZJmQXaTia2SrUAohcx8g__';
const V2 =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwqXFqUXxBoa6jlDJ4pTsxIKCzBQlK0MTAyiAyJRk5qYqWRmao4qmVhRkFqUqWVmYmcCEijPTlayUjDMMw3K0jZ1LUsI8XN3CPYLyU6K8TYJdKw0NtT21M1z9C3JN0ssr9X0Cs22VagES6DCd';
const V3 =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCxKVbIyMzCxgIkVZ6YrWSllG5r6h2YHhWckZgX6uoWGFXgbGOdbOkZG*RhqBwaZRDoX*0QG5ueEB5n72irVAgDN7jN4';
const V4 =
  'eJxVjU0LgkAURf-L2xoympUMtHgEWWShJEHutJmxUTPxq5Hov0eWi*7iwj1ncZ8QuEe94xVQMHUCk2FLxotGCjlgJaN72hY-VbMsKkvJgBoW*eVrGnnjQI3FP*WqlBUHOh1BW-MqbgVQQMQNd-JrbJZGnB-6IEHE1cUPT17vIiJ69qdxfJYJUCDa3trNrXwbrGeZZqeN70S5IiJRzIgePFREhGfBii7MlvB6A36tQqM_';
const V5 =
  'eJxVjrsOgkAURP-l1sYIYgybUGw0opEQjCBCB7LCVd4LChr-3cijcKqZc5p5g6kdpw9WAgFxOoNJtzFgaYVX7HCDXnar00Hx4O7lOQZABGk2pDcVJgyIsPynrMmxZEDmI6g5K-36CgTogW6ZGke*mAt*rLdmSLu4J6PVfmWV9YBGrS-KlWZv0HkqyvgEQyBQrl1WFJc9tWWv5i8uOcnZ8tLWWFiSZFiVqq-OO0ePhIIr8PkCEzVIaQ__';
// The official Python library on V1's inputs: same signature, other JSON layout and zlib build, so other bytes.
const PY_V1 =
  'eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkKjIT87NK82CSxSnZiQUFmSlAKUMTAyiAyqVWFGQWpYJkTE1NjRDiJZm5YFFzNPXFmekgG3zKHM1T9D3LzdODi-OKs8vCqpxcAvydnV2SSv2cy03cPcpDnA2SMgu0nUxslWoBHdYzUg__';

const json = (sig: string) => inflateSync(decodeTencentBase64(sig)).toString();

describe('reference vectors (reference/usersig.md §7)', () => {
  it('V1-V3: genUserSig', () => {
    expect(generateUserSig({ ...base, userId: 'xiaojun', expireSeconds: 86400 * 180 })).toBe(V1);
    expect(generateUserSig({ ...base, userId: 'user_01-A', expireSeconds: 86400 })).toBe(V2);
    expect(generateUserSig({ ...base, userId: 'administrator', expireSeconds: 604800 })).toBe(V3);
    expect(json(V1)).toBe(
      '{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":15552000,"TLS.sig":"LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="}',
    );
  });

  it('the default validity is 180 days', () => {
    expect(generateUserSig({ ...base, userId: 'xiaojun' })).toBe(V1);
  });

  it('V4: PrivateMapKey for numeric room 10000, all privileges', () => {
    const key = generatePrivateMapKey({ ...base, userId: 'xiaojun', expireSeconds: 300, roomId: 10000, privileges: 255 });
    expect(key).toBe(V4);
    const userbuf = Buffer.from(JSON.parse(json(key))['TLS.userbuf'], 'base64').toString('hex');
    expect(userbuf).toBe('0000077869616f6a756e53724e00000027106553f22c000000ff00000000');
  });

  it('V5: PrivateMapKey for string room "room-abc", privileges 42', () => {
    expect(generatePrivateMapKey({ ...base, userId: 'xiaojun', expireSeconds: 300, strRoomId: 'room-abc', privileges: 42 })).toBe(V5);
  });

  it('verifies every vector as VALID, and decodes the room grants', () => {
    for (const [userId, sig] of [
      ['xiaojun', V1],
      ['user_01-A', V2],
      ['administrator', V3],
      ['xiaojun', V4],
      ['xiaojun', V5],
    ] as const) {
      expect(verifyUserSig({ ...base, userId, userSig: sig }).verdict).toBe('VALID');
    }
    const v4 = verifyUserSig({ ...base, userId: 'xiaojun', userSig: V4 });
    expect(v4.privateMap).toMatchObject({ roomId: 10000, privileges: 255, expiresAt: '2023-11-14T22:18:20Z' });
    expect(v4.privateMap?.privilegeNames).toHaveLength(8);
    const v5 = verifyUserSig({ ...base, userId: 'xiaojun', userSig: V5 });
    expect(v5.privateMap).toMatchObject({ strRoomId: 'room-abc', privileges: 42, privilegeNames: ['enter room', 'receive audio', 'receive video'] });
    expect(v5.privateMap?.roomId).toBeUndefined();
  });

  it('accepts a UserSig from the Python library: fields and HMAC are compared, never the string', () => {
    expect(PY_V1).not.toBe(V1);
    const v = verifyUserSig({ ...base, userId: 'xiaojun', userSig: PY_V1 });
    expect(v).toMatchObject({ verdict: 'VALID', sdkAppId: APP, userId: 'xiaojun', generatedAt: '2023-11-14T22:13:20Z', expireSeconds: 15552000 });
  });
});
