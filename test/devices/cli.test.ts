import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { languageProblems } from '../text/language.js';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadConfig } from '../../src/config/load.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { Router } from '../../src/http/router.js';
import { registerDeviceRoutes } from '../../src/http/devices.js';
import { openServices, type Services } from '../../src/services.js';
import { generateUserSig } from '../../src/usersig/index.js';
import { apnsToken, fcmToken, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { createApplePushCert } from '../emulators/tls.js';
import { capturedIo, capturedLogger } from './helpers.js';

const SDKAPPID = 1400000000;
const SECRET = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('imops devices / push / audit (in process, against the push emulators)', () => {
  let fixture: PushFixture;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let services: Services;
  let http: HttpServer;
  let port: number;
  const apiLog = capturedLogger();

  beforeAll(async () => {
    fixture = await startPushFixture({ timeoutMs: 3000 });
    dir = mkdtempSync(join(tmpdir(), 'imops-cli-'));
    const configPath = join(dir, 'imops.yml');
    writeFileSync(configPath, fixture.configYaml({ name: 'prod', sdkAppId: SDKAPPID, secretKey: SECRET }), { mode: 0o600 });
    env = { IMOPS_CONFIG: configPath, IMOPS_DATA_DIR: join(dir, 'data') };
    // The device API of `imops serve`, on the same data directory the CLI reads.
    const { config } = loadConfig({ env, cwd: dir });
    services = await openServices({ config, log: apiLog.log });
    const router = new Router();
    registerDeviceRoutes(router, { config, devices: services.devices, log: apiLog.log, metrics: services.metrics });
    http = createHttpServer({ log: apiLog.log, metrics: services.metrics, router, ready: () => ({ store: true }) });
    port = (await http.listen(0, '127.0.0.1')).port;
  });
  afterAll(async () => {
    await http?.close();
    await services?.close();
    await fixture?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    fixture.reset();
    for (const userId of await services.devices.knownUserIds('prod', '', 1000)) await services.devices.remove('prod', userId);
  });

  async function imops(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    const cap = capturedIo({ ...env, ...extraEnv }, dir);
    const code = await main(args, { io: cap.io });
    return { code, out: cap.stdout(), err: cap.stderr() };
  }

  /** What the app does after login: PUT /v1/devices with the user's own UserSig. */
  function uploadThroughApi(
    userId: string,
    body: Record<string, unknown>,
    userSig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId }),
  ): Promise<number> {
    const text = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/v1/devices',
          headers: {
            authorization: `UserSig ${userSig}`,
            'x-sdkappid': String(SDKAPPID),
            'x-userid': userId,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  it('push test: a device uploaded through the API gets a real test notification and shows DELIVERED', async () => {
    const token = apnsToken();
    expect(await uploadThroughApi('alice', { certificateId: '10086', token, appVersion: '3.2.1' })).toBe(201);

    const r = await imops(['push', 'test', 'alice']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✓ Test push delivered: 1 of 1 device passed/);
    expect(r.out).toMatch(/✓ PASS · APNs · certificate 10086 · DELIVERED/);
    expect(r.out).toMatch(new RegExp(`Token: +${token.slice(0, 6)}…${token.slice(-4)}`));
    expect(r.out).toMatch(/Message ID: +\S+/);
    expect(r.out).toMatch(/App version: +3\.2\.1/);
    expect(r.out).not.toContain(token);

    const [sent] = await fixture.apns.production.waitForRequests(1);
    expect(sent).toMatchObject({ token, topic: 'com.example.app', pushType: 'alert' });
  });

  it("push test: each failure shows its verdict, cause, fix and the provider's answer, and exits 1", async () => {
    const unregistered = apnsToken();
    fixture.apns.production.program(unregistered, { kind: 'reject', reason: 'Unregistered', timestamp: Date.now() });
    const sandboxOnly = apnsToken();
    fixture.tokenOnlyIn('sandbox', sandboxOnly);
    const wrongPlatform = fcmToken();
    await uploadThroughApi('bob', { certificateId: '10086', token: unregistered });
    await uploadThroughApi('bob', { certificateId: '10086', token: sandboxOnly });
    await uploadThroughApi('bob', { certificateId: '10086', token: wrongPlatform });

    const r = await imops(['push', 'test', 'bob']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✗ Test push failed on 3 of 3 devices/);
    const section = (verdict: string) => {
      const start = r.out.indexOf(`· ${verdict}\n`);
      expect(start, `${verdict} in:\n${r.out}`).toBeGreaterThanOrEqual(0);
      const end = r.out.indexOf('\n\n', start);
      return r.out.slice(start, end < 0 ? undefined : end);
    };
    expect(section('TOKEN_UNREGISTERED')).toMatch(/Provider status: +410\n +Provider reason: +Unregistered[\s\S]*Cause: +\S+[\s\S]*Fix: +\S+/);
    const env = section('TOKEN_ENVIRONMENT_MISMATCH');
    expect(env).toMatch(/Fix: [\s\S]*sandbox/);
    expect(env).toMatch(/10087/);
    expect(section('PLATFORM_MISMATCH')).toMatch(/Cause: [\s\S]*FCM[\s\S]*Fix: /);
    for (const t of [unregistered, sandboxOnly, wrongPlatform]) expect(r.out).not.toContain(t);
  });

  it("push test --json prints one document with each device's result, tokens masked", async () => {
    const good = apnsToken();
    const bad = apnsToken();
    fixture.apns.production.program(bad, { kind: 'reject', reason: 'DeviceTokenNotForTopic' });
    await uploadThroughApi('carol', { certificateId: '10086', token: good });
    await uploadThroughApi('carol', { certificateId: '10086', token: bad });
    const r = await imops(['push', 'test', 'carol', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as {
      ok: boolean;
      results: { verdict: string; ok: boolean; token: string; provider: { status?: number; reason?: string } }[];
    };
    expect(doc.ok).toBe(false);
    expect(doc.results.map((x) => x.verdict).sort()).toEqual(['DELIVERED', 'TOKEN_NOT_FOR_TOPIC']);
    expect(doc.results.find((x) => !x.ok)!.provider).toMatchObject({ status: 400, reason: 'DeviceTokenNotForTopic' });
    expect(r.out).not.toContain(good);
    expect(r.out).not.toContain(bad);
  });

  it('push test --json in Chinese keeps the verdict codes and field names, with cause and fix in Chinese', async () => {
    const bad = apnsToken();
    fixture.apns.production.program(bad, { kind: 'reject', reason: 'DeviceTokenNotForTopic' });
    await uploadThroughApi('cleo', { certificateId: '10086', token: bad });
    const r = await imops(['--lang', 'zh-CN', 'push', 'test', 'cleo', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { results: { verdict: string; ok: boolean; cause: unknown; fix: unknown; provider: { reason?: string } }[] };
    const [result] = doc.results;
    expect(result).toMatchObject({ verdict: 'TOKEN_NOT_FOR_TOPIC', ok: false, provider: { reason: 'DeviceTokenNotForTopic' } });
    // One language per document: strings, never a map of languages.
    expect(typeof result!.cause).toBe('string');
    expect(result!.cause).toMatch(/[\u4e00-\u9fff]/);
    expect(languageProblems(`${String(result!.cause)} ${String(result!.fix)}`, 'zh-CN')).toEqual([]);
    expect(r.out).not.toContain('"zh-CN"');
    expect(r.out).not.toContain(bad);
  });

  it("push test --cert tests only that certificate's devices; an unknown certificate is a usage error", async () => {
    await uploadThroughApi('dana', { certificateId: '10086', token: apnsToken() });
    const fcm = fcmToken();
    await uploadThroughApi('dana', { certificateId: '20001', token: fcm });
    const r = await imops(['push', 'test', 'dana', '--cert', '10086']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 of 1 device passed/);
    expect(fixture.fcm.requests ?? []).toEqual([]);

    const unknown = await imops(['push', 'test', 'dana', '--cert', '55555']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /certificate ID "55555" is not configured for app prod \(SDKAppID 1400000000\); configured: 10086 \(APNs production, com\.example\.app\), 10087 \(APNs sandbox, com\.example\.app\), 20001 \(FCM\)/,
    );

    const other = await imops(['push', 'test', 'dana', '--cert', '10087']);
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/^! No devices for dana with certificate 10087/);
    expect(other.out).toMatch(/Cause: +dana uploaded no device with certificate 10087; their devices use certificates 10086, 20001\./);
  });

  it('push test with no devices says NO_DEVICES, that the check ends there, and the usual reasons', async () => {
    const r = await imops(['push', 'test', 'nobody']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^! No devices for nobody in prod/);
    expect(r.out).toMatch(/Cause: +nobody has no device uploaded in app prod \(SDKAppID 1400000000\).*the check ends here/);
    expect(r.out).toMatch(/Usual reasons:\n +- The app never reported its token after login[\s\S]*logged out[\s\S]*another app or SDKAppID/);
    expect(r.out).toMatch(/Code: +NO_DEVICES/);
    const json = JSON.parse((await imops(['push', 'test', 'nobody', '--json'])).out) as { verdict: string; ok: boolean; results: unknown[]; reasons: string[] };
    expect(json).toMatchObject({ verdict: 'NO_DEVICES', ok: false, results: [] });
    expect(json.reasons).toHaveLength(3);
  });

  it('devices add stores what it is given, warns about what looks wrong, and devices list shows it masked', async () => {
    const token = apnsToken();
    const fcm = fcmToken();
    const add = await imops(['devices', 'add', 'erin', '--cert', '10086', '--token', token, '--app-version', '2.0']);
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/Stored an APNs device for erin in app prod/);
    const wrong = await imops(['devices', 'add', 'erin', '--cert', '10086', '--token', fcm]);
    expect(wrong.code).toBe(0);
    expect(wrong.out).toMatch(/warning: The token looks like an FCM registration token but certificate 10086 is an APNs certificate/);

    const list = await imops(['devices', 'list', 'erin']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^• Devices of erin in prod\n\n {2}2 devices uploaded/);
    expect(list.out).toMatch(new RegExp(`iOS \\(APNs\\) · certificate 10086\\n[\\s\\S]*Token: +${token.slice(0, 6)}…${token.slice(-4)} \\(64 chars\\)`));
    expect(list.out).toMatch(/App version: +2\.0/);
    expect(list.out).toMatch(/Warnings: +The token looks like an FCM registration token/);
    expect(list.out).not.toContain(token);
    expect(list.out).not.toContain(fcm);

    const json = JSON.parse((await imops(['devices', 'list', 'erin', '--json'])).out) as { devices: { token: string; warnings: string[] }[] };
    expect(json.devices).toHaveLength(2);
    expect(json.devices.every((d) => d.token.includes('…'))).toBe(true);

    const empty = await imops(['devices', 'list', 'nobody']);
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/NO_DEVICES/);
  });

  it('an unknown certificate ID is stored with a warning by the upload API and devices add, and push test explains it in the same words', async () => {
    const token = apnsToken();
    const text = JSON.stringify({ certificateId: '55555', token });
    const api = await new Promise<{ status: number; body: { warnings: string[]; platformFrom: string } }>((resolve, reject) => {
      const userSig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId: 'gail' });
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/v1/devices',
          headers: {
            authorization: `UserSig ${userSig}`,
            'x-sdkappid': String(SDKAPPID),
            'x-userid': 'gail',
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
    expect(api.status).toBe(201);
    const problem =
      /^Stored, but (certificate ID "55555" is not configured for app prod \(SDKAppID 1400000000\); configured: 10086 \(APNs production, com\.example\.app\), .*)\. A test push/.exec(
        api.body.warnings[0]!,
      )?.[1];
    expect(problem).toBeDefined();
    // No platform in the report: the token's shape says APNs, and the answer says that was assumed.
    expect(api.body.platformFrom).toBe('token');
    expect(api.body.warnings[1]).toBe('Stored as an APNs device (because the token looks like one).');

    // The device the API stored: the test push stops with the same explanation, naming the configured IDs.
    const push = await imops(['push', 'test', 'gail', '--json']);
    expect(push.code).toBe(1);
    const [result] = (JSON.parse(push.out) as { results: { verdict: string; cause: string; fix: string }[] }).results;
    expect(result).toMatchObject({ verdict: 'UNKNOWN_CERTIFICATE', cause: `The app uploaded this token with ${problem}.` });
    expect(result!.fix).toMatch(/^Use one of the configured certificate IDs/);

    const add = await imops(['devices', 'add', 'gail', '--cert', '55555', '--token', token, '--platform', 'fcm']);
    expect(add.code).toBe(0);
    expect(add.out).toContain(`warning: Stored, but ${problem}.`);
    expect(add.out).toContain('Stored as an FCM device (as the app reported).');
    expect(await services.devices.list('prod', 'gail')).toEqual([expect.objectContaining({ certificateId: '55555', platform: 'fcm' })]);
  });

  it('devices add, audit and the fleet commands speak Chinese to a Chinese reader (--lang zh-CN or LANG)', async () => {
    const token = apnsToken();
    const add = await imops(['--lang', 'zh-CN', 'devices', 'add', 'erin', '--cert', '10086', '--token', token]);
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^已为 erin 保存一台 APNs 设备（应用 prod）。\n {2}证书： +10086（.*）\n {2}Token： +/);
    const again = await imops(['devices', 'add', 'erin', '--cert', '10086', '--token', token], { LANG: 'zh_CN.UTF-8' });
    expect(again.out).toMatch(/^已更新 erin 的 APNs 设备（应用 prod）。/);
    const wrong = await imops(['--lang', 'zh-CN', 'devices', 'add', 'erin', '--cert', '10086', '--token', fcmToken()]);
    expect(wrong.out).toMatch(/^ {2}警告：/m);
    expect(wrong.out).toContain('（仍已保存：`imops push test` 会显示各推送服务对它的判断）');
    const empty = await imops(['--lang', 'zh-CN', 'devices', 'add', 'erin', '--cert', '10086', '--token', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.err).toBe('imops: --token 为空\n  处理方法：请传入 App 上报的设备 Token');

    const audit = await imops(['--lang', 'zh-CN', 'audit', '--limit', '2'], { TZ: 'Asia/Shanghai' });
    expect(audit.code).toBe(0);
    const [head, first] = audit.out.split('\n');
    expect(head).toMatch(/^时间 +操作者 +操作 +应用 +UserID +结果 +详情$/);
    expect(first).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+8（.*） {2,}cli:\S+ +devices\.report +prod +erin +created/);
    // Columns line up on the terminal: a Chinese character takes two columns.
    const width = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
    expect(width(head!.slice(0, head!.indexOf('操作者')))).toBe(width(first!.slice(0, first!.indexOf('cli:'))));
    const limit = await imops(['audit', '--limit', '0'], { LANG: 'zh_CN.UTF-8' });
    expect(limit.err).toBe('imops: --limit 必须是 1 到 10000 之间的整数，实际为 "0"\n  处理方法：例如 --limit 50');

    const rate = await imops(['--lang', 'zh-CN', 'push', 'sweep', '--cert', '10086', '--max-failure-rate', '2']);
    expect(rate.code).toBe(2);
    expect(rate.err).toContain('imops: --max-failure-rate 必须是 0 到 1 之间的数字，实际为 "2"\n  处理方法：例如 0.2（受测设备的 20%）');
    const sample = await imops(['--lang', 'zh-CN', 'push', 'sweep', '--cert', '10086', '--sample', '0']);
    expect(sample.err).toContain('imops: --sample 必须是 1 到 100000 之间的整数，实际为 "0"');
    const file = await imops(['--lang', 'zh-CN', 'devices', 'import', join(dir, 'missing.jsonl')]);
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/^imops: 无法读取 .*missing\.jsonl（ENOENT）\n {2}处理方法：请给出一个 JSON Lines 文件的路径$/);
  });

  it('devices add stores an unknown certificate with a warning listing what is configured, and refuses an unknown app with exit 2', async () => {
    const cert = await imops(['devices', 'add', 'erin', '--cert', '999', '--token', apnsToken()]);
    expect(cert.code).toBe(0);
    expect(cert.out).toMatch(/warning: Stored, but certificate ID "999" is not configured for app prod \(SDKAppID 1400000000\); configured: 10086/);
    const app = await imops(['devices', 'list', 'erin', '--app', 'staging']);
    expect(app.code).toBe(2);
    expect(app.err).toMatch(/no app named "staging"; configured: prod/);
    const usage = await imops(['devices', 'add', 'erin', '--cert', '10086']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--token/);
  });

  it('push certs reports each credential; an expired certificate and a wrong environment fail with their fixes', async () => {
    const healthy = await imops(['push', 'certs']);
    expect(healthy.code).toBe(0);
    expect(healthy.out).toMatch(/^✓ Push certificates of app prod: 3 ok$/m);
    for (const id of ['10086', '10087', '20001']) expect(healthy.out).toMatch(new RegExp(`^✓ OK · certificate ${id} · (APNs|FCM)`, 'm'));

    // Add two certificate-auth credentials: one expired, one sandbox-only but configured for production.
    const expired = await createApplePushCert({ notBefore: new Date(Date.now() - 400 * 86400_000), notAfter: new Date(Date.now() - 86400_000) });
    const sandboxOnly = await createApplePushCert({ environments: ['sandbox'] });
    const certDir = join(dir, 'certs');
    mkdirSync(certDir, { recursive: true });
    writeFileSync(join(certDir, 'expired.pem'), expired.certPem);
    writeFileSync(join(certDir, 'expired.key'), expired.keyPem, { mode: 0o600 });
    writeFileSync(join(certDir, 'dev.pem'), sandboxOnly.certPem);
    writeFileSync(join(certDir, 'dev.key'), sandboxOnly.keyPem, { mode: 0o600 });
    const doc = parseYaml(readFileSync(env.IMOPS_CONFIG!, 'utf8')) as { apps: { certificates: unknown[] }[] };
    doc.apps[0]!.certificates.push(
      {
        id: '30001',
        platform: 'apns',
        bundleId: 'com.example.app',
        environment: 'production',
        auth: { type: 'pem', certFile: join(certDir, 'expired.pem'), keyFile: join(certDir, 'expired.key') },
      },
      {
        id: '30002',
        platform: 'apns',
        bundleId: 'com.example.app',
        environment: 'production',
        auth: { type: 'pem', certFile: join(certDir, 'dev.pem'), keyFile: join(certDir, 'dev.key') },
      },
    );
    const badConfig = join(dir, 'bad-certs.yml');
    writeFileSync(badConfig, stringify(doc));

    const r = await imops(['--config', badConfig, 'push', 'certs']);
    expect(r.code).toBe(1);
    const block = (id: string) => r.out.slice(r.out.indexOf(`certificate ${id}`), r.out.indexOf('\n\n', r.out.indexOf(`certificate ${id}`)) >>> 0);
    expect(r.out).toMatch(/^✗ FAIL · certificate 30001 · APNs/m);
    expect(block('30001')).toMatch(/Problem: .*expired[\s\S]*Fix: /i);
    expect(r.out).toMatch(/^✗ FAIL · certificate 30002 · APNs/m);
    expect(block('30002')).toMatch(/Problem: .*(sandbox|development)[\s\S]*Fix: /i);
    expect(r.out).not.toContain(expired.keyPem.split('\n')[1]!);

    const json = JSON.parse((await imops(['--config', badConfig, 'push', 'certs', '--json'])).out) as {
      ok: boolean;
      certificates: { certificateId: string; level: string }[];
    };
    expect(json.ok).toBe(false);
    expect(
      json.certificates
        .filter((c) => c.level === 'failure')
        .map((c) => c.certificateId)
        .sort(),
    ).toEqual(['30001', '30002']);
  });

  it('push certs warns (WARN, exit 0) about a key file other users of the server can read, naming chmod 600 and the file', async () => {
    type Entry = { id: string; auth?: { keyFile?: string } };
    const doc = parseYaml(readFileSync(env.IMOPS_CONFIG!, 'utf8')) as { apps: { certificates: Entry[] }[] };
    const cert = doc.apps[0]!.certificates.find((c) => c.id === '10086')!;
    const open = join(dir, 'shared-AuthKey.p8');
    writeFileSync(open, readFileSync(cert.auth!.keyFile!));
    chmodSync(open, 0o644);
    doc.apps[0]!.certificates = [{ ...cert, auth: { ...cert.auth, keyFile: open } }];
    const shared = join(dir, 'shared-key.yml');
    writeFileSync(shared, stringify(doc));
    const r = await imops(['--config', shared, 'push', 'certs']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^! WARN · certificate 10086 · APNs/m);
    expect(r.out).toMatch(/Warning: .*readable by other users/);
    expect(r.out).toContain(`chmod 600 ${open}`);
  });

  it('push certs with no certificate configured is a configuration error (exit 2) that says what to add', async () => {
    const bare = join(dir, 'no-certs.yml');
    writeFileSync(bare, stringify({ apps: [{ name: 'bare', sdkAppId: SDKAPPID, secretKey: SECRET }] }));
    const r = await imops(['--config', bare, 'push', 'certs']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /configuration error: .*no-certs\.yml: apps\[0\]\.certificates: app bare has no push certificates\n {2}fix: list the app's push certificates \(APNs, FCM, /,
    );
  });

  it('audit lists who tested which UserID and how it ended, newest first', async () => {
    await uploadThroughApi('frank', { certificateId: '10086', token: apnsToken() });
    await imops(['push', 'test', 'frank']);
    await imops(['push', 'test', 'ghost']);
    const r = await imops(['audit', '--limit', '2']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^time +who +action +app +UserID +outcome +detail$/);
    expect(lines[1]).toMatch(/cli:\S+ +push\.test +prod +ghost +no devices/);
    expect(lines[2]).toMatch(/cli:\S+ +push\.test +prod +frank +1\/1 delivered +DELIVERED/);
    expect(lines).toHaveLength(3);
    const json = JSON.parse((await imops(['audit', '--json', '--limit', '1'])).out) as { entries: { target: string }[] };
    expect(json.entries.map((e) => e.target)).toEqual(['ghost']);
    const bad = await imops(['audit', '--limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--limit must be a whole number from 1 to 10000/);
  });

  it('never shows the UserSig, the full token or the key in any output or log line, even at trace level', async () => {
    const token = apnsToken();
    const userSig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId: 'henry' });
    fixture.apns.production.program(token, { kind: 'reject', reason: 'BadDeviceToken' });
    await uploadThroughApi('henry', { certificateId: '10086', token }, userSig);
    const runs = [
      await imops(['push', 'test', 'henry'], { LOG_LEVEL: 'trace' }),
      await imops(['push', 'test', 'henry', '--json'], { LOG_LEVEL: 'trace' }),
      await imops(['devices', 'list', 'henry'], { LOG_LEVEL: 'trace' }),
      await imops(['devices', 'add', 'henry', '--cert', '10087', '--token', token], { LOG_LEVEL: 'trace' }),
    ];
    const everything = [...runs.flatMap((r) => [r.out, r.err]), apiLog.text()].join('\n');
    expect(runs[0]!.err).toMatch(/push test finished/);
    const p8 = readFileSync(join(fixture.dir, 'AuthKey_ABC123DEFG.p8'), 'utf8').split('\n')[1]!;
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(userSig);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(p8);
  });
});
