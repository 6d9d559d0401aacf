// APNs credential health without sending anything: what can be known about a .p8 key or an APNs certificate
// (PKCS#12 or PEM) from the files alone. Every problem names its fix; no key material ever reaches a message.
import { basename } from 'node:path';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { type Catalogue, say, type Words } from '../../../text/index.js';
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

type CredentialWords = Catalogue['providers']['apns']['credential'];

/** The words of the credential check in every language. */
const words = (pick: (w: CredentialWords) => string): Words => say((t) => pick(t.providers.apns.credential));

/** A credential file's name and fix, for the "cannot be read" sentence, in every language. */
const file = (name: keyof CredentialWords['files']): Words => words((w) => w.files[name]);

export async function inspectApns(cert: ApnsCertificateConfig, now: number): Promise<Inspection<ApnsCredential>> {
  const c = new Collector();
  const auth = cert.auth;
  let loaded: ApnsCredential | undefined;
  if (auth.type === 'token') {
    const summary = words((w) => w.tokenSummary(auth.keyId, auth.teamId, cert.bundleId, cert.environment));
    if (!APPLE_ID.test(auth.keyId)) {
      c.fail(
        words((w) => w.badKeyId(auth.keyId)),
        words((w) => w.badKeyIdFix),
      );
    }
    if (!APPLE_ID.test(auth.teamId)) {
      c.fail(
        words((w) => w.badTeamId(auth.teamId)),
        words((w) => w.badTeamIdFix),
      );
    }
    const nameId = /^AuthKey_([A-Z0-9]{10})\.p8$/.exec(basename(auth.keyFile))?.[1];
    if (nameId && nameId !== auth.keyId) {
      c.warn(
        words((w) => w.keyFileNamedFor(nameId, auth.keyId)),
        words((w) => w.keyFileNamedForFix(nameId, auth.keyId)),
      );
    }
    const raw = await readCredentialFile(auth.keyFile, file('p8'), c, file('p8Fix'));
    if (raw) {
      const text = raw.toString('utf8');
      let key: KeyObject | undefined;
      try {
        key = createPrivateKey(text);
      } catch {
        c.fail(
          words((w) => w.p8Unreadable),
          words((w) => w.p8UnreadableFix),
        );
      }
      if (key) {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        if (key.asymmetricKeyType !== 'ec' || (curve !== 'prime256v1' && curve !== 'P-256')) {
          const type = key.asymmetricKeyType?.toUpperCase();
          c.fail(
            words((w) => w.p8WrongKey(type, curve)),
            words((w) => w.p8WrongKeyFix),
          );
        } else {
          if (!/-{5}BEGIN PRIVATE KEY-{5}/.test(text)) {
            c.warn(
              words((w) => w.p8NotPkcs8),
              words((w) => w.p8NotPkcs8Fix),
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
    const raw = await readCredentialFile(auth.file, file('p12'), c, file('p12Fix'));
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
            words((w) => w.p12NoCertificate),
            words((w) => w.p12NoCertificateFix),
          );
        if (!keyBag?.key)
          c.fail(
            words((w) => w.p12NoKey),
            words((w) => w.p12NoKeyFix),
          );
      } catch (err) {
        const msg = (err as Error).message ?? '';
        if (/MAC|password|Invalid password/i.test(msg)) {
          c.fail(
            words((w) => w.p12Passphrase),
            words((w) => w.p12PassphraseFix),
          );
        } else {
          c.fail(
            words((w) => w.p12Unreadable),
            words((w) => w.p12UnreadableFix),
          );
        }
      }
    }
  } else {
    const rawCert = await readCredentialFile(auth.certFile, file('cert'), c, file('certFix'), 'public');
    const rawKey = await readCredentialFile(auth.keyFile, file('key'), c, file('keyFix'));
    certPem = rawCert?.toString('utf8');
    keyPem = rawKey?.toString('utf8');
  }
  if (certPem) {
    try {
      x509 = new X509Certificate(certPem);
    } catch {
      c.fail(
        words((w) => w.notX509),
        words((w) => w.notX509Fix),
      );
    }
  }
  if (keyPem) {
    try {
      key = createPrivateKey({ key: keyPem, passphrase: auth.type === 'pkcs12' ? undefined : '' });
    } catch {
      c.fail(
        words((w) => w.keyUnreadable),
        words((w) => w.keyUnreadableFix),
      );
    }
  }

  let summary = words((w) => w.certificateSummary(cert.bundleId, cert.environment));
  if (x509) {
    const notAfter = new Date(x509.validTo);
    const notBefore = new Date(x509.validFrom);
    const uid = /^UID=(.*)$/m.exec(x509.subject)?.[1]?.trim();
    const envs = appleEnvironments(x509);
    const supports = (['sandbox', 'production'] as const).filter((e) => envs[e]);
    const expires = notAfter.toISOString().slice(0, 10);
    summary = words((w) => w.readSummary(uid, [...supports], expires));

    if (key && !x509.checkPrivateKey(key)) {
      c.fail(
        words((w) => w.keyMismatch),
        words((w) => w.keyMismatchFix),
      );
    }
    if (notAfter.getTime() < now) {
      c.fail(
        words((w) => w.expired(expires)),
        words((w) => w.expiredFix),
        'CREDENTIAL_EXPIRED',
      );
    } else if (notAfter.getTime() - now < EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.ceil((notAfter.getTime() - now) / DAY_MS);
      c.warn(
        words((w) => w.expiresSoon(days, expires)),
        words((w) => w.expiresSoonFix),
      );
    }
    if (notBefore.getTime() > now) {
      c.fail(
        say((t) => t.providers.apns.credential.notYetValid(t.time.at(notBefore.getTime()))),
        words((w) => w.notYetValidFix),
      );
    }
    if (!envs.sandbox && !envs.production) {
      c.fail(
        words((w) => w.notApns),
        words((w) => w.notApnsFix),
      );
    } else if (cert.environment === 'production' && !envs.production) {
      c.fail(
        words((w) => w.sandboxOnly),
        words((w) => w.sandboxOnlyFix),
        'CERT_ENVIRONMENT_MISMATCH',
      );
    } else if (cert.environment === 'sandbox' && !envs.sandbox) {
      c.fail(
        words((w) => w.productionOnly),
        words((w) => w.productionOnlyFix),
        'CERT_ENVIRONMENT_MISMATCH',
      );
    }
    if (uid && uid !== cert.bundleId) {
      c.fail(
        words((w) => w.otherBundle(uid, cert.bundleId)),
        words((w) => w.otherBundleFix(uid, cert.bundleId)),
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
