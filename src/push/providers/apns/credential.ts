// APNs credential health without sending anything: what can be known about a .p8 key or an APNs certificate
// (PKCS#12 or PEM) from the files alone. Every problem names its fix; no key material ever reaches a message.
import { basename } from 'node:path';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { type Catalogue, en, say, type Words } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
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

/** Until health.ts takes Text: a credential file's name and fix for its "cannot be read" sentence, in English. */
const FILES = en.providers.apns.credential.files;

/** A problem and its fix, both in every language (Collector.fail/warn take English strings). */
function fail(c: Collector, problem: Words, fix: Words, verdict: PushVerdict = 'CREDENTIAL_INVALID'): void {
  c.problems.push({ level: 'failure', problem, fix, verdict });
}
function warn(c: Collector, problem: Words, fix: Words): void {
  c.problems.push({ level: 'warning', problem, fix, verdict: 'CREDENTIAL_INVALID' });
}

/** The health with its summary in every language (finish() takes an English string). */
function done(cert: ApnsCertificateConfig, summary: Words, c: Collector, loaded: ApnsCredential | undefined): Inspection<ApnsCredential> {
  const inspection = finish(cert, '', c, loaded);
  inspection.health.summary = summary;
  return inspection;
}

export async function inspectApns(cert: ApnsCertificateConfig, now: number): Promise<Inspection<ApnsCredential>> {
  const c = new Collector();
  const auth = cert.auth;
  let loaded: ApnsCredential | undefined;
  if (auth.type === 'token') {
    const summary = words((w) => w.tokenSummary(auth.keyId, auth.teamId, cert.bundleId, cert.environment));
    if (!APPLE_ID.test(auth.keyId)) {
      fail(
        c,
        words((w) => w.badKeyId(auth.keyId)),
        words((w) => w.badKeyIdFix),
      );
    }
    if (!APPLE_ID.test(auth.teamId)) {
      fail(
        c,
        words((w) => w.badTeamId(auth.teamId)),
        words((w) => w.badTeamIdFix),
      );
    }
    const nameId = /^AuthKey_([A-Z0-9]{10})\.p8$/.exec(basename(auth.keyFile))?.[1];
    if (nameId && nameId !== auth.keyId) {
      warn(
        c,
        words((w) => w.keyFileNamedFor(nameId, auth.keyId)),
        words((w) => w.keyFileNamedForFix(nameId, auth.keyId)),
      );
    }
    const raw = await readCredentialFile(auth.keyFile, FILES.p8, c, FILES.p8Fix);
    if (raw) {
      const text = raw.toString('utf8');
      let key: KeyObject | undefined;
      try {
        key = createPrivateKey(text);
      } catch {
        fail(
          c,
          words((w) => w.p8Unreadable),
          words((w) => w.p8UnreadableFix),
        );
      }
      if (key) {
        const curve = key.asymmetricKeyDetails?.namedCurve;
        if (key.asymmetricKeyType !== 'ec' || (curve !== 'prime256v1' && curve !== 'P-256')) {
          const type = key.asymmetricKeyType?.toUpperCase();
          fail(
            c,
            words((w) => w.p8WrongKey(type, curve)),
            words((w) => w.p8WrongKeyFix),
          );
        } else {
          if (!/-{5}BEGIN PRIVATE KEY-{5}/.test(text)) {
            warn(
              c,
              words((w) => w.p8NotPkcs8),
              words((w) => w.p8NotPkcs8Fix),
            );
          }
          loaded = { token: { key: text, keyId: auth.keyId, teamId: auth.teamId } };
        }
      }
    }
    return done(cert, summary, c, loaded);
  }

  let x509: X509Certificate | undefined;
  let key: KeyObject | undefined;
  let certPem: string | undefined;
  let keyPem: string | undefined;
  if (auth.type === 'pkcs12') {
    const raw = await readCredentialFile(auth.file, FILES.p12, c, FILES.p12Fix);
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
          fail(
            c,
            words((w) => w.p12NoCertificate),
            words((w) => w.p12NoCertificateFix),
          );
        if (!keyBag?.key)
          fail(
            c,
            words((w) => w.p12NoKey),
            words((w) => w.p12NoKeyFix),
          );
      } catch (err) {
        const msg = (err as Error).message ?? '';
        if (/MAC|password|Invalid password/i.test(msg)) {
          fail(
            c,
            words((w) => w.p12Passphrase),
            words((w) => w.p12PassphraseFix),
          );
        } else {
          fail(
            c,
            words((w) => w.p12Unreadable),
            words((w) => w.p12UnreadableFix),
          );
        }
      }
    }
  } else {
    const rawCert = await readCredentialFile(auth.certFile, FILES.cert, c, FILES.certFix, 'public');
    const rawKey = await readCredentialFile(auth.keyFile, FILES.key, c, FILES.keyFix);
    certPem = rawCert?.toString('utf8');
    keyPem = rawKey?.toString('utf8');
  }
  if (certPem) {
    try {
      x509 = new X509Certificate(certPem);
    } catch {
      fail(
        c,
        words((w) => w.notX509),
        words((w) => w.notX509Fix),
      );
    }
  }
  if (keyPem) {
    try {
      key = createPrivateKey({ key: keyPem, passphrase: auth.type === 'pkcs12' ? undefined : '' });
    } catch {
      fail(
        c,
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
      fail(
        c,
        words((w) => w.keyMismatch),
        words((w) => w.keyMismatchFix),
      );
    }
    if (notAfter.getTime() < now) {
      fail(
        c,
        words((w) => w.expired(expires)),
        words((w) => w.expiredFix),
        'CREDENTIAL_EXPIRED',
      );
    } else if (notAfter.getTime() - now < EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.ceil((notAfter.getTime() - now) / DAY_MS);
      warn(
        c,
        words((w) => w.expiresSoon(days, expires)),
        words((w) => w.expiresSoonFix),
      );
    }
    if (notBefore.getTime() > now) {
      fail(
        c,
        say((t) => t.providers.apns.credential.notYetValid(t.time.at(notBefore.getTime()))),
        words((w) => w.notYetValidFix),
      );
    }
    if (!envs.sandbox && !envs.production) {
      fail(
        c,
        words((w) => w.notApns),
        words((w) => w.notApnsFix),
      );
    } else if (cert.environment === 'production' && !envs.production) {
      fail(
        c,
        words((w) => w.sandboxOnly),
        words((w) => w.sandboxOnlyFix),
        'CERT_ENVIRONMENT_MISMATCH',
      );
    } else if (cert.environment === 'sandbox' && !envs.sandbox) {
      fail(
        c,
        words((w) => w.productionOnly),
        words((w) => w.productionOnlyFix),
        'CERT_ENVIRONMENT_MISMATCH',
      );
    }
    if (uid && uid !== cert.bundleId) {
      fail(
        c,
        words((w) => w.otherBundle(uid, cert.bundleId)),
        words((w) => w.otherBundleFix(uid, cert.bundleId)),
        'TOPIC_INVALID',
      );
    }
    if (certPem && keyPem) loaded = { cert: certPem, key: keyPem };
  }
  const inspection = done(cert, summary, c, loaded);
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
