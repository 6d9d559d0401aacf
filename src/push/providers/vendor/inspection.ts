// A vendor credential check whose problems and summary are Words: ../health.ts's Collector and finish() take
// strings today, so these put Text straight into the collected problems and the finished health.
import type { Text } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { type Collector, finish } from '../health.js';
import type { CertificateBase, Inspection } from '../types.js';

/** A failure: a test push stops there without sending. */
export function fail(c: Collector, problem: Text, fix: Text, verdict: PushVerdict = 'CREDENTIAL_INVALID'): void {
  c.problems.push({ level: 'failure', problem, fix, verdict });
}

/** A warning: shown by `push certs`, the push still goes out. */
export function warn(c: Collector, problem: Text, fix: Text): void {
  c.problems.push({ level: 'warning', problem, fix, verdict: 'CREDENTIAL_INVALID' });
}

/** finish() with a summary in every language. */
export function finishWith<Loaded>(cert: CertificateBase, summary: Text, c: Collector, loaded: Loaded | undefined): Inspection<Loaded> {
  const done = finish(cert, '', c, loaded);
  return { ...done, health: { ...done.health, summary } };
}
