import type { Config } from './config/types.js';
import type { Logger } from './log.js';
import { Metrics } from './metrics.js';
import { openDatabase, type Db } from './store/db.js';
import { createAuditLog, type AuditLog } from './access/audit.js';
import { createDeviceStore, type DeviceStore } from './push/devices.js';
import { createPushService } from './push/service.js';
import { createDeviceTester } from './push/tester.js';
import type { PushService } from './push/types.js';

export interface ServicesOptions {
  config: Config;
  log: Logger;
  metrics?: Metrics;
  /** Where the store lives; config.dataDir by default. `:memory:` for a throwaway store. */
  dataDir?: string | ':memory:';
}

/** Everything the commands, the HTTP API and the adapters share, opened once per process. */
export interface Services {
  config: Config;
  log: Logger;
  metrics: Metrics;
  db: Db;
  devices: DeviceStore;
  audit: AuditLog;
  push: PushService;
  /** Close the provider connections, then the database. Safe to call more than once. */
  close(): Promise<void>;
}

export function openServices(options: ServicesOptions): Services {
  const { config, log } = options;
  const metrics = options.metrics ?? new Metrics();
  const db = openDatabase(options.dataDir ?? config.dataDir);
  const devices = createDeviceStore(db);
  const audit = createAuditLog(db);
  let push: PushService;
  try {
    const tester = createDeviceTester({ providers: config.providers, log, metrics });
    push = createPushService({ config, store: devices, tester, log });
  } catch (err) {
    db.close();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    config,
    log,
    metrics,
    db,
    devices,
    audit,
    push,
    close() {
      closing ??= (async () => {
        try {
          await push.close();
        } finally {
          // Prepared statements die with the handle; WAL is checkpointed on close.
          if (db.open) db.close();
        }
      })();
      return closing;
    },
  };
}
