// Honor credential health from the config alone: a secret that is set, and the importance that keeps test pushes
// out of the marketing quota.
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import type { VendorLoaded } from '../vendor/result.js';
import { secretProblems } from '../vendor/secret.js';
import type { HonorCertificateConfig } from './config.js';

export function honorImportanceNote(cert: HonorCertificateConfig): string | undefined {
  if (cert.importance === 'NORMAL') return undefined;
  return cert.importance === 'LOW'
    ? `Certificate ${cert.id} has importance LOW, so Honor counts notifications as marketing: 2 per device per day (5 for news apps).`
    : `Certificate ${cert.id} has no importance, so Honor counts every notification as marketing: 2 per device per day (5 for news apps), then they are dropped.`;
}

export async function inspectHonor(cert: HonorCertificateConfig): Promise<Inspection<VendorLoaded>> {
  const c = new Collector();
  for (const p of secretProblems(cert.clientSecret, 'clientSecret'))
    c.fail(p, 'Set clientSecret to the Client Secret (not the App Secret) from the Honor developer console > your app > Push service.');
  if (cert.clientId === cert.appId) {
    c.warn(
      `clientId is the same as appId (${cert.appId}); Honor's OAuth call takes the Client ID, which differs from the App ID.`,
      'Copy the Client ID and Client Secret (not App ID / App Secret) from the Honor developer console > your app > Push service.',
    );
  }
  const note = honorImportanceNote(cert);
  if (note) {
    c.warn(
      note,
      'Apply for message self-classification in the Honor developer console > Push service, then set `importance: NORMAL` on this certificate in imops.yml.',
    );
  }
  return finish(cert, `App ID ${cert.appId}, client ${cert.clientId}, importance ${cert.importance ?? '(none: marketing quota)'}`, c, {
    notes: note ? [note] : [],
  });
}
