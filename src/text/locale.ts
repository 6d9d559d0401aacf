// The languages imops answers in, and how a platform's or a shell's locale name maps onto one of them.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The imops locale for a locale name from anywhere: Discord's `zh-CN`/`zh-TW`, Slack's `zh-CN`/`en-US`, a shell's
 * `zh_CN.UTF-8` or `C`. Any Chinese (Simplified or Traditional) gets zh-CN text, the only Chinese imops has; any
 * English gets en. Undefined for a language imops does not speak, so the caller can fall back to a default.
 */
export function localeOf(name: string | undefined | null): Locale | undefined {
  if (!name) return undefined;
  const lang = name
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  if (lang === 'zh') return 'zh-CN';
  if (lang === 'en' || lang === 'c' || lang === 'posix') return 'en';
  return undefined;
}
