// Credential health without sending: .p8 keys, Apple push certificates (PEM and PKCS#12), service accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { checkCertificate, DEFAULT_PROVIDERS } from '../../src/push/providers/index.js';
import { chinese, english } from '../text/english.js';
import { createDeviceTester } from '../../src/push/tester.js';
import type { ApnsCertificateConfig, AppConfig, CertificateConfig, FcmCertificateConfig } from '../../src/config/types.js';
import { createApplePushCert, createP8Key, createServiceAccount, type ApplePushCertOptions } from '../emulators/tls.js';
import { apnsToken, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { capturingLogger, device } from './helpers.js';

let dir: string;
const DAY = 86_400_000;
const write = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data, { mode: 0o600 });
  return p;
};
const tokenCert = (keyFile: string, keyId = 'ABC123DEFG', teamId = 'DEF123GHIJ'): ApnsCertificateConfig => ({
  id: '10086',
  platform: 'apns',
  bundleId: 'com.example.app',
  environment: 'production',
  auth: { type: 'token', keyFile, keyId, teamId },
});
async function p12Cert(
  name: string,
  options: ApplePushCertOptions,
  environment: 'production' | 'sandbox' = 'production',
  bundleId = 'com.example.app',
): Promise<ApnsCertificateConfig> {
  const file = write(`${name}.p12`, (await createApplePushCert(options)).p12('pw'));
  return { id: '10090', platform: 'apns', bundleId, environment, auth: { type: 'pkcs12', file, passphrase: 'pw' } };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imops-certs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('.p8 token keys', () => {
  it('a P-256 PKCS#8 key with 10-character IDs is ok, and the summary names key, team, topic and environment', async () => {
    const h = await checkCertificate(tokenCert(write('AuthKey_ABC123DEFG.p8', await createP8Key())));
    expect(h).toMatchObject({ level: 'ok', problems: [], certificateId: '10086', platform: 'apns' });
    expect(english(h.summary)).toBe('token key ABC123DEFG, team DEF123GHIJ, topic com.example.app, production');
    expect(chinese(h.summary)).toBe('.p8 密钥（Key ID ABC123DEFG，Team ID DEF123GHIJ），Bundle ID com.example.app，生产环境');
  });

  it('an RSA key is a failure', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const h = await checkCertificate(tokenCert(write('rsa.p8', rsa)));
    expect(h.level).toBe('failure');
    expect(english(h.problems[0]!.problem)).toMatch(/RSA key, but APNs token keys are EC P-256/);
    expect(chinese(h.problems[0]!.problem)).toBe('该 .p8 文件中的密钥是 RSA，但 APNs 的 .p8 密钥必须是 EC P-256。');
    expect(chinese(h.problems[0]!.fix)).toMatch(/^请使用 Apple 为 APNs 密钥提供的 \.p8/);
  });

  it('another curve is a failure; SEC1 form is a warning', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(english((await checkCertificate(tokenCert(write('p384.p8', p384)))).problems[0]!.problem)).toMatch(/secp384r1/);
    const sec1 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    const h = await checkCertificate(tokenCert(write('sec1.p8', sec1)));
    expect(h.level).toBe('warning');
    expect(english(h.problems[0]!.problem)).toMatch(/PKCS#8/);
  });

  it('garbage, a missing file, short IDs and a file named for another key are each reported with a fix', async () => {
    const garbage = await checkCertificate(tokenCert(write('garbage.p8', 'not a key')));
    expect(garbage.problems[0]!.level).toBe('failure');
    expect(english(garbage.problems[0]!.problem)).toMatch(/not a readable private key/);
    expect(english(garbage.problems[0]!.fix)).toMatch(/Download/);
    const missing = await checkCertificate(tokenCert(join(dir, 'nope.p8')));
    expect(english(missing.problems[0]!.problem)).toMatch(/cannot be read \(ENOENT\)/);
    const ids = await checkCertificate(tokenCert(write('k.p8', await createP8Key()), 'abc', 'team-1'));
    expect(ids.problems.map((p) => english(p.problem))).toEqual([
      'The Key ID "abc" is not 10 capital letters or digits.',
      'The Team ID "team-1" is not 10 capital letters or digits.',
    ]);
    const named = await checkCertificate(tokenCert(write('AuthKey_ZZZZZZZZZZ.p8', await createP8Key())));
    expect(named).toMatchObject({ level: 'warning' });
    expect(english(named.problems[0]!.fix)).toMatch(/set keyId to ZZZZZZZZZZ/);
  });
});

