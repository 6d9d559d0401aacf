// The sweep's arithmetic and pacing over imops' own ports (a stand-in push service, a real store): RATE_LIMITED
// is left out of the failure rate, a provider that keeps answering 429 slows the sweep to one push at a time,
// and the time budget leaves late devices untested.
import { afterEach, describe, expect, it } from 'vitest';
import { sweep } from '../../src/checks/sweep.js';
import type { Config } from '../../src/config/types.js';
import { DEFAULT_PROVIDERS } from '../../src/config/types.js';
import { createLogger } from '../../src/log.js';
import { maskToken } from '../../src/log.js';
import type { Device, PushResult, PushService, PushVerdict } from '../../src/push/types.js';
import { runSweep } from '../../src/push/sweep.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';

const cert = {
  id: '10086',
  platform: 'apns' as const,
  bundleId: 'com.example.app',
  environment: 'production' as const,
  auth: { type: 'token' as const, keyFile: '/nonexistent', keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
};
const app = { name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: [cert] };
const config: Config = { source: 'test', apps: [app], access: {}, providers: DEFAULT_PROVIDERS, dataDir: ':memory:' };

const result = (d: Device, verdict: PushVerdict): PushResult => ({
  certificateId: d.certificateId,
  platform: d.platform,
  token: maskToken(d.token),
  ok: verdict === 'DELIVERED',
  verdict,
  cause: `${verdict} cause.`,
  fix: `${verdict} fix.`,
  provider: {},
});

function pushService(answer: (d: Device) => Promise<PushResult>): PushService {
  return {
    devices: async () => [],
    knownUserIds: async () => [],
    test: async () => [],
    certificates: async () => [],
    sweep: (_app, d) => answer(d),
    close: async () => {},
  };
}

const stores: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});
async function storeWith(n: number) {
  const store = openSqliteStore({ dataDir: ':memory:' });
  stores.push(store);
  await store.devices.importBatch(
    Array.from({ length: n }, (_, i) => ({
      app: 'prod',
      userId: `u${i}`,
      certificateId: '10086',
      platform: 'apns' as const,
      token: `${i}`.padStart(64, 'a'),
      lastSeen: 1000 + i,
    })),
  );
  return store;
}

describe('sweep', () => {
  it('leaves RATE_LIMITED out of both sides of the failure rate, after backing off and retrying', async () => {
    const store = await storeWith(10);
    let calls = 0;
    let inFlight = 0;
    let maxInFlightAfter429 = 0;
    let seen429 = false;
    const push = pushService(async (d) => {
      calls++;
      inFlight++;
      if (seen429) maxInFlightAfter429 = Math.max(maxInFlightAfter429, inFlight);
      await Promise.resolve();
      inFlight--;
      const n = Number(d.userId.slice(1));
      if (n < 2) {
        seen429 = true;
        return result(d, 'RATE_LIMITED');
      }
      return result(d, n < 4 ? 'TOKEN_UNREGISTERED' : 'DELIVERED');
    });
    const f = await sweep(
      { config, log: createLogger({ level: 'silent' }), now: Date.now, push, devices: store.devices },
      { appConfig: app, certificate: cert, certificateId: '10086', concurrency: 8, backoffMs: 1, prune: true },
    );
    expect(f.byVerdict).toEqual({ RATE_LIMITED: 2, TOKEN_UNREGISTERED: 2, DELIVERED: 6 });
    expect(f.tested).toBe(10);
    expect(f.failureRate).toBe(2 / 8);
    expect(f.failing).toBe(true);
    // Each rate-limited device was tried once and retried three times.
    expect(calls).toBe(8 + 2 * 4);
    expect(f.rateLimitedAnswers).toBe(8);
    expect(maxInFlightAfter429).toBeLessThanOrEqual(4);
    expect(f.pruned).toBe(2);
    expect(await store.devices.listByCertificate('prod', '10086', 100)).toHaveLength(8);
  });

  it('stops starting pushes when the time budget is spent: the rest stay untested', async () => {
    let clock = 0;
    const devices = Array.from({ length: 5 }, (_, i) => ({
      app: 'prod',
      userId: `u${i}`,
      certificateId: '10086',
      platform: 'apns' as const,
      token: `t${i}`,
      warnings: [],
      firstUploaded: '',
      lastSeen: '',
    }));
    const outcome = await runSweep({
      devices,
      concurrency: 1,
      budgetMs: 100,
      now: () => clock,
      test: async (d) => {
        clock += 60;
        return result(d, 'DELIVERED');
      },
    });
    expect(outcome.tested.map((t) => t.device.userId)).toEqual(['u0', 'u1']);
    expect(outcome.untested).toBe(3);
  });
});
