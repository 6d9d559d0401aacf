// What a vivo regId looks like [inferred, vendors.md §7]: 23 digits (vivo's doc gives the length).
import type { TokenMatch } from '../types.js';

export function vivoTokenShape(t: string): TokenMatch | undefined {
  if (/^\d{23}$/.test(t)) return { confidence: 'exact', problems: [] };
  if (/^\d{18,28}$/.test(t)) {
    return {
      confidence: 'loose',
      problems: [`The token is ${t.length} digits; vivo regIds are 23 digits, so it was probably cut or padded.`],
    };
  }
  return undefined;
}
