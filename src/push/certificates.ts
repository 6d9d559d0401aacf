// Credential health without sending anything: what can be known about a .p8 key, an APNs certificate or a
// service account from the files alone. Every problem names its fix; no key material ever reaches a message.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { ApnsCertificateConfig, CertificateConfig, FcmCertificateConfig } from '../config/types.js';
import type { CertificateHealth, CertificateProblem, PushVerdict } from './types.js';

const DAY = 86_400_000;
export const EXPIRY_WARNING_DAYS = 30;
const APPLE_DEV_OID = '1.2.840.113635.100.6.3.1';
const APPLE_PROD_OID = '1.2.840.113635.100.6.3.2';
const APPLE_ID = /^[A-Z0-9]{10}$/;

/** A problem plus the verdict a test push gets when the problem is a failure. */
export interface HealthProblem extends CertificateProblem {
  verdict: PushVerdict;
}

export interface CertificateInspection {
  health: CertificateHealth;
  /** The verdict of the first failure, when there is one: a test push stops there without sending. */
  failure?: HealthProblem;
}

/** Material the senders need, loaded once by the inspection. */
export interface LoadedCredential {
  /** APNs: PEM strings for node-apn (token key, or certificate + key). */
  apns?: { token?: { key: string; keyId: string; teamId: string }; cert?: string; key?: string };
  /** FCM: the service account's project. */
  fcm?: { projectId: string };
}

class Collector {
  readonly problems: HealthProblem[] = [];
  fail(problem: string, fix: string, verdict: PushVerdict = 'CREDENTIAL_INVALID'): void {
    this.problems.push({ level: 'failure', problem, fix, verdict });
  }
  warn(problem: string, fix: string): void {
    this.problems.push({ level: 'warning', problem, fix, verdict: 'CREDENTIAL_INVALID' });
  }
}

async function readText(path: string, what: string, c: Collector, fixHint: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    c.fail(`The ${what} ${path} cannot be read (${code}).`, fixHint);
    return undefined;
  }
}

function finish(cert: CertificateConfig, summary: string, c: Collector): CertificateInspection {
  const level = c.problems.some((p) => p.level === 'failure') ? 'failure' : c.problems.length ? 'warning' : 'ok';
  const failure = c.problems.find((p) => p.level === 'failure');
  return {
    health: {
      certificateId: cert.id,
      platform: cert.platform,
      level,
      summary,
      problems: c.problems.map(({ level: l, problem, fix }) => ({ level: l, problem, fix })),
    },
    failure,
  };
}

/** Check one configured certificate. `now` in ms, for tests. */
export async function inspectCertificate(cert: CertificateConfig, now: number = Date.now()): Promise<CertificateInspection & { loaded: LoadedCredential }> {
  return cert.platform === 'apns' ? inspectApns(cert, now) : inspectFcm(cert);
}

export async function checkCertificate(cert: CertificateConfig, now: number = Date.now()): Promise<CertificateHealth> {
  return (await inspectCertificate(cert, now)).health;
}

