// What a Huawei Push Kit token looks like: today about 130 characters of `[A-Za-z0-9_-]` (base64url-like, no `+`
// `/` `=` and no `:`); legacy EMUI tokens were 32 digits, sometimes ending in `CN01` (vendors.md §7, inferred).
import { say } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

const NEW = /^[A-Za-z0-9_-]+$/;
const LEGACY = /^(?:\d{32}|\d{28}CN\d{2})$/;

export function huaweiTokenShape(t: string): TokenMatch | undefined {
  if (LEGACY.test(t)) return { confidence: 'exact', problems: [] };
  if (!NEW.test(t) || /^[0-9a-fA-F]+$/.test(t)) return undefined;
  if (t.length >= 100 && t.length <= 200) return { confidence: 'exact', problems: [] };
  if (t.length > 200 || t.length < 60) return undefined;
  return {
    confidence: 'loose',
    problems: [say((w) => w.providers.huawei.tokenLength(t.length))],
  };
}
