import type { AppConfig, Config } from '../config/types.js';
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
        { app: appConfig.name, userId, certificateId: options.certificateId, devices: devices.length, ...(devices.length < matching.length && { skipped: matching.length - devices.length }), verdicts: results.map((r) => r.verdict), ms: Date.now() - started },
        'push test finished',
      );
      return results;
    },
    certificates(app) {
      return tester.certificates(findApp(config, app));
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

/**
 * Why a UserID may have no device to test, for every surface that says NO_DEVICES (the CLI and the chat
 * commands): each starts lower-case, and surfaces that show a list capitalise it.
 */
export const NO_DEVICES_REASONS: readonly string[] = [
  'the app never reported its token after login: it must register for push and upload its device token, with the certificate ID, after every successful IM login',
  'the user logged out: logout unbinds the token, so offline pushes stop until the next login uploads it again',
  'wrong app or UserID: the app logs in to another app or SDKAppID than the one checked, or with a UserID spelled differently (UserIDs are compared exactly, case and spaces included)',
];

/** The first reason when a certificate filter left nothing while the user has other devices. */
export const OTHER_CERTIFICATE_REASON =
  'uploaded with another certificate: the build registers its token with a different certificate ID than the one tested (debug and release builds, or the iOS and Android apps, use different IDs)';

export interface NoDevices {
  verdict: 'NO_DEVICES';
  cause: string;
  fix: string;
  reasons: readonly string[];
}

/**
 * The NO_DEVICES explanation. `others` are the certificate IDs the user did upload with, when a
 * certificate filter left nothing.
 */
export function explainNoDevices(app: AppConfig, userId: string, certificateId?: string, others: readonly string[] = []): NoDevices {
  if (certificateId !== undefined && others.length > 0) {
    const ids = [...new Set(others)].sort();
    return {
      verdict: 'NO_DEVICES',
      cause: `${userId} uploaded no device with certificate ${certificateId}; their devices use certificate${ids.length === 1 ? '' : 's'} ${ids.join(', ')}.`,
      fix: `Test with certificate ${ids.join(' or ')}, or check which certificate ID the build registers with (debug and release builds use different IDs).`,
      reasons: [OTHER_CERTIFICATE_REASON, ...NO_DEVICES_REASONS],
    };
  }
  return {
    verdict: 'NO_DEVICES',
    cause: `${userId} has no device uploaded in app ${app.name} (SDKAppID ${app.sdkAppId}), so there is nothing to push to: the check ends here.`,
    fix: 'Log in on the device again and make sure the app registers for push and reports its token after login, then run the check again.',
    reasons: NO_DEVICES_REASONS,
  };
}
