import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Field names that may carry a credential anywhere in a log object. pino redacts by path, so each name is
 * listed at the top level and one and two levels down: enough for `{ req: { headers: { authorization } } }`.
 */
const SECRET_FIELDS = [
  'secretKey',
  'secret',
  'key',
  'privateKey',
  'private_key',
  'passphrase',
  'password',
  'userSig',
  'usersig',
  'privateMapKey',
  'sig',
  'token',
  'deviceToken',
  'authorization',
  'Authorization',
  'botToken',
  'signingSecret',
  'appToken',
  'accessToken',
  'access_token',
  'serviceAccount',
  // Android vendor secrets (imops.yml certificate fields), the keys that sign with them, and issued tokens.
  'clientSecret',
  'client_secret',
  'appSecret',
  'masterSecret',
  'appKey',
  'authToken',
  'auth_token',
];

export const REDACTED = '[redacted]';

export const redactPaths: string[] = SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
}

/** JSON logs to stderr (stdout belongs to command output), with every secret-bearing field redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino(
    { level, redact: { paths: redactPaths, censor: REDACTED }, base: { service: 'imops' } },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** Show enough of a device token to recognise it, never enough to use it. */
export function maskToken(token: string): string {
  if (token.length <= 12) return `${token.slice(0, 2)}…(${token.length})`;
  return `${token.slice(0, 6)}…${token.slice(-4)} (${token.length} chars)`;
}

/**
 * The parts of an error that are safe to log. A whole error object can carry a library's request and response
 * (a UserSig in a rendered reply, a token in a header) deeper than redaction reaches.
 */
export function describeError(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message, ...(err.stack && { stack: err.stack }) };
  return { name: 'NonError', message: String(err) };
}
