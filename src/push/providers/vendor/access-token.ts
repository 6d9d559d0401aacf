// The access-token cache of the vendors that trade a credential for a short-lived token (Huawei and Honor by
// OAuth client credentials, OPPO and vivo by a signed auth request). One request per key (a credential) however
// many pushes wait for it; the token is reused until shortly before it expires; a token the vendor calls expired
// is dropped once (only if it is still the cached one: a newer one stays), so the single retry fetches a fresh
// one. A refusal is remembered for `failureTtlMs` (0: not at all, the next test asks again). Keys come from
// `tokenKey`, which never holds a secret in clear.
import { createHash } from 'node:crypto';

export type TokenOutcome<F> = { ok: true; token: string; expiresAt: number } | { ok: false; failure: F };

export interface AccessTokenCacheOptions {
  /** Renew this long before the vendor's expiry (ms); 60 s unless set. */
  marginMs?: number;
  /** How long a refusal is remembered (ms); not at all unless set. */
  failureTtlMs?: number;
}

interface Entry {
  pending?: Promise<TokenOutcome<unknown>>;
  token?: string;
  expiresAt?: number;
  failure?: { outcome: TokenOutcome<unknown>; until: number };
}

export class AccessTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly marginMs: number;
  private readonly failureTtlMs: number;
  /** Token requests made (tests, the benchmark and `push certs --live` read it). */
  requests = 0;

  constructor(options: AccessTokenCacheOptions = {}) {
    this.marginMs = options.marginMs ?? 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 0;
  }

  /** The cached token, or one fresh from `fetcher` (shared by every caller waiting meanwhile). `now` in ms. */
  get<F>(key: string, fetcher: () => Promise<TokenOutcome<F>>, now: () => number = Date.now): Promise<TokenOutcome<F>> {
    const entry = this.entries.get(key) ?? {};
    if (entry.token && entry.expiresAt !== undefined && now() < entry.expiresAt - this.marginMs) {
      return Promise.resolve({ ok: true, token: entry.token, expiresAt: entry.expiresAt });
    }
    if (entry.failure && now() < entry.failure.until) return Promise.resolve(entry.failure.outcome as TokenOutcome<F>);
    if (!entry.pending) {
      this.requests++;
      entry.pending = fetcher().then(
        (got) => {
          delete entry.pending;
          delete entry.failure;
          if (got.ok) {
            entry.token = got.token;
            entry.expiresAt = got.expiresAt;
          } else {
            delete entry.token;
            if (this.failureTtlMs > 0) entry.failure = { outcome: got, until: now() + this.failureTtlMs };
          }
          return got;
        },
        (err: unknown) => {
          delete entry.pending;
          throw err;
        },
      );
      this.entries.set(key, entry);
    }
    return entry.pending as Promise<TokenOutcome<F>>;
  }

  /** Forget `token` for `key` (the vendor said it expired); a newer token fetched meanwhile is kept. */
  invalidate(key: string, token: string): void {
    const entry = this.entries.get(key);
    if (entry?.token === token) {
      delete entry.token;
      delete entry.expiresAt;
    }
  }

  clear(): void {
    this.entries.clear();
    this.requests = 0;
  }
}

/** The process-wide cache of OPPO and vivo: every tester, `push certs --live` and the sweep share it. */
export const VENDOR_ACCESS_TOKENS = new AccessTokenCache();

/** A cache key that changes when the origin or any credential changes, without holding the secret itself. */
export function tokenKey(vendor: string, url: string, ...credentials: string[]): string {
  return `${vendor}|${url}|${createHash('sha256').update(credentials.join('\u0000')).digest('hex').slice(0, 32)}`;
}

/** `expires_in` (seconds) from a token answer; vendors that leave it out get an hour, Huawei's documented value. */
export function expiresAt(now: number, expiresIn: unknown): number {
  const s = typeof expiresIn === 'number' ? expiresIn : typeof expiresIn === 'string' ? Number(expiresIn) : Number.NaN;
  return now + (Number.isFinite(s) && s > 0 ? s : 3600) * 1000;
}

/** What `withAccessToken` gives back: the token request's failure, or what `use` returned. */
export type WithToken<F, R> = { ok: false; failure: F; retried: boolean } | { ok: true; result: R; retried: boolean };

/**
 * Run `use` with the cached token for `key`; when its result says the vendor called the token expired, drop that
 * token once and run `use` once more with a fresh one.
 */
export async function withAccessToken<F, R>(
  cache: AccessTokenCache,
  key: string,
  fetcher: () => Promise<TokenOutcome<F>>,
  use: (token: string) => Promise<R>,
  expired: (result: R) => boolean,
  now: () => number = Date.now,
): Promise<WithToken<F, R>> {
  let retried = false;
  for (;;) {
    const t = await cache.get(key, fetcher, now);
    if (!t.ok) return { ok: false, failure: t.failure, retried };
    const result = await use(t.token);
    if (retried || !expired(result)) return { ok: true, result, retried };
    cache.invalidate(key, t.token);
    retried = true;
  }
}
