// Honor credential health from the config alone: a secret that is set, and the importance that keeps test pushes
// out of the marketing quota.
import { say, type Words } from '../../../text/index.js';
import { Collector } from '../health.js';
import type { Inspection } from '../types.js';
import { fail, finishWith, warn } from '../vendor/inspection.js';
import type { VendorLoaded } from '../vendor/result.js';
import { secretProblemWords } from '../vendor/secret.js';
import type { HonorCertificateConfig } from './config.js';

export function honorImportanceNote(cert: HonorCertificateConfig): Words | undefined {
  if (cert.importance === 'NORMAL') return undefined;
  const { id } = cert;
  return cert.importance === 'LOW' ? say((t) => t.providers.honor.importanceLow(id)) : say((t) => t.providers.honor.importanceMissing(id));
}

export async function inspectHonor(cert: HonorCertificateConfig): Promise<Inspection<VendorLoaded>> {
  const c = new Collector();
  const { appId, clientId, importance } = cert;
  for (const p of secretProblemWords(cert.clientSecret, 'clientSecret'))
    fail(
      c,
      p,
      say((t) => t.providers.honor.secretFix),
    );
  if (clientId === appId) {
    warn(
      c,
      say((t) => t.providers.honor.clientIsAppId(appId)),
      say((t) => t.providers.honor.clientIsAppIdFix),
    );
  }
  const note = honorImportanceNote(cert);
  if (note)
    warn(
      c,
      note,
      say((t) => t.providers.honor.importanceFix),
    );
  return finishWith(
    cert,
    say((t) => t.providers.honor.summary(appId, clientId, importance)),
    c,
    { notes: note ? [note] : [] },
  );
}
