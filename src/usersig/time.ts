/** Times inside a UserSig are unix seconds from untrusted input: convert without ever throwing. */

/** Year 9999; beyond this Date cannot represent the value. */
export const MAX_UNIX_SECONDS = 253402300799;

export function isoOf(unixSeconds: number | undefined): string | undefined {
  if (unixSeconds === undefined || !Number.isInteger(unixSeconds) || unixSeconds < 0 || unixSeconds > MAX_UNIX_SECONDS) return undefined;
  // Civil date from day number (H. Hinnant's algorithm): verify formats three times per call, and Date was 7% of it.
  const days = Math.floor(unixSeconds / 86400);
  const secs = unixSeconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}T${two(hh)}:${two(mm)}:${two(secs % 60)}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function nowSeconds(now: unknown): number {
  return typeof now === 'number' && Number.isFinite(now) ? Math.floor(now) : Math.floor(Date.now() / 1000);
}
