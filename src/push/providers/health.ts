// Shared pieces of every provider's credential check: collect problems with their fixes, read credential files
// (and say when other users of the server could read them too), and sum up the health.
import { readFile, stat } from 'node:fs/promises';
import type { CertificateHealth } from '../types.js';
import type { PushVerdict } from '../verdicts.js';
import type { CertificateBase, HealthProblem, Inspection } from './types.js';

export const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 30;

export class Collector {
  readonly problems: HealthProblem[] = [];
  fail(problem: string, fix: string, verdict: PushVerdict = 'CREDENTIAL_INVALID'): void {
    this.problems.push({ level: 'failure', problem, fix, verdict });
  }
  warn(problem: string, fix: string): void {
    this.problems.push({ level: 'warning', problem, fix, verdict: 'CREDENTIAL_INVALID' });
  }
}

/**
 * A credential file's bytes, or a failure naming the file. A key readable by group or others can be copied by
 * anyone with a shell on the server, so that is a warning of its own (POSIX modes only).
 */
export async function readCredentialFile(
  path: string,
  what: string,
  c: Collector,
  fixHint: string,
  holds: 'secret' | 'public' = 'secret',
): Promise<Buffer | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    c.fail(`The ${what} ${path} cannot be read (${code}).`, fixHint);
    return undefined;
  }
  if (holds === 'secret' && process.platform !== 'win32') {
    const mode = (await stat(path)).mode & 0o777;
    if (mode & 0o077) {
      c.warn(
        `The ${what} ${path} is readable by other users of this server (mode ${mode.toString(8).padStart(3, '0')}); restrict it with chmod 600 ${path}.`,
        `Run \`chmod 600 ${path}\`, owned by the user imops runs as: the file holds a private key.`,
      );
    }
  }
  return bytes;
}

export function finish<Loaded>(cert: CertificateBase, summary: string, c: Collector, loaded: Loaded | undefined): Inspection<Loaded> {
  const failure = c.problems.find((p) => p.level === 'failure');
  const level: CertificateHealth['level'] = failure ? 'failure' : c.problems.length ? 'warning' : 'ok';
  return {
    health: {
      certificateId: cert.id,
      platform: cert.platform as CertificateHealth['platform'],
      level,
      summary,
      problems: c.problems.map(({ level: l, problem, fix }) => ({ level: l, problem, fix })),
    },
    failure,
    loaded,
  };
}