async function inspectApns(cert: ApnsCertificateConfig, now: number): Promise<CertificateInspection & { loaded: LoadedCredential }> {
  const c = new Collector();
  const auth = cert.auth;
  const loaded: LoadedCredential = {};
  if (auth.type === 'token') {
    const summary = `token key ${auth.keyId}, team ${auth.teamId}, topic ${cert.bundleId}, ${cert.environment}`;
    if (!APPLE_ID.test(auth.keyId)) {
      c.fail(`The Key ID "${auth.keyId}" is not 10 capital letters or digits.`, 'Copy the Key ID from Apple Developer > Certificates, IDs & Profiles > Keys (it is also in the file name AuthKey_<KeyID>.p8).');
    }
    if (!APPLE_ID.test(auth.teamId)) {
      c.fail(`The Team ID "${auth.teamId}" is not 10 capital letters or digits.`, 'Copy the Team ID from Apple Developer > Membership details.');
    }
    const nameId = /^AuthKey_([A-Z0-9]{10})\.p8$/.exec(basename(auth.keyFile))?.[1];
    if (nameId && nameId !== auth.keyId) {
      c.warn(`The key file is named for Key ID ${nameId}, but keyId is ${auth.keyId}.`, `Apple names the file AuthKey_<KeyID>.p8: set keyId to ${nameId}, or use the .p8 of key ${auth.keyId}.`);
    }
    const raw = await readText(auth.keyFile, '.p8 key file', c, 'Check auth.keyFile in imops.yml: it must point to the AuthKey_<KeyID>.p8 downloaded from Apple.');
    if (raw) {
      const text = raw.toString('utf8');
      let key: KeyObject | undefined;
      try {
        key = createPrivateKey(text);
      } catch {
        c.fail('The .p8 file is not a readable private key.', 'Download the key again from Apple Developer > Keys (a .p8 can be downloaded only once: if it is lost, create a new key).');
      }
      if (key) {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        if (key.asymmetricKeyType !== 'ec' || (curve !== 'prime256v1' && curve !== 'P-256')) {
          c.fail(`The .p8 file holds a ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'}${curve ? ` ${curve}` : ''} key, but APNs token keys are EC P-256.`, 'Use the .p8 Apple gave for an APNs key (Keys > "Apple Push Notifications service (APNs)"), not another key.');
        } else {
          if (!/-{5}BEGIN PRIVATE KEY-{5}/.test(text)) {
            c.warn('The .p8 key is not in PKCS#8 form ("BEGIN PRIVATE KEY") as Apple ships it; it was converted somewhere.', 'Use the original AuthKey_<KeyID>.p8 file from Apple.');
          }
          loaded.apns = { token: { key: text, keyId: auth.keyId, teamId: auth.teamId } };
        }
      }
    }
    return { ...finish(cert, summary, c), loaded };
  }

  let x509: X509Certificate | undefined;
  let key: KeyObject | undefined;
  let certPem: string | undefined;
  let keyPem: string | undefined;
  if (auth.type === 'pkcs12') {
    const raw = await readText(auth.file, 'PKCS#12 file', c, 'Check auth.file in imops.yml: it must point to the .p12 exported from Keychain Access (certificate and private key).');
    if (raw) {
      try {
        const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(raw.toString('binary')), auth.passphrase ?? '');
        const certBag = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.[0];
        const keyBag = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0]
          ?? p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!]?.[0];
        if (certBag?.cert) certPem = forge.pki.certificateToPem(certBag.cert);
        if (keyBag?.key) keyPem = forge.pki.privateKeyToPem(keyBag.key);
        if (!certBag?.cert) c.fail('The .p12 file holds no certificate.', 'Export the APNs certificate together with its private key from Keychain Access (select both, Export 2 items).');
        if (!keyBag?.key) c.fail('The .p12 file holds no private key.', 'Export the APNs certificate together with its private key from Keychain Access (expand the certificate, select both).');
      } catch (err) {
        const msg = (err as Error).message ?? '';
        if (/MAC|password|Invalid password/i.test(msg)) {
          c.fail('The .p12 passphrase is wrong (or missing).', 'Set auth.passphrase in imops.yml to the password chosen when the .p12 was exported.');
        } else {
          c.fail('The .p12 file cannot be read as PKCS#12.', 'Export the certificate again from Keychain Access as "Personal Information Exchange (.p12)".');
        }
      }
    }
  } else {
    const rawCert = await readText(auth.certFile, 'certificate file', c, 'Check auth.certFile in imops.yml.');
    const rawKey = await readText(auth.keyFile, 'key file', c, 'Check auth.keyFile in imops.yml.');
    certPem = rawCert?.toString('utf8');
    keyPem = rawKey?.toString('utf8');
  }
  if (certPem) {
    try {
      x509 = new X509Certificate(certPem);
    } catch {
      c.fail('The certificate cannot be parsed as X.509.', 'Export the APNs certificate again (PEM or .p12).');
    }
  }
  if (keyPem) {
    try {
      key = createPrivateKey({ key: keyPem, passphrase: auth.type === 'pkcs12' ? undefined : '' });
    } catch {
      c.fail('The private key cannot be read (or it is encrypted).', 'Export the private key without a password, or use a .p12 with auth.passphrase.');
    }
  }

  let summary = `certificate for ${cert.bundleId}, ${cert.environment}`;
  if (x509) {
    const notAfter = new Date(x509.validTo);
    const notBefore = new Date(x509.validFrom);
    const uid = /^UID=(.*)$/m.exec(x509.subject)?.[1]?.trim();
    const envs = appleEnvironments(x509);
    const supports = [envs.sandbox && 'sandbox', envs.production && 'production'].filter(Boolean).join(' + ') || 'no APNs environment';
    summary = `certificate ${uid ?? '(no UID)'}, ${supports}, expires ${notAfter.toISOString().slice(0, 10)}`;

    if (key && !x509.checkPrivateKey(key)) {
      c.fail('The certificate and the private key do not belong together.', 'Export the certificate with its own private key (in Keychain Access, expand the certificate and export both).');
    }
    if (notAfter.getTime() < now) {
      c.fail(`The certificate expired on ${notAfter.toISOString().slice(0, 10)}.`, 'Create a new APNs certificate in Apple Developer and update it in place in the IM console (editing keeps the certificate ID; re-creating changes it), then replace the file here.', 'CREDENTIAL_EXPIRED');
    } else if (notAfter.getTime() - now < EXPIRY_WARNING_DAYS * DAY) {
      const days = Math.ceil((notAfter.getTime() - now) / DAY);
      c.warn(`The certificate expires in ${days} day${days === 1 ? '' : 's'} (${notAfter.toISOString().slice(0, 10)}).`, 'Renew it now in Apple Developer and update it in place in the IM console (editing keeps the certificate ID).');
    }
    if (notBefore.getTime() > now) {
      c.fail(`The certificate is not valid before ${notBefore.toISOString()}.`, 'Check the server clock, or wait until the certificate becomes valid.');
    }
    if (!envs.sandbox && !envs.production) {
      c.fail('This is not an APNs certificate: it has neither of Apple\'s push environment extensions.', 'Create an "Apple Push Notification service SSL (Sandbox & Production)" certificate for the App ID; a development or distribution signing certificate cannot send pushes.');
    } else if (cert.environment === 'production' && !envs.production) {
      c.fail('The certificate is for the sandbox (development) environment only, but this certificate ID is configured for production.', 'Use a universal "Apple Push Services" certificate, or set environment: sandbox for this certificate ID (and give production its own).', 'CERT_ENVIRONMENT_MISMATCH');
    } else if (cert.environment === 'sandbox' && !envs.sandbox) {
      c.fail('The certificate is for production only, but this certificate ID is configured for sandbox.', 'Use a universal "Apple Push Services" certificate, or set environment: production for this certificate ID.', 'CERT_ENVIRONMENT_MISMATCH');
    }
    if (uid && uid !== cert.bundleId) {
      c.fail(`The certificate was issued for ${uid}, but bundleId is ${cert.bundleId}.`, `Set bundleId to ${uid} if that is the app, or use the certificate issued for ${cert.bundleId}.`, 'TOPIC_INVALID');
    }
    if (certPem && keyPem) loaded.apns = { cert: certPem, key: keyPem };
  }
  return { ...finish(cert, summary, c), loaded };
}

