import { pino, type Logger } from 'pino';
import { redactPaths, REDACTED } from '../../src/log.js';

/** A logger like createLogger's (same redaction), at trace level, whose lines the test can read. */
export function capturedLogger(): { log: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const log = pino({ level: 'trace', redact: { paths: redactPaths, censor: REDACTED } }, { write: (s: string) => void lines.push(s) });
  return { log, lines, text: () => lines.join('') };
}

/** Captured CLI output for main(): stdout and stderr as text. */
export function capturedIo(env: NodeJS.ProcessEnv, cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), env, cwd },
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
    reset: () => {
      out.length = 0;
      err.length = 0;
    },
  };
}
