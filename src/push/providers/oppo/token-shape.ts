// What an OPPO registration ID looks like [inferred, vendors.md §7]: 32 hex digits, optionally behind a region
// prefix such as `CN_` or `OPPO_CN_`. A prefix other than CN means an overseas device, served by OPPO's
// international host. 32 digits only is a legacy Huawei token's shape, not OPPO's: left to that provider.
import { say, type Words } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

const OPPO = /^(?:([A-Za-z]{2,5})_)?(?:([A-Za-z]{2})_)?([0-9a-fA-F]{32})$/;

/** The region parts of a registration ID: `CN_x`, `OPPO_CN_x` and a bare ID are China; anything else overseas. */
export function oppoRegion(t: string): { overseas: boolean; prefix?: string } {
  const parts = t.split('_');
  if (parts.length === 1) return { overseas: false };
  const prefix = parts.slice(0, -1).join('_');
  if (parts.length === 2) return { overseas: parts[0]!.toUpperCase() !== 'CN', prefix };
  return { overseas: parts[1]!.toUpperCase() !== 'CN', prefix };
}

export function oppoTokenShape(t: string): TokenMatch | undefined {
  const m = OPPO.exec(t);
  if (!m) {
    // An OPPO-looking prefix on something else: damaged.
    if (/^(?:OPPO_)?CN_/i.test(t)) {
      const prefix = t.split('_').slice(0, -1).join('_');
      return { confidence: 'loose', problems: [say((w) => w.providers.oppo.cutPrefix(prefix))] };
    }
    return undefined;
  }
  const hex = m[3]!;
  if (!m[1] && /^\d+$/.test(hex)) return undefined;
  const problems: Words[] = [];
  const { overseas, prefix } = oppoRegion(t);
  if (overseas && prefix !== undefined) problems.push(say((w) => w.providers.oppo.overseas(prefix)));
  return { confidence: 'exact', problems };
}
