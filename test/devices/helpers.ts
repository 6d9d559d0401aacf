import { pino, type Logger } from 'pino';
import { redactPaths, REDACTED } from '../../src/log.js';

/** A logger like createLogger's (same redaction), at trace level, whose lines the test can read or wait for. */
export function capturedLogger(): { log: Logger; lines: string[]; text: () => string; next: (pattern: RegExp) => Promise<string> } {
  const lines: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const write = (line: string) => {
    lines.push(line);
    for (const w of [...waiting]) {
      if (w.pattern.test(line)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  const log = pino({ level: 'trace', redact: { paths: redactPaths, censor: REDACTED } }, { write });
  return {
    log,
    lines,
    text: () => lines.join(''),
    /** The next line matching `pattern` (from now on). */
    next: (pattern) => new Promise((resolve) => waiting.push({ pattern, resolve })),
  };
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
