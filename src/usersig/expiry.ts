import { UsageError } from '../errors.js';
import { MAX_EXPIRE_SECONDS } from './inputs.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "15552000", "180d", "12h", "30m", "45s" -> seconds. Throws UsageError for anything else or out of range. */
export function parseExpiry(text: string): number {
  const m = /^\s*(\d{1,12})\s*([smhd]?)\s*$/i.exec(String(text));
  const fix = 'give a whole number of seconds, or a number with a unit: 180d, 12h, 30m, 45s (at most 50 years)';
  if (!m) throw new UsageError(`expiry ${JSON.stringify(String(text).slice(0, 40))} is not understood`, fix);
  const seconds = Number(m[1]) * UNITS[(m[2] || 's').toLowerCase()]!;
  if (seconds < 1) throw new UsageError('expiry must be at least 1 second (0 makes a signature that is already expired)', fix);
  if (seconds > MAX_EXPIRE_SECONDS) throw new UsageError(`expiry ${text.trim()} is longer than 50 years`, fix);
  return seconds;
}
