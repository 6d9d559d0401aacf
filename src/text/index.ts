// Every catalogue imops has, the one for a person (language and time zone), and words in every language at once.
import { en, type Catalogue } from './en/index.js';
import { enTime } from './en/time.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.js';
import { validTimeZone } from './time.js';
import { zhCN } from './zh-CN/index.js';
import { zhTime } from './zh-CN/time.js';

export type { Catalogue } from './en/index.js';
export { DEFAULT_LOCALE, LOCALES, isLocale, localeOf, type Locale } from './locale.js';

const BASE: Record<Locale, { catalogue: Catalogue; time: (zone?: string) => Catalogue['time'] }> = {
  en: { catalogue: en, time: enTime },
  'zh-CN': { catalogue: zhCN, time: zhTime },
};

const cache = new Map<string, Catalogue>();

/**
 * The words for one reader: their language, with times on their clock. Without a zone, times are in UTC for
 * English and in China Standard Time for Chinese (the zone of Tencent's console). An unknown zone is UTC.
 */
export function catalogue(locale: Locale = DEFAULT_LOCALE, timeZone?: string): Catalogue {
  const zone = validTimeZone(timeZone);
  const key = `${locale} ${zone ?? ''}`;
  let c = cache.get(key);
  if (!c) {
    const base = BASE[locale];
    c = zone ? { ...base.catalogue, time: base.time(zone) } : base.catalogue;
    if (cache.size > 500) cache.clear();
    cache.set(key, c);
  }
  return c;
}

/** A sentence in every language imops speaks: what a result carries until a reader picks theirs. */
export type Words = Readonly<Record<Locale, string>>;

/** The same sentence in every language, worded by each catalogue. */
export function say(pick: (t: Catalogue) => string): Words {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = pick(BASE[locale].catalogue);
  return out;
}

/** Text that is data, the same in every language: a provider's own words, an ID. */
export function verbatim(text: string): Words {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = text;
  return out;
}

/**
 * What a result's text may be while the providers move their words into the catalogues: English-only strings are
 * what has not moved yet (the catalogue test lists them).
 */
export type Text = string | Words;

/** The reader's sentence of a text. */
export function inLocale(text: Text, t: Pick<Catalogue, 'locale'>): string {
  return typeof text === 'string' ? text : (text[t.locale] ?? text.en);
}

export { en };
