// Access tokens of the vendors that issue them (OPPO, vivo): fetched once per process and reused until they
// expire, shared by every tester (one token request per vendor and app, not per device). Concurrent sends wait
// on the same request. A refusal is not cached: the next test asks again. A token the vendor calls expired is
// dropped (only if it is still the current one) so that the single retry fetches a fresh one.
import { createHash } from 'node:crypto';

export type TokenFetch<F> = { ok: true; token: string; expiresAt: number } | { ok: false; failure: F };

interface Entry<F> {
  pending?: Promise<TokenFetch<F>>;
  token?: string;
  expiresAt?: number;
}

export class AccessTokenCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  /** How many token requests were made (the emulator tests and `push certs --live` read it). */
  requests = 0;

  /** The cached token, or one fresh from `fetcher`. `now` in ms. */
  async get<F>(key: string, fetcher: () => Promise<TokenFetch<F>>, now: () => number = Date.now): Promise<TokenFetch<F>> {
    const entry = (this.entries.get(key) ?? {}) as Entry<F>;
    if (entry.token && entry.expiresAt !== undefined && entry.expiresAt > now()) {
      return { ok: true, token: entry.token, expiresAt: entry.expiresAt };
    }
    if (!entry.pending) {
      this.requests++;
      entry.pending = fetcher().then(
        (got) => {
          delete entry.pending;
          if (got.ok) {
            entry.token = got.token;
            entry.expiresAt = got.expiresAt;
          } else {
            delete entry.token;
          }
          return got;
        },
        (err: unknown) => {
          delete entry.pending;
          throw err;
        },
      );
      this.entries.set(key, entry as Entry<unknown>);
    }
    return entry.pending;
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

/** The process-wide cache: every tester, `push certs --live` and the sweep share it. */
export const VENDOR_ACCESS_TOKENS = new AccessTokenCache();

/** A cache key that changes when the origin or any credential changes, without holding the secret itself. */
export function tokenKey(vendor: string, url: string, ...credentials: string[]): string {
  return `${vendor}|${url}|${createHash('sha256').update(credentials.join('\u0000')).digest('hex').slice(0, 32)}`;
}
