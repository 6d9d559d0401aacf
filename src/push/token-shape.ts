/**
 * What a device token looks like, judged from its text alone, before any provider sees it. The mistakes every
 * client can make (spaces, quotes, control characters, URL-encoding, an Expo token) are judged here; whether the
 * rest is a token of APNs, FCM or another provider, each provider says (its `tokenShape`). Problems are written
 * for a support engineer.
 */
import type { Text } from '../text/index.js';
import { PROVIDERS, providerFor, providerNames, type PushPlatform } from './providers/index.js';

export type TokenKind = PushPlatform | 'expo' | 'unknown';

export interface TokenShape {
  looksLike: TokenKind;
  /** Short sentences, empty when the token looks right for what it looks like. */
  problems: Text[];
}

const EXPO = /^Expo(?:nent)?PushToken\[[^\]]*\]$/;

/** `expected`: the platform of the certificate the token came with, when there is one. */
export function describeToken(token: string, expected?: PushPlatform): TokenShape {
  const problems: Text[] = [];
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
        `This is an Expo push token (ExponentPushToken[…]): it works only through Expo's push service, not directly with any push provider imops knows (${providerNames()}); the app must upload its native device token (getDevicePushTokenAsync).`,
      ],
    };
  }

  // The certificate's own provider first: a token it accepts is not another provider's, however it looks.
  const own = expected === undefined ? undefined : providerFor(expected).tokenShape(t);
  if (expected !== undefined && own) return { looksLike: expected, problems: [...problems, ...own.problems] };
  const matches = PROVIDERS.flatMap((p) => {
    const match = p.tokenShape(t);
    return match && !match.ownOnly ? [{ id: p.id, match }] : [];
  });
  const best = matches.find((m) => m.match.confidence === 'exact') ?? matches[0];
  if (best) return { looksLike: best.id, problems: [...problems, ...best.match.problems] };
  const unknown = `does not look like any push token imops knows (${providerNames()})`;
  if (/\s/.test(t)) return { looksLike: 'unknown', problems: [...problems, `The token contains spaces, so it ${unknown}.`] };
  return { looksLike: 'unknown', problems: [...problems, `The token ${unknown}.`] };
}
