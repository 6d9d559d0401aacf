import { UsageError } from '../errors.js';
import { say } from '../text/index.js';
import { MAX_EXPIRE_SECONDS } from './inputs.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "15552000", "180d", "12h", "30m", "45s" -> seconds. Throws UsageError for anything else or out of range. */
export function parseExpiry(text: string): number {
  const m = /^\s*(\d{1,12})\s*([smhd]?)\s*$/i.exec(String(text));
  const fix = () => say((t) => t.usage.expiry.fix);
  if (!m) {
    const shown = String(text).slice(0, 40);
    throw new UsageError(
      say((t) => t.usage.expiry.notUnderstood(shown)),
      fix(),
    );
  }
  const seconds = Number(m[1]) * UNITS[(m[2] || 's').toLowerCase()]!;
  if (seconds < 1)
    throw new UsageError(
      say((t) => t.usage.expiry.tooShort),
      fix(),
    );
  if (seconds > MAX_EXPIRE_SECONDS) {
    const shown = text.trim();
    throw new UsageError(
      say((t) => t.usage.expiry.tooLong(shown)),
      fix(),
    );
  }
  return seconds;
}
