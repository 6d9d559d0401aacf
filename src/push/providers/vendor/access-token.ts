// An OAuth access-token cache for vendors that trade a client secret for a short-lived token (Huawei, Honor, and
// any vendor built the same way). One request per key (a certificate's client) however many pushes wait for it;
// the token is reused until shortly before it expires; a token the vendor calls expired is dropped once, so the
// next `get` fetches a fresh one. A refusal is kept briefly, so a sweep over many devices does not ask again
// for every device.

export type TokenOutcome<F> = { ok: true; token: string; expiresAt: number } | { ok: false; failure: F };

export interface AccessTokenCacheOptions {
  /** Renew this long before the vendor's expiry (ms). */
  marginMs?: number;
  /** How long a refusal is remembered (ms). */
  failureTtlMs?: number;
  now?: () => number;
}

export class AccessTokenCache<F> {
  private readonly entries = new Map<string, { outcome: Promise<TokenOutcome<F>>; until: number }>();
  private readonly marginMs: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;
  /** Token requests made, per key: the benchmark prints it, tests assert one per process. */
  readonly requests = new Map<string, number>();

  constructor(options: AccessTokenCacheOptions = {}) {
    this.marginMs = options.marginMs ?? 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  get(key: string, fetchToken: () => Promise<TokenOutcome<F>>): Promise<TokenOutcome<F>> {
    const cached = this.entries.get(key);
    if (cached && this.now() < cached.until) return cached.outcome;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const entry = { outcome: fetchToken(), until: Number.POSITIVE_INFINITY };
    this.entries.set(key, entry);
    entry.outcome.then(
      (o) => {
        entry.until = o.ok ? Math.max(this.now(), o.expiresAt - this.marginMs) : this.now() + this.failureTtlMs;
      },
      () => {
        entry.until = 0;
      },
    );
    return entry.outcome;
  }

  /** The vendor said `token` expired: forget it (only if it is still the cached one; a newer one stays). */
  async invalidate(key: string, token: string): Promise<void> {
    const cached = this.entries.get(key);
    if (!cached) return;
    const outcome = await cached.outcome.catch(() => undefined);
    if (this.entries.get(key) === cached && (!outcome?.ok || outcome.token === token)) this.entries.delete(key);
  }

  total(): number {
    let n = 0;
    for (const v of this.requests.values()) n += v;
    return n;
  }
}

/** `expires_in` (seconds) from a token answer; vendors that leave it out get an hour, Huawei's documented value. */
export function expiresAt(now: number, expiresIn: unknown): number {
  const s = typeof expiresIn === 'number' ? expiresIn : typeof expiresIn === 'string' ? Number(expiresIn) : Number.NaN;
  return now + (Number.isFinite(s) && s > 0 ? s : 3600) * 1000;
}
