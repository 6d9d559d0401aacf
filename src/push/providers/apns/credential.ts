// APNs credential health without sending anything: what can be known about a .p8 key or an APNs certificate
// (PKCS#12 or PEM) from the files alone. Every problem names its fix; no key material ever reaches a message.
import { basename } from 'node:path';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { Collector, DAY_MS, EXPIRY_WARNING_DAYS, finish, readCredentialFile } from '../health.js';
import type { Inspection } from '../types.js';
import type { ApnsCertificateConfig } from './config.js';

const APPLE_DEV_OID = '1.2.840.113635.100.6.3.1';
const APPLE_PROD_OID = '1.2.840.113635.100.6.3.2';
const APPLE_ID = /^[A-Z0-9]{10}$/;

/** What node-apn needs: PEM strings (a token key, or a certificate and its key). */
export interface ApnsCredential {
  token?: { key: string; keyId: string; teamId: string };
  cert?: string;
  key?: string;
}

export async function inspectApns(cert: ApnsCertificateConfig, now: number): Promise<Inspection<ApnsCredential>> {
  const c = new Collector();
  const auth = cert.auth;
  let loaded: ApnsCredential | undefined;
  if (auth.type === 'token') {
    const summary = `token key ${auth.keyId}, team ${auth.teamId}, topic ${cert.bundleId}, ${cert.environment}`;
    if (!APPLE_ID.test(auth.keyId)) {
      c.fail(
        `The Key ID "${auth.keyId}" is not 10 capital letters or digits.`,
        'Copy the Key ID from Apple Developer > Certificates, IDs & Profiles > Keys (it is also in the file name AuthKey_<KeyID>.p8).',
      );
    }
    if (!APPLE_ID.test(auth.teamId)) {
      c.fail(`The Team ID "${auth.teamId}" is not 10 capital letters or digits.`, 'Copy the Team ID from Apple Developer > Membership details.');
    }
    const nameId = /^AuthKey_([A-Z0-9]{10})\.p8$/.exec(basename(auth.keyFile))?.[1];
    if (nameId && nameId !== auth.keyId) {
      c.warn(
        `The key file is named for Key ID ${nameId}, but keyId is ${auth.keyId}.`,
        `Apple names the file AuthKey_<KeyID>.p8: set keyId to ${nameId}, or use the .p8 of key ${auth.keyId}.`,
      );
    }
    const raw = await readCredentialFile(
      auth.keyFile,
      '.p8 key file',
      c,
      'Check auth.keyFile in imops.yml: it must point to the AuthKey_<KeyID>.p8 downloaded from Apple.',
    );
    if (raw) {
      const text = raw.toString('utf8');
      let key: KeyObject | undefined;
      try {
        key = createPrivateKey(text);
      } catch {
        c.fail(
          'The .p8 file is not a readable private key.',
          'Download the key again from Apple Developer > Keys (a .p8 can be downloaded only once: if it is lost, create a new key).',
        );
      }
      if (key) {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        if (key.asymmetricKeyType !== 'ec' || (curve !== 'prime256v1' && curve !== 'P-256')) {
          c.fail(
            `The .p8 file holds a ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'}${curve ? ` ${curve}` : ''} key, but APNs token keys are EC P-256.`,
            'Use the .p8 Apple gave for an APNs key (Keys > "Apple Push Notifications service (APNs)"), not another key.',
          );
        } else {
          if (!/-{5}BEGIN PRIVATE KEY-{5}/.test(text)) {
            c.warn(
              'The .p8 key is not in PKCS#8 form ("BEGIN PRIVATE KEY") as Apple ships it; it was converted somewhere.',
              'Use the original AuthKey_<KeyID>.p8 file from Apple.',
            );
          }
          loaded = { token: { key: text, keyId: auth.keyId, teamId: auth.teamId } };
        }
      }
    }
    return finish(cert, summary, c, loaded);
  }

  let x509: X509Certificate | undefined;
  let key: KeyObject | undefined;
  let certPem: string | undefined;
  let keyPem: string | undefined;
  if (auth.type === 'pkcs12') {
    const raw = await readCredentialFile(
      auth.file,
      'PKCS#12 file',
      c,
      'Check auth.file in imops.yml: it must point to the .p12 exported from Keychain Access (certificate and private key).',
    );
    if (raw) {
      try {
        const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(raw.toString('binary')), auth.passphrase ?? '');
        const certBag = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.[0];
        const keyBag =
          p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0] ??
          p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!]?.[0];
        if (certBag?.cert) certPem = forge.pki.certificateToPem(certBag.cert);
        if (keyBag?.key) keyPem = forge.pki.privateKeyToPem(keyBag.key);
        if (!certBag?.cert)
          c.fail(
            'The .p12 file holds no certificate.',
            'Export the APNs certificate together with its private key from Keychain Access (select both, Export 2 items).',
          );
        if (!keyBag?.key)
          c.fail(
            'The .p12 file holds no private key.',
            'Export the APNs certificate together with its private key from Keychain Access (expand the certificate, select both).',
          );
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
    const rawCert = await readCredentialFile(auth.certFile, 'certificate file', c, 'Check auth.certFile in imops.yml.', 'public');
    const rawKey = await readCredentialFile(auth.keyFile, 'key file', c, 'Check auth.keyFile in imops.yml.');
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
      c.fail(
        'The certificate and the private key do not belong together.',
        'Export the certificate with its own private key (in Keychain Access, expand the certificate and export both).',
      );
    }
    if (notAfter.getTime() < now) {
      c.fail(
        `The certificate expired on ${notAfter.toISOString().slice(0, 10)}.`,
        'Create a new APNs certificate in Apple Developer and update it in place in the IM console (editing keeps the certificate ID; re-creating changes it), then replace the file here.',
        'CREDENTIAL_EXPIRED',
      );
    } else if (notAfter.getTime() - now < EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.ceil((notAfter.getTime() - now) / DAY_MS);
      c.warn(
        `The certificate expires in ${days} day${days === 1 ? '' : 's'} (${notAfter.toISOString().slice(0, 10)}).`,
        'Renew it now in Apple Developer and update it in place in the IM console (editing keeps the certificate ID).',
      );
    }
    if (notBefore.getTime() > now) {
      c.fail(`The certificate is not valid before ${notBefore.toISOString()}.`, 'Check the server clock, or wait until the certificate becomes valid.');
    }
    if (!envs.sandbox && !envs.production) {
      c.fail(
        "This is not an APNs certificate: it has neither of Apple's push environment extensions.",
        'Create an "Apple Push Notification service SSL (Sandbox & Production)" certificate for the App ID; a development or distribution signing certificate cannot send pushes.',
      );
    } else if (cert.environment === 'production' && !envs.production) {
      c.fail(
        'The certificate is for the sandbox (development) environment only, but this certificate ID is configured for production.',
        'Use a universal "Apple Push Services" certificate, or set environment: sandbox for this certificate ID (and give production its own).',
        'CERT_ENVIRONMENT_MISMATCH',
      );
    } else if (cert.environment === 'sandbox' && !envs.sandbox) {
      c.fail(
        'The certificate is for production only, but this certificate ID is configured for sandbox.',
        'Use a universal "Apple Push Services" certificate, or set environment: production for this certificate ID.',
        'CERT_ENVIRONMENT_MISMATCH',
      );
    }
    if (uid && uid !== cert.bundleId) {
      c.fail(
        `The certificate was issued for ${uid}, but bundleId is ${cert.bundleId}.`,
        `Set bundleId to ${uid} if that is the app, or use the certificate issued for ${cert.bundleId}.`,
        'TOPIC_INVALID',
      );
    }
    if (certPem && keyPem) loaded = { cert: certPem, key: keyPem };
  }
  const inspection = finish(cert, summary, c, loaded);
  if (x509) inspection.health.expiresAt = new Date(x509.validTo).toISOString();
  return inspection;
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
