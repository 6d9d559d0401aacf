import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateBounded } from '../../src/usersig/codec.js';
import {
  encodeTencentBase64,
  generatePrivateMapKey,
  generateUserSig,
  inspectUserSig,
  MAX_INFLATED_BYTES,
  verifyUserSig,
  VERDICTS,
} from '../../src/usersig/index.js';
import { randomKey, rng, wrap } from './helpers.js';

const KEY = randomKey();
const APP = 1400000000;
const NOW = 1_700_000_000;

describe('bounded inflate', () => {
  it('refuses a small input that inflates to megabytes, without inflating it all', () => {
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }); // 64 MiB of spaces in ~64 KiB
    const r = inflateBounded(bomb);
    expect(r).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('a UserSig-shaped zip bomb is a BAD_JSON verdict, for verify and inspect', () => {
    const bomb = encodeTencentBase64(deflateSync(Buffer.alloc(4 * 1024 * 1024, 0x20), { level: 9 }));
    expect(bomb.length).toBeLessThan(8192);
    const v = verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: bomb });
    expect(v.verdict).toBe('BAD_JSON');
    expect(v.cause).toMatch(new RegExp(`more than ${MAX_INFLATED_BYTES / 1024} KiB`));
    expect(inspectUserSig(bomb).verdict).toBe('BAD_JSON');
  });

  it('refuses pasted text far longer than any UserSig before decoding it', () => {
    const v = verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: 'eJ'.repeat(1_000_000) });
    expect(v.verdict).toBe('MALFORMED');
    expect(v.cause).toMatch(/2000000 characters/);
  });
});

describe('verify and inspect never throw', () => {
  it('on nonsense arguments', () => {
    const odd: unknown[] = [undefined, null, 42, {}, [], '\u0000', '\ud800', 'é'.repeat(40)];
    for (const userSig of odd) {
      const v = verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: userSig as string });
      expect(VERDICTS).toContain(v.verdict);
      expect(inspectUserSig(userSig as string).verdict).toBeTypeOf('string');
    }
    const good = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW });
    for (const secretKey of [undefined, '', '   ', 42]) {
      expect(verifyUserSig({ sdkAppId: APP, secretKey: secretKey as string, userId: 'alice', userSig: good, now: NOW }).verdict).toBe('SIGNATURE_MISMATCH');
    }
    expect(verifyUserSig({ sdkAppId: NaN, secretKey: KEY, userId: undefined as unknown as string, userSig: good, now: NaN }).verdict).toBe('SDKAPPID_MISMATCH');
  });

  it('on 100,000 random and mutated inputs: each gets a verdict with a cause and a fix', () => {
    const r = rng(7);
    const seeds = [
      generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW }),
      generatePrivateMapKey({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW, expireSeconds: 300, roomId: 7, privileges: 255 }),
      generatePrivateMapKey({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW, expireSeconds: 300, strRoomId: 'room', privileges: 3 }),
    ];
    const docs = [
      '{"TLS.ver":"2.0","TLS.identifier":"alice","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":86400,"TLS.sig":"LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4="}',
      '{"TLS.ver":"2.0","TLS.identifier":"alice","TLS.sdkappid":1400000000,"TLS.time":1700000000,"TLS.expire":300,"TLS.userbuf":"AAAHeGlhb2p1blNyTgAAACcQZVPyLAAAAP8AAAAA","TLS.sig":"0+M4K64lITF5k+8jtQGalx0fgxd1aweZx0fZYfdnvZk="}',
    ];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_';
    const noise = `${alphabet}+/=% \n"{}:,.\u00e9\u0000`;
    const alphabetChars = [...alphabet];
    const noiseChars = [...noise];
    const mutate = (s: string): string => {
      const chars = [...s];
      const n = r.int(1, 4);
      for (let k = 0; k < n; k++) {
        const at = r.int(0, Math.max(0, chars.length - 1));
        const op = r.int(0, 4);
        if (op === 0) chars[at] = r.pick(noiseChars);
        else if (op === 1) chars.splice(at, 1);
        else if (op === 2) chars.splice(at, 0, r.pick(alphabetChars));
        else if (op === 3) chars.length = at;
        else chars[at] = r.pick(alphabetChars);
      }
      return chars.join('');
    };
    const counts = new Map<string, number>();
    const N = 100_000;
    for (let i = 0; i < N; i++) {
      let input: string;
      const mode = i % 5;
      if (mode === 0) input = r.str(r.next() < 0.5 ? alphabet : noise, 0, 400);
      else if (mode === 1 || mode === 2) input = mutate(r.pick(seeds));
      else if (mode === 3) input = wrap(mutate(r.pick(docs)));
      else {
        const bytes = deflateSync(Buffer.from(mutate(r.pick(docs))));
        bytes[r.int(0, bytes.length - 1)] = r.int(0, 255);
        input = encodeTencentBase64(bytes);
      }
      const v = verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: input, now: NOW });
      if (!VERDICTS.includes(v.verdict) || !v.cause || !v.fix) throw new Error(`no proper verdict for ${JSON.stringify(input)}: ${JSON.stringify(v)}`);
      counts.set(v.verdict, (counts.get(v.verdict) ?? 0) + 1);
      if (i % 10 === 0) {
        const ins = inspectUserSig(input, { now: NOW });
        if (!ins.cause || !ins.fix) throw new Error(`no proper inspection for ${JSON.stringify(input)}`);
      }
    }
    // The mutations reach deep into the pipeline, not just the first check.
    for (const verdict of ['MALFORMED', 'TRUNCATED', 'NOT_ZLIB', 'BAD_JSON', 'MISSING_FIELD', 'SIGNATURE_MISMATCH', 'VALID']) {
      expect(counts.get(verdict) ?? 0, verdict).toBeGreaterThan(0);
    }
  });
});

describe('CPU amplification', () => {
  it('a 132-character UserSig that inflates to JSON nested 32,700 deep is BAD_JSON without being parsed', () => {
    const nested = encodeTencentBase64(deflateSync(Buffer.from('['.repeat(32_700) + ']'.repeat(32_700)), { level: 9 }));
    expect(nested.length).toBeLessThan(200);
    const v = verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: nested });
    expect(v).toMatchObject({ valid: false, verdict: 'BAD_JSON', cause: expect.stringMatching(/more than 4 KiB.*hostile/) });
    expect(inspectUserSig(nested).verdict).toBe('BAD_JSON');
  });

  it('deep nesting that fits in 4 KiB is refused before JSON.parse, with the cause named', () => {
    const deep = encodeTencentBase64(deflateSync(Buffer.from(`{"TLS.ver":"2.0","x":${'{"a":'.repeat(9)}1${'}'.repeat(9)}}`)));
    const v = verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: deep });
    expect(v).toMatchObject({ verdict: 'BAD_JSON', cause: expect.stringMatching(/nested more than 8 levels deep/) });
    // Brackets inside strings are text, not nesting.
    const inString = encodeTencentBase64(deflateSync(Buffer.from(`{"TLS.ver":"2.0","x":"${'['.repeat(50)}"}`)));
    expect(verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: inString }).cause).not.toMatch(/nested/);
  });
});
