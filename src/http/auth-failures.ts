/**
 * Failed authentications per remote address on the device API. Verifying a UserSig costs CPU and needs no
 * credentials, so an address that fails more than `max` times within `windowMs` is refused (429) until its window
 * ends. In memory, per process; at most `maxAddresses` are remembered (the oldest are forgotten first), so a
 * scan from many addresses cannot grow it without bound.
 */
export interface AuthFailureLimits {
  max: number;
  windowMs: number;
  maxAddresses: number;
}

export const DEFAULT_AUTH_FAILURE_LIMITS: AuthFailureLimits = { max: 30, windowMs: 60_000, maxAddresses: 10_000 };

export interface AuthFailures {
  /** Milliseconds until `address` may try again, or 0 when it may now. */
  blockedFor(address: string): number;
  /** Count one failed authentication from `address`. */
  failed(address: string): void;
}

export function trackAuthFailures(limits: AuthFailureLimits = DEFAULT_AUTH_FAILURE_LIMITS, now: () => number = Date.now): AuthFailures {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (address: string) => {
    const w = windows.get(address);
    if (w && now() - w.start >= limits.windowMs) {
      windows.delete(address);
      return undefined;
    }
    return w;
  };
  return {
    blockedFor(address) {
      const w = current(address);
      return w && w.count > limits.max ? w.start + limits.windowMs - now() : 0;
    },
    failed(address) {
      const w = current(address);
      if (w) {
        w.count++;
        return;
      }
      if (windows.size >= limits.maxAddresses) windows.delete(windows.keys().next().value!);
      windows.set(address, { start: now(), count: 1 });
    },
  };
}
