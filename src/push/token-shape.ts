/**
 * What a device token looks like, judged from its text alone, before any provider sees it.
 *
 * APNs tokens are the device token's bytes as hex (usually 32 bytes = 64 digits; Apple says not to rely on
 * the size). FCM registration tokens are long `[A-Za-z0-9_:-]` strings, today `<instance id>:APA91b…`.
 * The usual client mistakes: the NSData description (`<a1b2 c3d4 …>`), the bytes base64-encoded, an FCM or
 * Expo token sent where an APNs one belongs, and truncation. Problems are written for a support engineer.
 */

export type TokenKind = 'apns' | 'fcm' | 'expo' | 'unknown';

export interface TokenShape {
  looksLike: TokenKind;
  /** Short sentences, empty when the token looks right for what it looks like. */
  problems: string[];
}

/** Below this an FCM token is certainly cut short (real ones are 140-170 characters). */
const FCM_MIN_LENGTH = 100;
const APNS_USUAL_HEX = 64;

const HEX = /^[0-9a-fA-F]+$/;
const FCM_CHARS = /^[A-Za-z0-9_:-]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const EXPO = /^Expo(?:nent)?PushToken\[[^\]]*\]$/;

export function describeToken(token: string): TokenShape {
  const problems: string[] = [];
  if (token.trim() === '') return { looksLike: 'unknown', problems: ['The token is empty: the app uploaded no token at all.'] };

  let t = token;
  if (t !== t.trim()) {
    problems.push('The token has spaces or line breaks around it; the app should send the token alone.');
    t = t.trim();
  }
  if (/^(["']).*\1$/s.test(t)) {
    problems.push('The token is wrapped in quotes; the app should send the token without them.');
    t = t.slice(1, -1);
  }
  if (/[\u0000-\u001f\u007f]/.test(t)) {
    problems.push('The token contains control characters, so it was corrupted on the way.');
    t = t.replace(/[\u0000-\u001f\u007f]/g, '');
  }
  if (/%[0-9A-Fa-f]{2}/.test(t)) {
    try {
      const decoded = decodeURIComponent(t);
      problems.push('The token is URL-encoded (it contains %XX); the app should send it decoded.');
      t = decoded;
    } catch {
      // Not valid URL-encoding after all: judge it as it is.
    }
  }

  if (EXPO.test(t)) {
    return {
      looksLike: 'expo',
      problems: [
        ...problems,
        'This is an Expo push token (ExponentPushToken[…]): it works only through Expo\'s push service, not with APNs or FCM directly; the app must upload its native device token (getDevicePushTokenAsync).',
      ],
    };
  }

  // `<a1b2c3d4 e5f6…>`: the NSData description that older iOS code turned into a string.
  const unwrapped = t.replace(/^<(.*)>$/s, '$1');
  const compact = unwrapped.replace(/\s+/g, '');
  if (compact !== '' && HEX.test(compact) && (unwrapped !== t || compact !== unwrapped)) {
    if (unwrapped !== t) problems.push('The token is wrapped in < > (the NSData description format); the app should send only the hex digits.');
    if (compact !== unwrapped) problems.push('The token contains spaces; an APNs token is hex digits with nothing between them.');
    return { looksLike: 'apns', problems: [...problems, ...hexProblems(compact)] };
  }
  if (/\s/.test(t)) {
    return { looksLike: 'unknown', problems: [...problems, 'The token contains spaces, so it is neither an APNs token (hex digits) nor an FCM registration token.'] };
  }

  if (HEX.test(t)) return { looksLike: 'apns', problems: [...problems, ...hexProblems(t)] };

  if (t.includes(':') || t.startsWith('APA91')) {
    if (!FCM_CHARS.test(t)) {
      problems.push('The token looks like an FCM registration token but contains characters FCM tokens never have (only letters, digits, "_", "-" and ":"), so it was altered on the way.');
    } else if (t.length < FCM_MIN_LENGTH) {
      problems.push(`The token looks like an FCM registration token but is only ${t.length} characters long (they are usually over 140), so it is probably cut short.`);
    }
    return { looksLike: 'fcm', problems };
  }

  // Standard base64 (with + / or = padding) of the 32 token bytes: the app encoded the bytes instead of hex.
  if (BASE64.test(t) && t.length % 4 === 0 && /[+/=]/.test(t)) {
    const bytes = Buffer.from(t, 'base64').length;
    if (bytes >= 16 && bytes <= 100) {
      problems.push(`The token is base64 (${bytes} bytes), not hex: the app must send the token bytes as hex digits (for example 64 hex digits for 32 bytes).`);
      return { looksLike: 'apns', problems };
    }
  }

  if (FCM_CHARS.test(t) && t.length >= FCM_MIN_LENGTH) return { looksLike: 'fcm', problems };

  return {
    looksLike: 'unknown',
    problems: [...problems, 'The token is neither an APNs token (hex digits) nor an FCM registration token (a long string of letters, digits, "_", "-" and ":").'],
  };
}

function hexProblems(hex: string): string[] {
  if (hex.length % 2 === 1) return [`The token has an odd number of hex digits (${hex.length}), so it is cut short or corrupted.`];
  if (hex.length < APNS_USUAL_HEX) return [`The token is ${hex.length} hex digits; APNs tokens are usually 64, so it is probably cut short.`];
  return [];
}
