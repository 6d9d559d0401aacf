import type { Config } from '../config/types.js';
import { findApp } from '../config/load.js';
import type { Logger } from '../log.js';
import type { DeviceStore } from '../store/ports.js';
import type { DeviceTester } from './tester.js';
import type { PushService } from './types.js';

export interface PushServiceDeps {
  config: Config;
  store: DeviceStore;
  tester: DeviceTester;
  log: Logger;
  /** Devices tested at once for one user; the providers share one connection per certificate. */
  concurrency?: number;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * The push check over the device store and the providers. `app` is the configured app's name; an unknown
 * name throws findApp's ConfigError (which lists the configured ones).
 * `test()` returns one result per device in the order `devices()` lists them, and an empty array when there
 * is nothing to test: callers render that as NO_DEVICES with its usual reasons.
 */
export function createPushService(deps: PushServiceDeps): PushService {
  const { config, store, tester, log } = deps;
  const limit = Math.max(1, deps.concurrency ?? DEFAULT_CONCURRENCY);
  let closed: Promise<void> | undefined;

  return {
    devices(app, userId) {
      return store.list(app, userId);
    },
    knownUserIds(app, prefix, max) {
      return store.knownUserIds(app, prefix, max);
    },
    async test(app, userId, options = {}) {
      const appConfig = findApp(config, app);
      const all = await store.list(appConfig.name, userId);
      const matching = options.certificateId === undefined ? all : all.filter((d) => d.certificateId === options.certificateId);
      // The store lists the most recently seen first: a cap keeps the devices the user is likely holding now.
      const devices = options.maxDevices === undefined ? matching : matching.slice(0, Math.max(0, options.maxDevices));
      const started = Date.now();
      const results = await mapBounded(devices, limit, (device) => tester.test(appConfig, device));
      log.info(
        {
          app: appConfig.name,
          userId,
          certificateId: options.certificateId,
          devices: devices.length,
          ...(devices.length < matching.length && { skipped: matching.length - devices.length }),
          verdicts: results.map((r) => r.verdict),
          ms: Date.now() - started,
        },
        'push test finished',
      );
      return results;
    },
    certificates(app) {
      return tester.certificates(findApp(config, app));
    },
    sweep(app, device) {
      return tester.sweep(findApp(config, app), device);
    },
    close() {
      closed ??= tester.close();
      return closed;
    },
  };
}

/** Like Promise.all over `items.map(fn)`, with at most `limit` calls in flight; results keep the input order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
