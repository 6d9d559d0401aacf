// The CLI's language: --lang, else the shell's locale (LC_ALL, then LC_MESSAGES, then LANG, as gettext reads them);
// times on the machine's clock (TZ, else the system zone).
import { UsageError } from '../errors.js';
import { catalogue, DEFAULT_LOCALE, LOCALES, localeOf, type Catalogue } from '../text/index.js';

export function cliCatalogue(lang: string | undefined, env: NodeJS.ProcessEnv): Catalogue {
  let locale = DEFAULT_LOCALE;
  if (lang !== undefined) {
    const chosen = localeOf(lang);
    if (!chosen) throw new UsageError(`--lang ${JSON.stringify(lang)} is not a language imops speaks`, `Use one of: ${LOCALES.join(', ')}.`);
    locale = chosen;
  } else {
    const shell = env.LC_ALL || env.LC_MESSAGES || env.LANG;
    locale = localeOf(shell) ?? DEFAULT_LOCALE;
  }
  return catalogue(locale, env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone);
}
