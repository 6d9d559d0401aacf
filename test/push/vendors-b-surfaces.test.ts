// OPPO, vivo and Meizu devices through the surfaces: the upload API stores them with `platform` set to the
// vendor (and warns about a token of another platform), and /pushcheck lists and tests them like APNs devices,
// naming the vendor on the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDevice } from './helpers.js';
import { createCommandCore } from '../../src/commands/core.js';
import type { Reply } from '../../src/commands/reply.js';
import type { CommandCore, Plan } from '../../src/commands/types.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { registerDeviceRoutes } from '../../src/http/devices.js';
import { Router } from '../../src/http/router.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { Metrics } from '../../src/metrics.js';
import { VENDOR_ACCESS_TOKENS } from '../../src/push/providers/vendor/access-token.js';
import { createPushService } from '../../src/push/service.js';
import { createDeviceTester } from '../../src/push/tester.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { capturedLogger } from '../devices/helpers.js';
import { meizuToken, startMeizuEmulator, type MeizuEmulator } from '../emulators/meizu.js';
import { oppoToken, startOppoEmulator, type OppoEmulator } from '../emulators/oppo.js';
import { fcmToken } from '../emulators/push-fixture.js';
import { startVivoEmulator, vivoToken, type VivoEmulator } from '../emulators/vivo.js';
import { principal } from '../scenarios/table.js';

const SDKAPPID = 1400000002;
const SECRET = 'f'.repeat(64);

let oppo: OppoEmulator;
let vivo: VivoEmulator;
let meizu: MeizuEmulator;
let config: Config;
let sqlite: SqliteStore;
let server: HttpServer;
let port: number;
let core: CommandCore;
let push: ReturnType<typeof createPushService>;
const admin = principal('slack', 'admin');

beforeAll(async () => {
  VENDOR_ACCESS_TOKENS.clear();
  oppo = await startOppoEmulator({ 'oppo-key': 'oppo-master' });
  vivo = await startVivoEmulator({ '10001': { appKey: 'vivo-key', appSecret: 'vivo-secret' } });
  meizu = await startMeizuEmulator({ '110001': 'mz-secret' });
  const providers = {
    ...DEFAULT_PROVIDERS,
    oppo: { url: oppo.url, timeoutMs: 2000 },
    vivo: { url: vivo.url, timeoutMs: 2000 },
    meizu: { url: meizu.url, timeoutMs: 2000 },
  };
  config = {
    source: 'test.yml',
    dataDir: ':memory:',
    providers,
    access: { 'push.test': [`slack:${admin.userId}`] },
    apps: [
      {
        name: 'prod',
        sdkAppId: SDKAPPID,
        secretKey: SECRET,
        certificates: [
          { id: '30004', platform: 'oppo', appKey: 'oppo-key', masterSecret: 'oppo-master', channelId: 'im', category: 'IM' },
          { id: '30005', platform: 'vivo', appId: '10001', appKey: 'vivo-key', appSecret: 'vivo-secret', category: 'IM', pushMode: 0 },
          { id: '30006', platform: 'meizu', appId: '110001', appSecret: 'mz-secret' },
        ],
      },
    ],
  };
  const logs = capturedLogger();
  sqlite = openSqliteStore({ dataDir: ':memory:' });
  const router = new Router();
  registerDeviceRoutes(router, { config, devices: sqlite.devices, log: logs.log, metrics: new Metrics() });
  server = createHttpServer({ log: logs.log, metrics: new Metrics(), router, ready: () => ({ store: true }) });
  port = (await server.listen(0, '127.0.0.1')).port;
  push = createPushService({ config, store: sqlite.devices, tester: createDeviceTester({ providers, log: logs.log }), log: logs.log });
  core = createCommandCore({ config, log: logs.log, push, audit: sqlite.audit, now: Date.now });
});
afterAll(async () => {
  await push?.close();
  await server?.close();
  await sqlite?.close();
  await Promise.all([oppo?.close(), vivo?.close(), meizu?.close()]);
});

function upload(userId: string, body: unknown) {
  return uploadDevice({ port, sdkAppId: SDKAPPID, secretKey: SECRET }, userId, body);
}

const run = async (plan: Plan): Promise<Reply> => {
  if (plan.kind === 'form') throw new Error(`expected a reply, got the form ${plan.form.id}`);
  return plan.run();
};

describe('vendor devices', () => {
  it('are uploaded with platform set to the vendor, and a token of another platform is stored with a warning', async () => {
    for (const [certificateId, platform, token] of [
      ['30004', 'oppo', oppoToken('CN_')],
      ['30005', 'vivo', vivoToken()],
      ['30006', 'meizu', meizuToken()],
    ] as const) {
      const r = await upload('vera', { certificateId, platform, token });
      expect(r.status, platform).toBe(201);
      expect(r.body).toMatchObject({ warnings: [], device: { platform, certificateId } });
    }
    const wrong = await upload('walt', { certificateId: '30004', platform: 'oppo', token: fcmToken() });
    expect(wrong.status).toBe(201);
    expect((wrong.body.warnings as string[]).join(' ')).toMatch(/FCM registration token.*OPPO certificate/);
  });

  it('/pushcheck lists them with the vendor names and tests each one through its vendor', async () => {
    const shown = await run(core.plan(admin, core.parseText('pushcheck', 'vera prod')));
    const text = JSON.stringify(shown);
    for (const name of ['OPPO', 'vivo', 'Meizu']) expect(text).toContain(name);
    const button = shown.actions?.find((a) => a.type === 'button' && a.label === 'Start testing');
    expect(button).toBeDefined();
    const reply = await run(core.action(admin, button!.id));
    expect(reply.title).toBe('Test push delivered: 3 of 3 devices passed');
    expect(oppo.sends()).toHaveLength(1);
    expect(vivo.sends()).toHaveLength(1);
    expect(meizu.sends()).toHaveLength(1);
    const said = JSON.stringify(reply);
    expect(said).not.toContain('oppo-master');
    expect(said).not.toContain('mz-secret');
  });
});
