// Shared pieces of every provider's credential check: collect problems with their fixes, read credential files
// (and say when other users of the server could read them too), and sum up the health.
import { readFile, stat } from 'node:fs/promises';
import type { CertificateHealth } from '../types.js';
import type { PushVerdict } from '../verdicts.js';
import type { CertificateBase, HealthProblem, Inspection } from './types.js';
import { say, type Text } from '../../text/index.js';

export const DAY_MS = 86_400_000;
export const EXPIRY_WARNING_DAYS = 30;

export class Collector {
  readonly problems: HealthProblem[] = [];
  fail(problem: Text, fix: Text, verdict: PushVerdict = 'CREDENTIAL_INVALID'): void {
    this.problems.push({ level: 'failure', problem, fix, verdict });
  }
  warn(problem: Text, fix: Text): void {
    this.problems.push({ level: 'warning', problem, fix, verdict: 'CREDENTIAL_INVALID' });
  }
}

/**
 * A credential file's bytes, or a failure naming the file (`what`: "key file", in every language when Words). A key readable by group or others can be copied by
 * anyone with a shell on the server, so that is a warning of its own (POSIX modes only).
 */
export async function readCredentialFile(
  path: string,
  what: Text,
  c: Collector,
  fixHint: Text,
  holds: 'secret' | 'public' = 'secret',
): Promise<Buffer | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    c.fail(
      say((t, $) => t.pushWords.common.credentialFile.unreadable($(what), path, code)),
      fixHint,
    );
    return undefined;
  }
  if (holds === 'secret' && process.platform !== 'win32') {
    const mode = (await stat(path)).mode & 0o777;
    if (mode & 0o077) {
      const octal = mode.toString(8).padStart(3, '0');
      c.warn(
        say((t, $) => t.pushWords.common.credentialFile.readableByOthers($(what), path, octal)),
        say((t) => t.pushWords.common.credentialFile.readableByOthersFix(path)),
      );
    }
  }
  return bytes;
}

export function finish<Loaded>(cert: CertificateBase, summary: Text, c: Collector, loaded: Loaded | undefined): Inspection<Loaded> {
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
