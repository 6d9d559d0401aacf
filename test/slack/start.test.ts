/**
 * Starting the Slack adapter checks the bot token (auth.test) before it reports running: a rejected token or an
 * unreachable Slack fails start() with the cause and the fix, so `imops serve` shows it and /readyz says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { Router } from '../../src/http/router.js';
import { startServe } from '../../src/cli/serve.js';
import { slackAdapter, startSlack } from '../../adapters/slack/index.js';
import { startSlackEmulator, type SlackEmulator } from '../emulators/slack.js';
import { tempDir } from '../serve/harness.js';
import { createWorld, type World } from '../scenarios/table.js';
import { BOT_TOKEN, SIGNING_SECRET } from './harness.js';

let fake: SlackEmulator;
let world: World;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  fake = await startSlackEmulator();
  world = await createWorld();
  process.on('unhandledRejection', onRejection);
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await fake?.close();
  await world?.close();
});

/** A loopback port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const start = (apiUrl: string, router = new Router()) =>
  startSlack({
    core: world.core,
    log: world.log,
    router,
    clientOptions: { retryConfig: { retries: 0 } },
    env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl },
  });

describe('Slack token check at start', () => {
  it('fails to start when Slack rejects the token, naming the variable and the fix', async () => {
    fake.failNext('auth.test', 'invalid_auth');
    const before = fake.calls.filter((c) => c.method === 'auth.test').length;
    const failed = await start(fake.apiUrl).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed!.message).toContain('SLACK_BOT_TOKEN');
    expect(failed!.message).toContain('invalid_auth');
    expect(failed!.message).toMatch(/fix: .*Bot User OAuth Token/);
    expect(failed!.message).not.toContain(BOT_TOKEN);
    expect(fake.calls.filter((c) => c.method === 'auth.test').length).toBe(before + 1);
    expect(rejections).toEqual([]);
  });

  it('fails to start when Slack cannot be reached, naming SLACK_API_URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/`;
    const failed = await start(url).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(failed!.message).toContain(`cannot reach Slack at SLACK_API_URL (${url})`);
    expect(failed!.message).toMatch(/ECONNREFUSED/);
    expect(failed!.message).toMatch(/fix: check SLACK_API_URL/);
    expect(rejections).toEqual([]);
  });

  it('starts when the token is good, and only then answers on /slack/events', async () => {
    const router = new Router();
    const running = await start(fake.apiUrl, router);
    try {
      expect(running.ready()).toBe(true);
      expect(router.match('POST', '/slack/events')).toBeDefined();
    } finally {
      await running.stop();
    }
  });
});

describe('imops serve with a Slack token that is refused', () => {
  it('shows FAILED to start in the banner, keeps serving the API, and /readyz answers 503', async () => {
    const tmp = tempDir('slack-refused');
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const config: Config = { source: 'test', apps: [], access: {}, providers: structuredClone(DEFAULT_PROVIDERS), dataDir: join(tmp.dir, 'data') };
    fake.failNext('auth.test', 'invalid_auth');
    const serve = await startServe({
      config,
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl },
      adapters: [slackAdapter],
      log: createLogger({ level: 'info', destination: sink }),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const banner = serve.banner().join('\n');
      expect(banner).toMatch(/slack:\s+FAILED to start: .*Slack rejected the bot token \(auth\.test: invalid_auth\)/);
      expect(banner).not.toContain(BOT_TOKEN);
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${serve.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ notReady: ['adapter:slack'] });
      // A Slack app that never started does not process requests as if it were running.
      expect((await fetch(`${serve.url}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(503);
      expect(lines.join('')).not.toContain(BOT_TOKEN);
      expect(rejections).toEqual([]);
    } finally {
      await serve.close();
      tmp.remove();
    }
  });
});
