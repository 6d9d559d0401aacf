// Text a result carries before a reader is known: a sentence in every language (Words), or English alone (a plain
// string: what imops stored before it spoke two languages, and words not yet moved into the catalogues).
import type { Locale } from './locale.js';

export type Words = Readonly<Record<Locale, string>>;

export type Text = string | Words;

/** The sentence of `text` in `locale` (English when a stored text predates that language). */
export function inLocale(text: Text, t: { locale: Locale }): string {
  return typeof text === 'string' ? text : (text[t.locale] ?? text.en);
}

/** Whether `value` is a Words object: every language imops speaks, each a string. */
export function isWords(value: unknown): value is Words {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.en === 'string' && Object.values(v).every((x) => typeof x === 'string');
}

/** JSON with every text in the reader's language: the replacer for JSON.stringify of results that carry Words. */
export function wordsIn(t: { locale: Locale }): (key: string, value: unknown) => unknown {
  return (_key, value) => (isWords(value) ? inLocale(value, t) : value);
}
