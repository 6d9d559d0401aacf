// Every catalogue imops has, the one for a person (language and time zone), and words in every language at once.
import { en, type Catalogue } from './en/index.js';
import { enTime } from './en/time.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.js';
import { validTimeZone } from './time.js';
import { zhCN } from './zh-CN/index.js';
import { inLocale, type Text, type Words } from './words.js';
import { zhTime } from './zh-CN/time.js';

export type { Catalogue } from './en/index.js';
export { inLocale, type Text, type Words } from './words.js';
export { DEFAULT_LOCALE, LOCALES, isLocale, localeOf, type Locale } from './locale.js';

const BASE: Record<Locale, { catalogue: Catalogue; time: (zone?: string) => Catalogue['time'] }> = {
  en: { catalogue: en, time: enTime },
  'zh-CN': { catalogue: zhCN, time: zhTime },
};

const cache = new Map<string, Catalogue>();

/**
 * The words for one reader: their language, with times on their clock. Without a zone, times are in UTC for
 * English and in China Standard Time for Chinese (the zone of Tencent's console). An unknown zone counts as none.
 */
export function catalogue(locale: Locale = DEFAULT_LOCALE, timeZone?: string): Catalogue {
  const key = `${locale} ${timeZone ?? ''}`;
  let c = cache.get(key);
  if (!c) {
    // Checked once per zone name: Intl takes tens of microseconds to build a formatter.
    const zone = validTimeZone(timeZone);
    const base = BASE[locale];
    c = zone ? { ...base.catalogue, time: base.time(zone) } : base.catalogue;
    if (cache.size > 500) cache.clear();
    cache.set(key, c);
  }
  return c;
}

/**
 * The same sentence in every language, worded by each catalogue. `$` gives a text in the language being worded,
 * for sentences built around other texts: `say((t, $) => t.vendor.failed(step, $(entry.cause)))`. A time inside
 * such a sentence is on each language's usual clock (UTC, China Standard Time): its reader is not known yet.
 */
export function say(pick: (t: Catalogue, $: (text: Text) => string) => string): Words {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const t = BASE[locale].catalogue;
    out[locale] = pick(t, (text) => inLocale(text, t));
  }
  return out;
}

/** Text that is data, the same in every language: a provider's own words, an ID. */
export function verbatim(text: string): Words {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = text;
  return out;
}

export { en };
