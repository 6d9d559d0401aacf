/** Times inside a UserSig are unix seconds from untrusted input: convert without ever throwing. */

/** Year 9999; beyond this Date cannot represent the value. */
export const MAX_UNIX_SECONDS = 253402300799;

export function isoOf(unixSeconds: number | undefined): string | undefined {
  if (unixSeconds === undefined || !Number.isFinite(unixSeconds) || unixSeconds < 0 || unixSeconds > MAX_UNIX_SECONDS) return undefined;
  // Whole seconds: drop the ".000" that toISOString always writes.
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, -5)}Z`;
}

export function nowSeconds(now: unknown): number {
  return typeof now === 'number' && Number.isFinite(now) ? Math.floor(now) : Math.floor(Date.now() / 1000);
}

/** 90061 -> "1 day 1 hour"; used inside causes, where the reader wants a rough size. */
export function span(seconds: number): string {
  const s = Math.max(0, Math.round(Math.abs(seconds)));
  const units: [number, string][] = [[365 * 86400, 'year'], [86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  const parts: string[] = [];
  let rest = s;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
      rest -= n * size;
      if (parts.length === 2 || size >= 86400) break;
    } else if (parts.length) break;
  }
  return parts.length ? parts.join(' ') : '0 seconds';
}

/** "2024-05-12 22:13:20 UTC" */
export function utc(unixSeconds: number): string {
  const iso = isoOf(unixSeconds);
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC` : `unix ${unixSeconds}`;
}
