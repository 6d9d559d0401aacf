// What a Xiaomi regId looks like: standard base64, about 108 characters on Android, very often starting with
// `d//igwEhgBGCI2TG6lWql` (vendors.md §7, inferred from samples).
import { say } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function xiaomiTokenShape(t: string): TokenMatch | undefined {
  if (!BASE64.test(t) || /^[0-9a-fA-F]+$/.test(t)) return undefined;
  const usual = t.startsWith('d//igwEhgBGCI2TG6lWql');
  if (t.length >= 100 && t.length <= 140) return { confidence: usual || /[+/=]/.test(t) ? 'exact' : 'loose', problems: [] };
  if (usual) return { confidence: 'loose', problems: [say((w) => w.providers.xiaomi.tooShort(t.length))] };
  return undefined;
}
