// FCM credential health without sending anything: what can be known about a service-account file. Every
// problem names its fix; no key material ever reaches a message.
import { createPrivateKey } from 'node:crypto';
import { Collector, finish, readCredentialFile } from '../health.js';
import type { Inspection } from '../types.js';
import type { FcmCertificateConfig } from './config.js';

/** What the sender needs: the project the test push is sent for. */
export interface FcmCredential {
  projectId: string;
}

export async function inspectFcm(cert: FcmCertificateConfig): Promise<Inspection<FcmCredential>> {
  const c = new Collector();
  let loaded: FcmCredential | undefined;
  const fix =
    'Download a new key from the Firebase console > Project settings > Service accounts > Generate new private key, and point serviceAccountFile at it.';
  const raw = await readCredentialFile(cert.serviceAccountFile, 'service-account file', c, 'Check serviceAccountFile in imops.yml.');
  let summary = 'service account';
  if (raw) {
    let sa: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) sa = parsed as Record<string, unknown>;
      else c.fail('The service-account file is JSON but not an object.', fix);
    } catch {
      c.fail('The service-account file is not valid JSON.', fix);
    }
    if (sa) {
      const str = (k: string) => (typeof sa[k] === 'string' && (sa[k] as string).trim() ? (sa[k] as string) : undefined);
      if (sa.type !== undefined && sa.type !== 'service_account') {
        c.fail(`The file is a "${String(sa.type)}" credential, not a service account.`, fix);
      }
      const missing = ['project_id', 'private_key', 'client_email'].filter((k) => !str(k));
      if (missing.length) c.fail(`The service-account file lacks ${missing.join(', ')}.`, fix);
      const pk = str('private_key');
      if (pk) {
        if (!pk.includes('\n') && pk.includes('\\n')) {
          c.fail(
            'The private_key has literal "\\n" instead of line breaks, so it cannot be read.',
            'Use the JSON file exactly as downloaded from Firebase; do not copy the key through an environment variable or editor that escapes it.',
          );
        } else {
          try {
            const key = createPrivateKey(pk);
            if (key.asymmetricKeyType !== 'rsa')
              c.fail(`The private_key is ${key.asymmetricKeyType?.toUpperCase()}, but Google service-account keys are RSA.`, fix);
          } catch {
            c.fail('The private_key in the service-account file cannot be read.', fix);
          }
        }
      }
      const project = str('project_id');
      const email = str('client_email');
      summary = `service account ${email ?? '(no client_email)'}, project ${cert.projectId ?? project ?? '(none)'}`;
      if (cert.projectId && project && cert.projectId !== project) {
        c.warn(
          `projectId is ${cert.projectId} but the service account belongs to ${project}; FCM will refuse it unless the account was granted access to ${cert.projectId}.`,
          `Remove projectId (to use ${project}) or use a service account of ${cert.projectId}.`,
        );
      }
      const projectId = cert.projectId ?? project;
      if (projectId) loaded = { projectId };
    }
  }
  return finish(cert, summary, c, loaded);
}
