// Honor Push tokens: no sample was found (vendors.md §7 [gap]), so imops does not classify them; it only refuses
// what is clearly another service's token (APNs hex, an FCM token), which is then PLATFORM_MISMATCH.
import type { TokenMatch } from '../types.js';

export function honorTokenShape(t: string): TokenMatch | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(t) || t.includes(':') || t.startsWith('APA91')) return undefined;
  if (!/^[A-Za-z0-9_\-+/=.]{16,512}$/.test(t)) return undefined;
  return { confidence: 'loose', problems: [], ownOnly: true };
}
