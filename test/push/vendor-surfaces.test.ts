// The Android vendors on every surface: imops.yml entries as design.md writes them, `imops push certs --live`,
// a vendor token uploaded through the device API with `platform` set to the vendor, and /pushcheck listing and
// testing it with the vendor's name on the card.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDevice } from './helpers.js';
import { main } from '../../src/cli.js';
import { createCommandCore } from '../../src/commands/core.js';
import type { Reply } from '../../src/commands/reply.js';
import type { Plan } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { Router } from '../../src/http/router.js';
import { registerDeviceRoutes } from '../../src/http/devices.js';
import { openServices, type Services } from '../../src/services.js';
import { capturedIo, capturedLogger } from '../devices/helpers.js';
import { principal } from '../scenarios/table.js';
import { huaweiToken } from '../emulators/huawei.js';
import { xiaomiToken } from '../emulators/xiaomi.js';
import { HONOR_SECRET, HW_SECRET, MI_SECRET, startVendorEmulators, type VendorEmulators } from './vendor-emulators.js';

const SDKAPPID = 1400000000;
const KEY = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

let vx: VendorEmulators;
let dir: string;
let env: NodeJS.ProcessEnv;
let config: Config;

beforeAll(async () => {
  vx = await startVendorEmulators();
  dir = mkdtempSync(join(tmpdir(), 'imops-vendors-cli-'));
  const p = vx.providers();
  const yaml = stringify({
    apps: [
      {
        name: 'prod',
        sdkAppId: SDKAPPID,
        secretKey: KEY,
        certificates: [
          { id: '30001', platform: 'huawei', appId: '104000001', clientId: '104000001', clientSecret: '${HW_SECRET}', category: 'IM' },
          { id: '30002', platform: 'honor', appId: '104000002', clientId: 'honor-client', clientSecret: '${HONOR_SECRET}', importance: 'NORMAL' },
          { id: '30003', platform: 'xiaomi', packageName: 'com.example.app', appSecret: '${MI_SECRET}', channelId: '123' },
        ],
      },
    ],
    access: { 'push.test': ['slack:UADMIN'] },
    providers: { huawei: p.huawei, honor: p.honor, xiaomi: p.xiaomi },
  });
  writeFileSync(join(dir, 'imops.yml'), yaml, { mode: 0o600 });
  env = { IMOPS_CONFIG: join(dir, 'imops.yml'), IMOPS_DATA_DIR: join(dir, 'data'), HW_SECRET, HONOR_SECRET, MI_SECRET };
  config = loadConfig({ env, cwd: dir }).config;
});
afterAll(async () => {
  await vx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function imops(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const cap = capturedIo({ ...env, ...extra }, dir);
  const code = await main(args, { io: cap.io });
  return { code, out: cap.stdout(), err: cap.stderr() };
}

describe('vendor certificates in imops.yml', () => {
  it('load as design.md writes them, with the providers block pointing at the vendors', () => {
    const [hw, ho, mi] = config.apps[0]!.certificates;
    expect(hw).toMatchObject({ platform: 'huawei', appId: '104000001', clientId: '104000001', clientSecret: HW_SECRET, category: 'IM' });
    expect(ho).toMatchObject({ platform: 'honor', importance: 'NORMAL' });
    expect(mi).toMatchObject({ platform: 'xiaomi', packageName: 'com.example.app', channelId: '123' });
    expect(config.providers.huawei.url).toBe(vx.huawei.url);
    expect(config.providers.huawei.timeoutMs).toBe(5000);
  });
});

describe('vendor secrets in logs', () => {
  it('clientSecret and appSecret are redacted wherever a log object carries them', () => {
    const { log, lines } = capturedLogger();
    log.info({ certificate: config.apps[0]!.certificates[0], other: { cert: config.apps[0]!.certificates[2] } }, 'cert');
    const text = lines.join('');
    expect(text).not.toContain(HW_SECRET);
    expect(text).not.toContain(MI_SECRET);
    expect(text).toContain('[redacted]');
  });
});

describe('imops push certs', () => {
  it('checks the fields offline, and --live asks Huawei and Honor for an access token and says what it cannot check for Xiaomi', async () => {
    const offline = await imops(['push', 'certs', '--json']);
    expect(offline.code).toBe(0);
    expect(vx.huawei.tokenRequests).toHaveLength(0);
    const live = await imops(['push', 'certs', '--live', '--json']);
    expect(live.code).toBe(0);
    const certs = (JSON.parse(live.out) as { certificates: { certificateId: string; level: string; summary: string }[] }).certificates;
    expect(certs.map((c) => c.level)).toEqual(['ok', 'ok', 'ok']);
    expect(certs[0]!.summary).toMatch(/live: Huawei issued an access token/);
    expect(certs[1]!.summary).toMatch(/live: Honor issued an access token/);
    expect(certs[2]!.summary).toMatch(/cannot check the AppSecret/);
  });

  it('--live with a wrong secret fails (exit 1), explains the refusal and never prints the secret', async () => {
    const r = await imops(['push', 'certs', '--live'], { HONOR_SECRET: 'an-app-secret-by-mistake' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/invalid_client/);
    expect(r.out).toMatch(/Client Secret/);
    expect(`${r.out}${r.err}`).not.toContain('an-app-secret-by-mistake');
  });
});

describe('upload API and /pushcheck with vendor devices', () => {
  let services: Services;
  let http: HttpServer;
  let port: number;
  const log = capturedLogger();

  beforeAll(async () => {
    services = await openServices({ config, log: log.log });
    const router = new Router();
    registerDeviceRoutes(router, { config, devices: services.devices, log: log.log, metrics: services.metrics });
    http = createHttpServer({ log: log.log, metrics: services.metrics, router, ready: () => ({ store: true }) });
    port = (await http.listen(0, '127.0.0.1')).port;
  });
  afterAll(async () => {
    await http?.close();
    await services?.close();
  });

  const upload = (userId: string, body: Record<string, unknown>) => uploadDevice({ port, sdkAppId: SDKAPPID, secretKey: KEY }, userId, body);

  it('stores vendor tokens with platform set to the vendor, and /pushcheck lists and tests them under vendor names', async () => {
    const hw = huaweiToken();
    const mi = xiaomiToken();
    expect((await upload('vera', { certificateId: '30001', token: hw, platform: 'huawei' })).status).toBe(201);
    const warned = await upload('vera', { certificateId: '30003', token: mi, platform: 'xiaomi', bundleId: 'com.example.debug' });
    expect(warned.status).toBe(201);
    expect(warned.body.warnings?.join(' ')).toMatch(/22022/);
    expect(await services.devices.list('prod', 'vera')).toEqual(
      expect.arrayContaining([expect.objectContaining({ platform: 'huawei' }), expect.objectContaining({ platform: 'xiaomi' })]),
    );

    const core = createCommandCore({ config, log: log.log, push: services.push, audit: services.audit, now: Date.now });
    const run = async (plan: Plan): Promise<Reply> => {
      if (plan.kind === 'form') throw new Error('expected a reply');
      return plan.run();
    };
    const admin = principal('slack', 'admin');
    const who = { ...admin, userId: 'UADMIN' };
    const card = await run(core.plan(who, core.parseText('pushcheck', 'vera prod')));
    const said = JSON.stringify(card);
    expect(said).toContain('Huawei Push Kit');
    expect(said).toContain('Xiaomi Mi Push');
    const start = card.actions!.find((a) => a.type === 'button' && a.label === 'Start testing')!;
    const tested = await run(core.action(who, start.id));
    expect(tested.status).toBe('success');
    expect(JSON.stringify(tested)).not.toContain(hw);
    expect(vx.xiaomi.requests.some((q) => q.form.registration_id === mi)).toBe(true);
    expect(vx.huawei.requests.some((q) => q.token === hw)).toBe(true);
  });
});
