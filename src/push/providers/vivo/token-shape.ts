// What a vivo regId looks like [inferred, vendors.md §7]: 23 digits (vivo's doc gives the length).
import { say } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

export function vivoTokenShape(t: string): TokenMatch | undefined {
  if (/^\d{23}$/.test(t)) return { confidence: 'exact', problems: [] };
  if (/^\d{18,28}$/.test(t)) return { confidence: 'loose', problems: [say((w) => w.providers.vivo.wrongLength(t.length))] };
  return undefined;
}
