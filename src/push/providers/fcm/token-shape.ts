// What an FCM registration token looks like: a long `[A-Za-z0-9_:-]` string, today `<instance id>:APA91b…`.
import { say } from '../../../text/index.js';
import type { TokenMatch } from '../types.js';

/** Below this an FCM token is certainly cut short (real ones are 140-170 characters). */
const FCM_MIN_LENGTH = 100;
const FCM_CHARS = /^[A-Za-z0-9_:-]+$/;

/** `t` is already cleaned of surrounding space, quotes, control characters and URL-encoding. */
export function fcmTokenShape(t: string): TokenMatch | undefined {
  if (/\s/.test(t)) return undefined;
  if (t.includes(':') || t.startsWith('APA91')) {
    if (!FCM_CHARS.test(t)) {
      return {
        confidence: 'loose',
        problems: [say((w) => w.providers.fcm.token.badCharacters)],
      };
    }
    if (t.length < FCM_MIN_LENGTH) {
      return {
        confidence: 'loose',
        problems: [say((w) => w.providers.fcm.token.short(t.length))],
      };
    }
    return { confidence: 'exact', problems: [] };
  }
  // Long and FCM-like but without the usual `:APA91b`; all-hex text is an APNs token's business, not this.
  if (FCM_CHARS.test(t) && t.length >= FCM_MIN_LENGTH && !/^[0-9a-fA-F]+$/.test(t)) return { confidence: 'loose', problems: [] };
  return undefined;
}
