/** A problem with how imops was called: wrong arguments or values. CLI exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
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
