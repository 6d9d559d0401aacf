import { describe, expect, it } from 'vitest';
import { createPushService } from '../../src/push/service.js';
import type { DeviceTester } from '../../src/push/tester.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { maskToken } from '../../src/log.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { ConfigError } from '../../src/errors.js';
import type { PushResult } from '../../src/push/types.js';
import { capturedLogger } from './helpers.js';

const config: Config = {
  source: 'test',
  dataDir: ':memory:',
  access: {},
  providers: DEFAULT_PROVIDERS,
  apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: [] }],
};

/**
 * A tester that holds every send until the test releases it, so the test sees how many are in flight.
 * (The real provider path is covered end to end in cli.test.ts.)
 */
function heldTester() {
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let closes = 0;
  const watchers: { n: number; resolve: () => void }[] = [];
  const notify = () => {
    for (const w of [...watchers])
      if (waiting.length >= w.n) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
  };
  const tester: DeviceTester = {
    async test(_app, device) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const released = new Promise<void>((r) => waiting.push(r));
      notify();
      await released;
      inFlight--;
      const result: PushResult = {
        certificateId: device.certificateId,
        platform: device.platform,
        token: maskToken(device.token),
        ok: true,
        verdict: 'DELIVERED',
        cause: 'accepted',
        fix: '',
        provider: { status: 200 },
      };
      return result;
    },
    sweep() {
      throw new Error('a push test never sweeps');
    },
    async certificates() {
      return [];
    },
    async close() {
      closes++;
    },
  };
  return {
    tester,
    pending: () => waiting.length,
    releaseAll: () => {
      for (const r of waiting.splice(0)) r();
    },
    /** Resolves once `n` sends are held (at once if they already are). */
    whenPending: (n: number) =>
      new Promise<void>((resolve) => {
        watchers.push({ n, resolve });
        notify();
      }),
    stats: () => ({ maxInFlight, closes }),
  };
}

describe('push service', () => {
  const setup = (concurrency?: number) => {
    const store = openSqliteStore({ dataDir: ':memory:' }).devices;
    const held = heldTester();
    const service = createPushService({ config, store, tester: held.tester, log: capturedLogger().log, ...(concurrency && { concurrency }) });
    return { store, held, service };
  };
  const token = (i: number) => i.toString(16).padStart(64, '0');

  it('returns [] when the user has no devices, or none under the chosen certificate', async () => {
    const { store, service } = setup();
    expect(await service.test('prod', 'alice')).toEqual([]);
    await store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: token(1) });
    expect(await service.test('prod', 'alice', { certificateId: '20001' })).toEqual([]);
  });

  it('tests only the devices uploaded with the chosen certificate', async () => {
    const { store, held, service } = setup();
    await store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: token(1) });
    await store.upsert({ app: 'prod', userId: 'alice', certificateId: '20001', platform: 'fcm', token: token(2) });
    const running = service.test('prod', 'alice', { certificateId: '20001' });
    await held.whenPending(1);
    held.releaseAll();
    expect((await running).map((r) => r.certificateId)).toEqual(['20001']);
  });

  it("runs at most `concurrency` devices at once and keeps the devices' order", async () => {
    const { store, held, service } = setup(3);
    for (let i = 0; i < 8; i++) await store.upsert({ app: 'prod', userId: 'alice', certificateId: String(10000 + i), platform: 'apns', token: token(i) });
    let finished = false;
    const done = service.test('prod', 'alice').finally(() => {
      finished = true;
    });
    // Waves of 3, 3, then the last 2: each release lets the next wave in.
    for (const wave of [3, 3, 2]) {
      await held.whenPending(wave);
      expect(held.pending()).toBe(wave);
      expect(finished).toBe(false);
      held.releaseAll();
    }
    const results = await done;
    expect(held.stats().maxInFlight).toBe(3);
    expect(results.map((r) => r.certificateId)).toEqual((await service.devices('prod', 'alice')).map((d) => d.certificateId));
  });

  it('names the configured apps when asked for an unknown one, and closes the tester once', async () => {
    const { held, service } = setup();
    await expect(service.test('staging', 'alice')).rejects.toThrow(ConfigError);
    await expect(service.test('staging', 'alice')).rejects.toThrow(/no app named "staging"; configured: prod/);
    await Promise.all([service.close(), service.close()]);
    expect(held.stats().closes).toBe(1);
  });
});
