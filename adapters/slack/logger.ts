import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/commands/adapter.js';

/** Long runs of token-ish characters (UserSigs, device tokens, Slack tokens) in Bolt's free-text messages. */
const SECRET_LIKE = /(xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|[A-Za-z0-9*_+/=-]{48,})/g;

export function scrub(text: string): string {
  return text.replace(SECRET_LIKE, '[redacted]');
}

function describe(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
  // Objects Bolt logs can be request bodies or API responses: never serialise them.
  return `[${arg === null ? 'null' : typeof arg}]`;
}

/**
 * Bolt's and the Web API client's log lines into pino, as plain scrubbed text. Their debug level echoes payloads
 * and is never forwarded.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  const line = (args: unknown[]) => scrub(args.map(describe).join(' '));
  return {
    debug: () => {},
    info: (...args: unknown[]) => {
      if (level === LogLevel.INFO || level === LogLevel.DEBUG) child.info(line(args));
    },
    warn: (...args: unknown[]) => {
      if (level !== LogLevel.ERROR) child.warn(line(args));
    },
    error: (...args: unknown[]) => child.error(line(args)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