describe('APNs certificates (PKCS#12 and PEM)', () => {
  it('a universal certificate for the bundle is ok, with its UID, environments and expiry in the summary', async () => {
    const h = await checkCertificate(await p12Cert('good', {}));
    expect(h.level).toBe('ok');
    expect(english(h.summary)).toMatch(/^certificate com\.example\.app, sandbox \+ production, expires \d{4}-\d{2}-\d{2}$/);
    expect(chinese(h.summary)).toMatch(/^推送证书 com\.example\.app，开发环境 \+ 生产环境，\d{4}-\d{2}-\d{2} 过期$/);
  });

  it('an expired certificate fails, and a test push stops at CREDENTIAL_EXPIRED without sending', async () => {
    const cert = await p12Cert('expired', { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 2 * DAY) });
    const h = await checkCertificate(cert);
    expect(h.level).toBe('failure');
    expect(english(h.problems[0]!.problem)).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    expect(english(h.problems[0]!.fix)).toMatch(/in place/);
    expect(chinese(h.problems[0]!.problem)).toMatch(/^该证书已于 \d{4}-\d{2}-\d{2} 过期。$/);
    expect(chinese(h.problems[0]!.fix)).toMatch(/IM 控制台中直接编辑更新该证书（编辑会保留证书 ID/);
    const fx: PushFixture = await startPushFixture();
    const tester = createDeviceTester({ providers: fx.providers, log: capturingLogger().log });
    try {
      const app: AppConfig = { name: 'prod', sdkAppId: 1, secretKey: 'k', certificates: [cert] };
      const r = await tester.test(app, device('10090', apnsToken()));
      expect(r.verdict).toBe('CREDENTIAL_EXPIRED');
      expect(fx.apns.production.requests).toHaveLength(0);
      expect(fx.apns.production.handshakes).toBe(0);
    } finally {
      await tester.close();
      await fx.close();
    }
  });

  it('expiring within 30 days is a warning that says how many days are left', async () => {
    const h = await checkCertificate(await p12Cert('soon', { notAfter: new Date(Date.now() + 10 * DAY + 3600_000) }));
    expect(h.level).toBe('warning');
    expect(english(h.problems[0]!.problem)).toMatch(/expires in 11 days/);
    expect(chinese(h.problems[0]!.problem)).toMatch(/^该证书将在 11 天后（\d{4}-\d{2}-\d{2}）过期。$/);
  });

  it('a sandbox-only certificate configured for production is a wrong environment', async () => {
    const h = await checkCertificate(await p12Cert('dev', { environments: ['sandbox'] }, 'production'));
    expect(h.level).toBe('failure');
    expect(english(h.summary)).toMatch(/, sandbox,/);
    expect(english(h.problems[0]!.problem)).toMatch(/sandbox \(development\) environment only/);
    const prodOnly = await checkCertificate(await p12Cert('prod', { environments: ['production'] }, 'sandbox'));
    expect(english(prodOnly.problems[0]!.problem)).toMatch(/production only/);
    expect(chinese(h.problems[0]!.problem)).toBe('该证书仅适用于开发环境（sandbox），但该证书 ID 配置的是生产环境。');
    expect(chinese(prodOnly.problems[0]!.fix)).toMatch(/environment: production/);
  });

  it("a certificate for another bundle ID, or without Apple's push extensions, fails", async () => {
    const other = await checkCertificate(await p12Cert('other', { bundleId: 'com.other.app' }));
    expect(english(other.problems[0]!.problem)).toBe('The certificate was issued for com.other.app, but bundleId is com.example.app.');
    expect(chinese(other.problems[0]!.problem)).toBe('该证书是为 com.other.app 签发的，但 bundleId 配置为 com.example.app。');
    const plain = await checkCertificate(await p12Cert('plain', { environments: [] }));
    expect(english(plain.problems[0]!.problem)).toMatch(/not an APNs certificate/);
  });

  it('a wrong .p12 passphrase is named as such', async () => {
    const cert = await p12Cert('pw', {});
    const h = await checkCertificate({ ...cert, auth: { type: 'pkcs12', file: (cert.auth as { file: string }).file, passphrase: 'wrong' } });
    expect(english(h.problems[0]!.problem)).toMatch(/passphrase is wrong/);
    expect(chinese(h.problems[0]!.problem)).toBe('.p12 的密码错误（或未填写）。');
  });

  it('a PEM certificate with another key does not match', async () => {
    const a = await createApplePushCert();
    const b = await createApplePushCert();
    const h = await checkCertificate({
      id: '10091',
      platform: 'apns',
      bundleId: 'com.example.app',
      environment: 'production',
      auth: { type: 'pem', certFile: write('a.crt', a.certPem), keyFile: write('b.key', b.keyPem) },
    });
    expect(h.problems.map((p) => english(p.problem))).toContain('The certificate and the private key do not belong together.');
    const ok = await checkCertificate({
      id: '10092',
      platform: 'apns',
      bundleId: 'com.example.app',
      environment: 'production',
      auth: { type: 'pem', certFile: write('a2.crt', a.certPem), keyFile: write('a.key', a.keyPem) },
    });
    expect(ok.level).toBe('ok');
  });
});

