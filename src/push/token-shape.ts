/**
 * What a device token looks like, judged from its text alone, before any provider sees it. The mistakes every
 * client can make (spaces, quotes, control characters, URL-encoding, an Expo token) are judged here; whether the
 * rest is a token of APNs, FCM or another provider, each provider says (its `tokenShape`). Problems are written
 * for a support engineer.
 */
import { say, type Catalogue, type Text, type Words } from '../text/index.js';
import { PROVIDERS, providerFor, providerNames, type PushPlatform } from './providers/index.js';

export type TokenKind = PushPlatform | 'expo' | 'unknown';

export interface TokenShape {
  looksLike: TokenKind;
  /** Short sentences, empty when the token looks right for what it looks like. */
  problems: Text[];
}

const EXPO = /^Expo(?:nent)?PushToken\[[^\]]*\]$/;

/** A sentence about the token, in every language. */
const words = (pick: (w: Catalogue['pushWords']['common']['token'], names: string) => string): Words =>
  say((t) => pick(t.pushWords.common.token, providerNames(t)));

/** `expected`: the platform of the certificate the token came with, when there is one. */
export function describeToken(token: string, expected?: PushPlatform): TokenShape {
  const problems: Text[] = [];
  if (token.trim() === '') return { looksLike: 'unknown', problems: [words((w) => w.empty)] };

  let t = token;
  if (t !== t.trim()) {
    problems.push(words((w) => w.padded));
    t = t.trim();
  }
  if (/^(["']).*\1$/s.test(t)) {
    problems.push(words((w) => w.quoted));
    t = t.slice(1, -1);
  }
  if (/[\u0000-\u001f\u007f]/.test(t)) {
    problems.push(words((w) => w.control));
    t = t.replace(/[\u0000-\u001f\u007f]/g, '');
  }
  if (/%[0-9A-Fa-f]{2}/.test(t)) {
    try {
      const decoded = decodeURIComponent(t);
      problems.push(words((w) => w.urlEncoded));
      t = decoded;
    } catch {
      // Not valid URL-encoding after all: judge it as it is.
    }
  }

  if (EXPO.test(t)) {
    return {
      looksLike: 'expo',
      problems: [...problems, words((w, names) => w.expo(names))],
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
  if (/\s/.test(t)) return { looksLike: 'unknown', problems: [...problems, words((w, names) => w.unknownWithSpaces(names))] };
  return { looksLike: 'unknown', problems: [...problems, words((w, names) => w.unknown(names))] };
}
