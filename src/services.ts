import type { Config } from './config/types.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { openStore, type AuditLog, type DeviceStore, type Store } from './store/index.js';
import { createPushService } from './push/service.js';
import { createDeviceTester } from './push/tester.js';
import type { PushService } from './push/types.js';

export interface ServicesOptions {
  config: Config;
  log: Logger;
  metrics?: Metrics;
  /** Where the store lives; config.dataDir by default. `:memory:` for a throwaway store. */
  dataDir?: string;
}

/** Everything the commands, the HTTP API and the adapters share, opened once per process. */
export interface Services {
  config: Config;
  log: Logger;
  metrics: Metrics;
  store: Store;
  devices: DeviceStore;
  audit: AuditLog;
  push: PushService;
  /** Close the provider connections, then the store. Safe to call more than once. */
  close(): Promise<void>;
}

export async function openServices(options: ServicesOptions): Promise<Services> {
  const { config, log } = options;
  const metrics = options.metrics ?? new Metrics();
  const store = await openStore({ dataDir: options.dataDir ?? config.dataDir, ...(config.database && { database: config.database }) });
  let push: PushService;
  try {
    const tester = createDeviceTester({ providers: config.providers, log, metrics });
    push = createPushService({ config, store: store.devices, tester, log });
  } catch (err) {
    await store.close();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    config,
    log,
    metrics,
    store,
    devices: store.devices,
    audit: store.audit,
    push,
    close() {
      closing ??= (async () => {
        try {
          await push.close();
        } finally {
          await store.close();
        }
      })();
      return closing;
    },
  };
}
