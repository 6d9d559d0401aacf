// Test PKI generated in memory at test start: a CA, server certificates for the emulators, and Apple-style push
// certificates for credential-health tests. Nothing here is ever written to the repository.
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { webcrypto, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import forge from 'node-forge';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
const crypto = webcrypto;
x509.cryptoProvider.set(crypto as unknown as Parameters<typeof x509.cryptoProvider.set>[1]);

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface TestCa {
  /** PEM of the CA certificate: what a client must trust. */
  certPem: string;
  keys: CryptoKeyPair;
  cert: x509.X509Certificate;
}

export interface ServerCert {
  certPem: string;
  keyPem: string;
}

/** The names every emulator certificate carries, so one CA and one server certificate serve APNs, FCM and OAuth. */
export const EMULATOR_HOSTNAMES = ['localhost', 'fcm.googleapis.com', 'oauth2.googleapis.com'];

const serial = () =>
  randomBytes(8)
    .toString('hex')
    .replace(/^[89a-f]/, '1');

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END ${label}-----\n`;
}

export async function createCa(name = 'imops test CA'): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${name}, O=imops tests`,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 24 * 3600_000),
    keys,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: `${cert.toString('pem')}\n`, keys, cert };
}

/** A server certificate signed by `ca` for the given DNS names (and 127.0.0.1). */
export async function createServerCert(ca: TestCa, hostnames: string[] = EMULATOR_HOSTNAMES): Promise<ServerCert> {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${hostnames[0] ?? 'localhost'}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 24 * 3600_000),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([...hostnames.map((value) => ({ type: 'dns' as const, value })), { type: 'ip' as const, value: '127.0.0.1' }]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  const keyDer = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: `${cert.toString('pem')}\n`, keyPem: pem('PRIVATE KEY', keyDer) };
}

/** A CA plus one server certificate for all emulator hostnames. */
export async function createTestPki(): Promise<{ ca: TestCa; server: ServerCert }> {
  const ca = await createCa();
  return { ca, server: await createServerCert(ca) };
}

/** An APNs token-auth key as Apple hands it out: EC P-256 in PKCS#8 PEM (the .p8 file). */
export async function createP8Key(): Promise<string> {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  return pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey));
}

/** An RSA private key in PKCS#8 PEM (service accounts, Apple push certificates). */
export async function createRsaKeyPair(): Promise<{ keys: CryptoKeyPair; keyPem: string }> {
  const keys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { keys, keyPem: pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', keys.privateKey)) };
}

/** A Firebase service-account JSON with a freshly generated RSA key. */
export async function createServiceAccount(projectId = 'imops-test'): Promise<Record<string, string>> {
  const { keyPem } = await createRsaKeyPair();
  return {
    type: 'service_account',
    project_id: projectId,
    private_key_id: randomBytes(20).toString('hex'),
    private_key: keyPem,
    client_email: `imops-push@${projectId}.iam.gserviceaccount.com`,
    client_id: String(100000000000000000000n + BigInt(randomBytes(6).readUIntBE(0, 6))),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
  };
}

export interface ApplePushCertOptions {
  bundleId?: string;
  /** Which Apple environment OIDs the certificate carries: development (.3.1), production (.3.2) or both. */
  environments?: ('sandbox' | 'production')[];
  notBefore?: Date;
  notAfter?: Date;
  teamId?: string;
}

export interface ApplePushCert {
  certPem: string;
  keyPem: string;
  /** The same certificate and key as a PKCS#12 (.p12) file. */
  p12: (passphrase: string) => Buffer;
}

const APPLE_DEV_OID = '1.2.840.113635.100.6.3.1';
const APPLE_PROD_OID = '1.2.840.113635.100.6.3.2';
const UID_OID = '0.9.2342.19200300.100.1.1';
const ASN1_NULL = new Uint8Array([0x05, 0x00]);

/**
 * An RSA client certificate shaped like the ones Apple issues for APNs: Subject UID = bundle ID, CN
 * "Apple Push Services: <bundle>" (or "Apple Development IOS Push Services" for sandbox only), the Apple
 * environment OIDs as extensions. Self-signed: only its content matters to the checks.
 */
export async function createApplePushCert(options: ApplePushCertOptions = {}): Promise<ApplePushCert> {
  const bundleId = options.bundleId ?? 'com.example.app';
  const envs = options.environments ?? ['sandbox', 'production'];
  const now = Date.now();
  const { keys, keyPem } = await createRsaKeyPair();
  const cn = envs.includes('production') ? `Apple Push Services: ${bundleId}` : `Apple Development IOS Push Services: ${bundleId}`;
  const name: x509.JsonName = [{ [UID_OID]: [bundleId] }, { CN: [cn] }, { OU: [options.teamId ?? 'ABCDE12345'] }, { O: ['Example Ltd'] }, { C: ['US'] }];
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name,
    notBefore: options.notBefore ?? new Date(now - 30 * 86400_000),
    notAfter: options.notAfter ?? new Date(now + 300 * 86400_000),
    keys,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as webcrypto.Algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      ...(envs.includes('sandbox') ? [new x509.Extension(APPLE_DEV_OID, false, ASN1_NULL)] : []),
      ...(envs.includes('production') ? [new x509.Extension(APPLE_PROD_OID, false, ASN1_NULL)] : []),
    ],
  });
  const certPem = `${cert.toString('pem')}\n`;
  return {
    certPem,
    keyPem,
    p12: (passphrase: string) => {
      const asn1 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(keyPem), [forge.pki.certificateFromPem(certPem)], passphrase, {
        algorithm: '3des',
        friendlyName: cn,
      });
      return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    },
  };
}
