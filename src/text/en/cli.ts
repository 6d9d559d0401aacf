// The `imops` command's own words: what it prints as a result and its usage errors (src/cli/*.ts). Commander's
// --help texts, the `imops serve` banner and log lines stay English (operator-facing) and are not here. Usage
// problems and fixes start lower-case and have no full stop: the CLI prints them after "imops: ".

export const cli = {
  /** A remark on stderr after "imops: ": a trimmed key, a config default used. */
  note: (text: string) => `note: ${text}`,
  /** A warning under a result. */
  warning: (text: string) => `warning: ${text}`,
  /** The fix under a usage problem. */
  fix: (text: string) => `fix: ${text}`,
  /** An option that may be a UserID starting with "-". */
  dashUserId: (option: string, fixed: string) => `if "${option}" is a UserID, put it after "--" so it is not read as an option: ${fixed}`,

  usersig: {
    roomRequired: 'a room is required',
    roomBoth: 'give --room or --str-room, not both',
    roomFix: 'pass --room N for a numeric room ID or --str-room S for a string room ID, exactly as the client enters the room',
    notAnErrorCode: (text: string) => `"${text}" is not an error code`,
    notAnErrorCodeFix: 'give the number the client reported, e.g. 70001 or -100018',
    notWhole: (flag: string, text: string) => `${flag} must be a whole number, got "${text}"`,
    notUnix: (flag: string, text: string) => `${flag} must be unix seconds (a whole number), got "${text}"`,
    notUnixFix: 'e.g. 1700000000, or leave it out for now',
    notAt: (text: string) => `--at must be unix seconds or an ISO 8601 time, got "${text}"`,
    notAtFix: 'e.g. --at 1700000000 or --at 2024-05-01T12:00:00Z',
    notPrivileges: (text: string) => `--privileges must be a number from 1 to 255 or "all", got "${text}"`,
    noStdin: 'standard input held no UserSig',
    noStdinFix: 'pipe the UserSig in, e.g. pbpaste | imops usersig verify alice -',
  },

  devices: {
    emptyToken: '--token is empty',
    emptyTokenFix: 'pass the device token the app reported',
    /** `article`, `display`: the provider's names (t.providers.<id>.names). */
    stored: (article: string, display: string, userId: string, app: string) => `Stored ${article} ${display} device for ${userId} in app ${app}.`,
    updated: (article: string, display: string, userId: string, app: string) => `Updated ${article} ${display} device for ${userId} in app ${app}.`,
    certificate: 'certificate',
    token: 'token',
    certificateNotConfigured: (id: string) => `${id} (not configured)`,
    storedAnyway: '(stored anyway: `imops push test` shows what the providers say about it)',
  },

  fleet: {
    notWholeInRange: (flag: string, min: number, max: number, text: string) =>
      `${flag} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`,
    notRate: (text: string) => `--max-failure-rate must be a number from 0 to 1, got ${JSON.stringify(text)}`,
    notRateFix: 'for example 0.2 (20% of the tested devices)',
    cannotRead: (file: string, code: string) => `cannot read ${file} (${code})`,
    notAFile: (file: string) => `${file} is not a file`,
    fileFix: 'give the path of a JSON-lines file',
  },

  audit: {
    badLimit: (max: number, text: string) => `--limit must be a whole number from 1 to ${max}, got "${text}"`,
    limitFix: 'for example --limit 50',
    empty: (dataDir: string) => `No audit entries yet in ${dataDir}.`,
    /** The table's column heads. */
    columns: { time: 'time', who: 'who', action: 'action', app: 'app', userId: 'UserID', outcome: 'outcome', detail: 'detail' },
  },

  serve: {
    portInUse: (port: number) => `port ${port} is already in use`,
    portInUseFix: 'stop the other process, or choose another port with PORT=… or --port',
    portDenied: (port: number) => `not allowed to listen on port ${port}`,
    portDeniedFix: 'use a port above 1023, or PORT=3000',
    notAPort: (value: string) => `port "${value}" is not a port number`,
    notAPortFix: 'give PORT or --port a whole number from 0 to 65535 (0 picks a free port)',
    badLogLevel: (level: string) => `LOG_LEVEL "${level}" is not a log level`,
    logLevelFix: (levels: readonly string[]) => `use one of ${levels.join(', ')}`,
  },
};