/** Which of Apple's environment extensions (development .3.1, production .3.2) the certificate carries. */
function appleEnvironments(x509: X509Certificate): { sandbox: boolean; production: boolean } {
  const oids = new Set<string>();
  try {
    const tbs = forge.asn1.fromDer(x509.raw.toString('binary')).value[0] as forge.asn1.Asn1;
    for (const part of tbs.value as forge.asn1.Asn1[]) {
      // Extensions are the [3] context-specific field of TBSCertificate.
      if (part.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC || part.type !== 3) continue;
      const list = (part.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[] | undefined;
      for (const ext of list ?? []) {
        const oid = (ext.value as forge.asn1.Asn1[])[0];
        if (oid && typeof oid.value === 'string') oids.add(forge.asn1.derToOid(oid.value));
      }
    }
  } catch {
    // An unreadable extension list means no environment can be confirmed.
  }
  return { sandbox: oids.has(APPLE_DEV_OID), production: oids.has(APPLE_PROD_OID) };
}

async function inspectFcm(cert: FcmCertificateConfig): Promise<CertificateInspection & { loaded: LoadedCredential }> {
  const c = new Collector();
  const loaded: LoadedCredential = {};
  const fix = 'Download a new key from the Firebase console > Project settings > Service accounts > Generate new private key, and point serviceAccountFile at it.';
  const raw = await readText(cert.serviceAccountFile, 'service-account file', c, 'Check serviceAccountFile in imops.yml.');
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
          c.fail('The private_key has literal "\\n" instead of line breaks, so it cannot be read.', 'Use the JSON file exactly as downloaded from Firebase; do not copy the key through an environment variable or editor that escapes it.');
        } else {
          try {
            const key = createPrivateKey(pk);
            if (key.asymmetricKeyType !== 'rsa') c.fail(`The private_key is ${key.asymmetricKeyType?.toUpperCase()}, but Google service-account keys are RSA.`, fix);
          } catch {
            c.fail('The private_key in the service-account file cannot be read.', fix);
          }
        }
      }
      const project = str('project_id');
      const email = str('client_email');
      summary = `service account ${email ?? '(no client_email)'}, project ${cert.projectId ?? project ?? '(none)'}`;
      if (cert.projectId && project && cert.projectId !== project) {
        c.warn(`projectId is ${cert.projectId} but the service account belongs to ${project}; FCM will refuse it unless the account was granted access to ${cert.projectId}.`, `Remove projectId (to use ${project}) or use a service account of ${cert.projectId}.`);
      }
      const projectId = cert.projectId ?? project;
      if (projectId) loaded.fcm = { projectId };
    }
  }
  return { ...finish(cert, summary, c), loaded };
}
