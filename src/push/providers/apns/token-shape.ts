// What an APNs device token looks like: the token's bytes as hex, usually 32 bytes = 64 digits (Apple says not
// to rely on the size). The usual client mistakes are the NSData description (`<a1b2 c3d4 …>`), the bytes
// base64-encoded, and truncation.
import { say, type Words } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

const APNS_USUAL_HEX = 64;
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `t` is already cleaned of surrounding space, quotes, control characters and URL-encoding. */
export function apnsTokenShape(t: string): TokenMatch | undefined {
  const problems: Words[] = [];
  // `<a1b2c3d4 e5f6…>`: the NSData description that older iOS code turned into a string.
  const unwrapped = t.replace(/^<(.*)>$/s, '$1');
  const compact = unwrapped.replace(/\s+/g, '');
  if (compact !== '' && HEX.test(compact) && (unwrapped !== t || compact !== unwrapped)) {
    if (unwrapped !== t) problems.push(say((w) => w.providers.apns.token.wrapped));
    if (compact !== unwrapped) problems.push(say((w) => w.providers.apns.token.spaces));
    return { confidence: 'loose', problems: [...problems, ...hexProblems(compact)] };
  }
  if (HEX.test(t)) {
    const problems = hexProblems(t);
    return { confidence: problems.length ? 'loose' : 'exact', problems };
  }

  // Standard base64 (with + / or = padding) of the token bytes: the app encoded the bytes instead of hex.
  if (!t.startsWith('APA91') && BASE64.test(t) && t.length % 4 === 0 && /[+/=]/.test(t)) {
    const bytes = Buffer.from(t, 'base64').length;
    if (bytes >= 16 && bytes <= 100) {
      return {
        confidence: 'loose',
        problems: [say((w) => w.providers.apns.token.base64(bytes))],
      };
    }
  }
  return undefined;
}

function hexProblems(hex: string): Words[] {
  if (hex.length % 2 === 1) return [say((w) => w.providers.apns.token.oddDigits(hex.length))];
  if (hex.length < APNS_USUAL_HEX) return [say((w) => w.providers.apns.token.short(hex.length))];
  return [];
}
