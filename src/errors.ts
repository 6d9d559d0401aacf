import { inLocale, type Text } from './text/words.js';

/**
 * A problem with how imops was called: wrong arguments or values. CLI exit status 2. `problem` and `fix` may be
 * Words (every language; chat and the CLI show the reader's); `message` and `fix` are their English, for the
 * library and the log.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly fix?: string;
  constructor(
    readonly problem: Text,
    readonly fixText?: Text,
  ) {
    super(inLocale(problem, { locale: 'en' }));
    if (fixText !== undefined) this.fix = inLocale(fixText, { locale: 'en' });
  }
}

/** The configuration cannot be used. The message names the source, the field and what is expected. CLI exit status 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly field: string,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${source}: ${field ? `${field}: ` : ''}${problem}${fix ? `\n  fix: ${fix}` : ''}`);
  }
}
