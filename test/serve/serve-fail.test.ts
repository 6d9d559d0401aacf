// After an uncaught exception `imops serve` reports not ready before it closes: a balancer stops sending traffic
// to a process whose state is unknown. `fail()` is what the CLI calls; here it is driven in process.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createLogger } from '../../src/log.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { startServe } from '../../src/cli/serve.js';
import { tempDir } from './harness.js';

const tmp = tempDir('fail');
afterAll(() => tmp.remove());

describe('RunningServe.fail', () => {
  it('turns /readyz to 503 naming the process, while /healthz and the API still answer', async () => {
    const config: Config = { source: 'test', apps: [], access: {}, providers: structuredClone(DEFAULT_PROVIDERS), dataDir: join(tmp.dir, 'data') };
    const serve = await startServe({ config, env: {}, adapters: [], log: createLogger({ level: 'silent' }), port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${serve.url}/readyz`)).status).toBe(200);
      serve.fail('uncaught exception');
      const ready = await fetch(`${serve.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not_ready', notReady: ['process'] });
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
    } finally {
      await serve.close();
    }
  });
});