const fcm = (file: string, projectId?: string): FcmCertificateConfig => ({
  id: '20001',
  platform: 'fcm',
  serviceAccountFile: file,
  ...(projectId ? { projectId } : {}),
});

describe('service accounts', () => {
  it('a complete service account is ok and names the account and project', async () => {
    const sa = await createServiceAccount('demo-proj');
    const h = await checkCertificate(fcm(write('sa.json', JSON.stringify(sa))));
    expect(h.level).toBe('ok');
    expect(english(h.summary)).toBe(`service account ${sa.client_email}, project demo-proj`);
  });

  it('missing fields, escaped newlines, bad JSON and a foreign project are each reported', async () => {
    const sa = await createServiceAccount('demo-proj');
    const missing = await checkCertificate(fcm(write('m.json', JSON.stringify({ type: 'service_account', private_key: sa.private_key }))));
    expect(english(missing.problems[0]!.problem)).toBe('The service-account file lacks project_id, client_email.');
    const escaped = await checkCertificate(fcm(write('e.json', JSON.stringify({ ...sa, private_key: sa.private_key!.replace(/\n/g, '\\n') }))));
    expect(english(escaped.problems[0]!.problem)).toMatch(/literal "\\n"/);
    const bad = await checkCertificate(fcm(write('b.json', '{ nope')));
    expect(english(bad.problems[0]!.problem)).toBe('The service-account file is not valid JSON.');
    const user = await checkCertificate(fcm(write('u.json', JSON.stringify({ ...sa, type: 'authorized_user' }))));
    expect(english(user.problems[0]!.problem)).toMatch(/"authorized_user" credential/);
    expect(chinese(user.problems[0]!.problem)).toBe('该文件是 "authorized_user" 类型的凭证，不是服务账号。');
    expect(chinese(missing.problems[0]!.problem)).toBe('服务账号文件缺少 project_id、client_email。');
    expect(chinese(missing.problems[0]!.fix)).toMatch(/^请在 Firebase 控制台 > 项目设置 > 服务账号中/);
    const foreign = await checkCertificate(fcm(write('f.json', JSON.stringify(sa)), 'another-proj'));
    expect(foreign.level).toBe('warning');
    expect(english(foreign.summary)).toMatch(/project another-proj$/);
  });
});

