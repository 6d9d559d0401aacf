// FCM credential health without sending anything: what can be known about a service-account file. Every
// problem names its fix; no key material ever reaches a message.
import { createPrivateKey } from 'node:crypto';
import { type Catalogue, say, type Words } from '../../../text/index.js';
import { Collector, finish, readCredentialFile } from '../health.js';
import type { Inspection } from '../types.js';
import type { FcmCertificateConfig } from './config.js';

/** What the sender needs: the project the test push is sent for. */
export interface FcmCredential {
  projectId: string;
}

type CredentialWords = Catalogue['providers']['fcm']['credential'];

/** The words of the credential check in every language. */
const words = (pick: (w: CredentialWords) => string): Words => say((t) => pick(t.providers.fcm.credential));

/** A problem and its fix, both in every language (Collector.fail/warn take English strings). */
export async function inspectFcm(cert: FcmCertificateConfig): Promise<Inspection<FcmCredential>> {
  const c = new Collector();
  let loaded: FcmCredential | undefined;
  const fix = words((w) => w.newKeyFix);
  const raw = await readCredentialFile(
    cert.serviceAccountFile,
    words((w) => w.file),
    c,
    words((w) => w.fileFix),
  );
  let summary = words((w) => w.unread);
  if (raw) {
    let sa: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) sa = parsed as Record<string, unknown>;
      else
        c.fail(
          words((w) => w.notObject),
          fix,
        );
    } catch {
      c.fail(
        words((w) => w.notJson),
        fix,
      );
    }
    if (sa) {
      const str = (k: string) => (typeof sa[k] === 'string' && (sa[k] as string).trim() ? (sa[k] as string) : undefined);
      if (sa.type !== undefined && sa.type !== 'service_account') {
        const type = String(sa.type);
        c.fail(
          words((w) => w.notServiceAccount(type)),
          fix,
        );
      }
      const missing = ['project_id', 'private_key', 'client_email'].filter((k) => !str(k));
      if (missing.length)
        c.fail(
          words((w) => w.missing(missing)),
          fix,
        );
      const pk = str('private_key');
      if (pk) {
        if (!pk.includes('\n') && pk.includes('\\n')) {
          c.fail(
            words((w) => w.escapedKey),
            words((w) => w.escapedKeyFix),
          );
        } else {
          try {
            const key = createPrivateKey(pk);
            const type = key.asymmetricKeyType?.toUpperCase();
            if (key.asymmetricKeyType !== 'rsa')
              c.fail(
                words((w) => w.notRsa(type)),
                fix,
              );
          } catch {
            c.fail(
              words((w) => w.keyUnreadable),
              fix,
            );
          }
        }
      }
      const project = str('project_id');
      const email = str('client_email');
      const shown = cert.projectId ?? project;
      summary = words((w) => w.summary(email, shown));
      if (cert.projectId && project && cert.projectId !== project) {
        const configured = cert.projectId;
        c.warn(
          words((w) => w.otherProject(configured, project)),
          words((w) => w.otherProjectFix(configured, project)),
        );
      }
      const projectId = cert.projectId ?? project;
      if (projectId) loaded = { projectId };
    }
  }
  return finish(cert, summary, c, loaded);
}
