// What a Meizu pushId looks like [inferred, vendors.md §7]: a short upper-case prefix and 40–44 hex digits,
// about 45 characters (`RA50c6348036344485d01776773577c64740465480a6b`).
import { say } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

export function meizuTokenShape(t: string): TokenMatch | undefined {
  if (/^[A-Z0-9]{1,3}[0-9a-f]{40,44}$/.test(t) && /^[A-Z]/.test(t)) return { confidence: 'exact', problems: [] };
  if (/^[A-Z]{1,3}[0-9a-f]{20,39}$/.test(t)) {
    return { confidence: 'loose', problems: [say((w) => w.providers.meizu.tooShort(t.length))] };
  }
  return undefined;
}
