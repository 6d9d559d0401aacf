// One imops installation for the IM tests: a config with push certificates (the push emulators) and an `im:`
// block pointing at the IM emulator, a data directory shared by the CLI and an in-test `imops serve` HTTP
// server carrying the callback route, and IM's callbacks pointed at that server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { main } from '../../src/cli.js';
import { loadConfig } from '../../src/config/load.js';
import { CALLBACK_PATH, registerImCallbackRoute } from '../../src/im/callback.js';
import { Router } from '../../src/http/router.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { openServices, type Services } from '../../src/services.js';
import { capturedIo, capturedLogger } from '../devices/helpers.js';
import { ImEmulator, type CallbackTarget } from '../emulators/im.js';
import { startPushFixture, type PushFixture } from '../emulators/push-fixture.js';

export const SDKAPPID = 1400000000;
export const SECRET = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const CALLBACK_TOKEN = 'cb-token-4b1d';

export interface ImHarness {
  im: ImEmulator;
  fixture: PushFixture;
  services: Services;
  dir: string;
  env: NodeJS.ProcessEnv;
  callback: CallbackTarget;
  log: ReturnType<typeof capturedLogger>;
  imops(args: string[], extraEnv?: NodeJS.ProcessEnv, stdin?: string): Promise<{ code: number; out: string; err: string }>;
  /** Rewrite the config's im block (and re-open nothing: each CLI run reads the file). */
  writeConfig(im: Record<string, unknown>, access?: Record<string, string[]>): void;
  close(): Promise<void>;
}

export async function startImHarness(options: { latencyMs?: number; im?: Record<string, unknown> } = {}): Promise<ImHarness> {
  const fixture = await startPushFixture({ timeoutMs: 3000 });
  const im = new ImEmulator({ apps: [{ sdkAppId: SDKAPPID, secretKey: SECRET }], ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }) });
  await im.start();
  const dir = mkdtempSync(join(tmpdir(), 'imops-im-'));
  const configPath = join(dir, 'imops.yml');
  const env: NodeJS.ProcessEnv = { IMOPS_CONFIG: configPath, IMOPS_DATA_DIR: join(dir, 'data') };
  const writeConfig = (block: Record<string, unknown>, access: Record<string, string[]> = {}) => {
    const doc = parseYaml(fixture.configYaml({ name: 'prod', sdkAppId: SDKAPPID, secretKey: SECRET }, access)) as { apps: Record<string, unknown>[] };
    doc.apps[0]!.im = block;
    writeFileSync(configPath, stringify(doc), { mode: 0o600 });
  };
  writeConfig(options.im ?? { admin: 'administrator', url: im.origin, callbackToken: CALLBACK_TOKEN });
  const log = capturedLogger();
  const { config } = loadConfig({ env, cwd: dir });
  const services = await openServices({ config, log: log.log });
  const router = new Router();
  registerImCallbackRoute(router, { config, events: services.store.events, log: log.log });
  const http: HttpServer = createHttpServer({ log: log.log, metrics: services.metrics, router, ready: () => ({ store: true }) });
  const port = (await http.listen(0, '127.0.0.1')).port;
  const callback = { url: `http://127.0.0.1:${port}${CALLBACK_PATH}`, sdkAppId: SDKAPPID, token: CALLBACK_TOKEN };
  im.callback = callback;
  return {
    im,
    fixture,
    services,
    dir,
    env,
    callback,
    log,
    writeConfig,
    async imops(args, extraEnv = {}, stdin = '') {
      const cap = capturedIo({ ...env, ...extraEnv }, dir);
      const code = await main(args, { io: { ...cap.io, readStdin: async () => stdin } });
      return { code, out: cap.stdout(), err: cap.stderr() };
    },
    async close() {
      await http.close();
      await services.close();
      await im.close();
      await fixture.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
