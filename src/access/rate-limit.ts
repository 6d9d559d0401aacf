/**
 * Per-person rate limits for what chat users can set off: minting UserSigs and sending test pushes. The windows
 * live in the store (`RateWindows`), so that several replicas behind a load balancer count against the same
 * ones; `createRateLimiter` keeps them in this process's memory (tests, embedders).
 */

/** The actions a chat principal is limited on. */
export type LimitedAction = 'usersig.generate' | 'push.test';

export interface RateLimit {
  /** Uses allowed within any window of `windowMs`. */
  max: number;
  windowMs: number;
}

export type RateLimits = Readonly<Record<LimitedAction, RateLimit>>;

const TEN_MINUTES = 10 * 60_000;

/**
 * Each UserSig logs in as its user until it expires: a person needs a few while debugging, and a burst is what a
 * script or a borrowed account looks like.
 */
export const USERSIG_GENERATE_LIMIT: RateLimit = { max: 30, windowMs: TEN_MINUTES };

/** Each run sends real notifications to a user's phones through the app's push provider credentials. */
export const PUSH_TEST_LIMIT: RateLimit = { max: 10, windowMs: TEN_MINUTES };

export const RATE_LIMITS: RateLimits = { 'usersig.generate': USERSIG_GENERATE_LIMIT, 'push.test': PUSH_TEST_LIMIT };

/** For benchmarks and embedders that limit elsewhere. */
export const NO_RATE_LIMITS: RateLimits = {
  'usersig.generate': { max: Number.POSITIVE_INFINITY, windowMs: TEN_MINUTES },
  'push.test': { max: Number.POSITIVE_INFINITY, windowMs: TEN_MINUTES },
};

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number; limit: RateLimit };

export interface RateLimiter {
  readonly limits: RateLimits;
  /**
   * Count one use of `action` by `key` (`platform:userId`) at `nowMs` if the limit allows it. A refused use is
   * not counted, so waiting the time given is always enough.
   */
  take(key: string, action: LimitedAction, nowMs: number): RateDecision | Promise<RateDecision>;
}

/** The in-memory limiter: answers at once. */
export interface MemoryRateLimiter extends RateLimiter {
  /** (person, action) pairs remembered now; bounded by `maxKeys`. */
  readonly size: number;
  take(key: string, action: LimitedAction, nowMs: number): RateDecision;
}

export type WindowDecision = { allowed: true; used: number } | { allowed: false; retryAfterMs: number };

/**
 * Sliding-window logs kept by the store, shared by every process that uses it: the port behind the shared limiter.
 */
export interface RateWindows {
  /**
   * Count one use under `key` at `nowMs` if fewer than `max` uses fall within the window that ends at `nowMs`
   * (uses at or before `nowMs - windowMs` have expired). A refused use is not counted; `retryAfterMs` is when
   * the oldest counted use expires, at most `windowMs`.
   */
  take(key: string, max: number, windowMs: number, nowMs: number): Promise<WindowDecision>;
}

/** A limiter whose windows live in the store: every replica on the same store shares them. */
export function createSharedRateLimiter(limits: RateLimits, windows: RateWindows): RateLimiter {
  return {
    limits,
    async take(key, action, nowMs) {
      const limit = limits[action];
      if (!Number.isFinite(limit.max)) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
      const d = await windows.take(`${action}\n${key}`, limit.max, limit.windowMs, nowMs);
      return d.allowed ? { allowed: true, remaining: limit.max - d.used } : { allowed: false, retryAfterMs: d.retryAfterMs, limit };
    },
  };
}

/** Distinct (key, action) pairs remembered before idle ones are swept: bounds memory whoever sends commands. */
const MAX_KEYS = 10_000;

/**
 * A sliding-window log: the times of the last `max` uses per (key, action). Exact (no burst at a window
 * edge), and small: at most `max` numbers per active person.
 */
export function createRateLimiter(limits: RateLimits = RATE_LIMITS, options: { maxKeys?: number } = {}): MemoryRateLimiter {
  const maxKeys = options.maxKeys ?? MAX_KEYS;
  const uses = new Map<string, number[]>();

  const sweep = (nowMs: number) => {
    for (const [k, times] of uses) {
      const action = k.slice(0, k.indexOf('\n')) as LimitedAction;
      if (times.length === 0 || times[times.length - 1]! <= nowMs - limits[action].windowMs) uses.delete(k);
    }
    // Still full of active people: forget the longest-known first (Map keeps insertion order).
    for (const k of uses.keys()) {
      if (uses.size < maxKeys) break;
      uses.delete(k);
    }
  };

  return {
    limits,
    get size() {
      return uses.size;
    },
    take(key, action, nowMs) {
      const limit = limits[action];
      if (!Number.isFinite(limit.max)) return { allowed: true, remaining: Number.POSITIVE_INFINITY };
      const k = `${action}\n${key}`;
      let times = uses.get(k);
      if (times) {
        const from = nowMs - limit.windowMs;
        let drop = 0;
        while (drop < times.length && times[drop]! <= from) drop++;
        if (drop > 0) times.splice(0, drop);
      } else {
        if (uses.size >= maxKeys) sweep(nowMs);
        times = [];
        uses.set(k, times);
      }
      if (times.length >= limit.max) {
        // A clock stepped backwards must not turn into a wait longer than the window.
        const retryAfterMs = Math.min(limit.windowMs, Math.max(1, times[0]! + limit.windowMs - nowMs));
        return { allowed: false, retryAfterMs, limit };
      }
      // Kept in order even if the clock steps back, so expired uses are always at the front.
      times.push(Math.max(nowMs, times[times.length - 1] ?? nowMs));
      return { allowed: true, remaining: limit.max - times.length };
    },
  };
}
