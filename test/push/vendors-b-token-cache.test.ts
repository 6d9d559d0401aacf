// The access-token cache OPPO and vivo share: one request for concurrent callers, reuse until expiry, a refusal
// not cached, and a renewal that drops only the token the vendor called expired.
import { describe, expect, it } from 'vitest';
import { AccessTokenCache, tokenKey, type TokenOutcome } from '../../src/push/providers/vendor/access-token.js';

describe('AccessTokenCache', () => {
  it('shares one request among concurrent callers and reuses the token until it expires', async () => {
    const cache = new AccessTokenCache({ marginMs: 0 });
    let clock = 1_000;
    let n = 0;
    const fetcher = async (): Promise<TokenOutcome<string>> => ({ ok: true, token: `t${++n}`, expiresAt: clock + 100 });
    const now = () => clock;
    const first = await Promise.all([cache.get('k', fetcher, now), cache.get('k', fetcher, now), cache.get('k', fetcher, now)]);
    expect(first.map((r) => r.ok && r.token)).toEqual(['t1', 't1', 't1']);
    clock += 99;
    expect(await cache.get('k', fetcher, now)).toMatchObject({ token: 't1' });
    clock += 1;
    expect(await cache.get('k', fetcher, now)).toMatchObject({ token: 't2' });
    expect(cache.requests).toBe(2);
  });

  it('does not cache a refusal, and invalidates only the token that was called expired', async () => {
    const cache = new AccessTokenCache();
    const answers: TokenOutcome<string>[] = [
      { ok: false, failure: '16' },
      { ok: true, token: 'a', expiresAt: Number.MAX_SAFE_INTEGER },
      { ok: true, token: 'b', expiresAt: Number.MAX_SAFE_INTEGER },
    ];
    const fetcher = async () => answers.shift()!;
    expect(await cache.get('k', fetcher)).toEqual({ ok: false, failure: '16' });
    expect(await cache.get('k', fetcher)).toMatchObject({ token: 'a' });
    cache.invalidate('k', 'stale-from-another-caller');
    expect(await cache.get('k', fetcher)).toMatchObject({ token: 'a' });
    cache.invalidate('k', 'a');
    expect(await cache.get('k', fetcher)).toMatchObject({ token: 'b' });
  });

  it('keys by origin and credentials without holding the secret', () => {
    const key = tokenKey('oppo', 'https://api.push.oppomobile.com', 'oppo-key', 'super-secret');
    expect(key).not.toContain('super-secret');
    expect(key).not.toBe(tokenKey('oppo', 'https://api.push.oppomobile.com', 'oppo-key', 'other-secret'));
  });
});