describe('credential files readable by other users', () => {
  it('a .p8 key, a .p12 and a service account readable by group or others are a warning naming chmod 600 and the file', async () => {
    const p8 = write('open.p8', await createP8Key());
    chmodSync(p8, 0o644);
    const key = await checkCertificate(tokenCert(p8));
    expect(key.level).toBe('warning');
    expect(key.problems.map((p) => ({ level: p.level, problem: english(p.problem), fix: english(p.fix) }))).toEqual([
      expect.objectContaining({ level: 'warning', problem: expect.stringContaining(`chmod 600 ${p8}`), fix: expect.stringContaining(`chmod 600 ${p8}`) }),
    ]);
    expect(english(key.problems[0]!.problem)).toMatch(/mode 644/);
    // A Chinese reader gets Chinese, with the path, the mode and the command as they are.
    expect(chinese(key.problems[0]!.problem)).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese(key.problems[0]!.problem)).toContain(`${p8} 可被本服务器上的其他用户读取（权限 644）`);
    expect(chinese(key.problems[0]!.fix)).toBe(`请运行 \`chmod 600 ${p8}\`，并让该文件归运行 imops 的用户所有：该文件包含私钥。`);

    const p12 = await p12Cert('shared', {});
    const p12File = (p12.auth as { file: string }).file;
    chmodSync(p12File, 0o640);
    expect((await checkCertificate(p12)).problems.map((p) => ({ level: p.level, problem: english(p.problem) }))).toEqual([
      expect.objectContaining({ level: 'warning', problem: expect.stringContaining(`chmod 600 ${p12File}`) }),
    ]);

    const saFile = write('shared-sa.json', JSON.stringify(await createServiceAccount('imops-test')));
    chmodSync(saFile, 0o604);
    const sa = await checkCertificate(fcm(saFile));
    expect(sa.level).toBe('warning');
    expect(english(sa.problems[0]!.problem)).toContain(`chmod 600 ${saFile}`);
  });

  it('a private file is fine, and a PEM certificate (public) may be readable by anyone while its key may not', async () => {
    expect((await checkCertificate(tokenCert(write('closed.p8', await createP8Key())))).level).toBe('ok');
    const a = await createApplePushCert({});
    const certFile = write('public.crt', a.certPem);
    chmodSync(certFile, 0o644);
    const keyFile = write('private.key', a.keyPem);
    const pem: ApnsCertificateConfig = {
      id: '10093',
      platform: 'apns',
      bundleId: 'com.example.app',
      environment: 'production',
      auth: { type: 'pem', certFile, keyFile },
    };
    expect((await checkCertificate(pem)).level).toBe('ok');
    chmodSync(keyFile, 0o644);
    const open = await checkCertificate(pem);
    expect(open.problems.map((p) => english(p.problem))).toEqual([expect.stringContaining(`chmod 600 ${keyFile}`)]);
  });
});

describe('tester.certificates(app)', () => {
  it('checks every certificate of the app, in order, and never shows key material', async () => {
    const sa = await createServiceAccount();
    const p8 = await createP8Key();
    const certs: CertificateConfig[] = [
      tokenCert(write('AuthKey_ABC123DEFG.p8', p8)),
      await p12Cert('list-expired', { notAfter: new Date(Date.now() - DAY), notBefore: new Date(Date.now() - 300 * DAY) }),
      fcm(write('sa2.json', JSON.stringify(sa))),
    ];
    const tester = createDeviceTester({
      providers: {
        ...DEFAULT_PROVIDERS,
        apns: { productionUrl: 'https://localhost:1', sandboxUrl: 'https://localhost:1', timeoutMs: 1000 },
        fcm: { url: 'https://localhost:1', timeoutMs: 1000 },
      },
      log: capturingLogger().log,
    });
    try {
      const health = await tester.certificates({ name: 'prod', sdkAppId: 1, secretKey: 'k', certificates: certs });
      expect(health.map((h) => [h.certificateId, h.level])).toEqual([
        ['10086', 'ok'],
        ['10090', 'failure'],
        ['20001', 'ok'],
      ]);
      const text = JSON.stringify(health);
      expect(text).not.toContain(p8.split('\n')[1]!);
      expect(text).not.toContain(sa.private_key!.split('\n')[1]!);
      expect(text).not.toContain('PRIVATE KEY');
    } finally {
      await tester.close();
    }
  });
});
