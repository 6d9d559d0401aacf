// A device as both stores keep it: the same columns in SQLite and Postgres, mapped to and from `Device` once.
import type { Device, DeviceInput } from './ports.js';
import type { Text } from '../text/words.js';

/** The columns of a `devices` row that do not depend on the database's types. */
export interface DeviceColumns {
  app: string;
  user_id: string;
  token: string;
  certificate_id: string;
  platform: Device['platform'];
  environment: Device['environment'] | null;
  bundle_id: string | null;
  app_version: string | null;
  device_model: string | null;
  os_version: string | null;
}

/** `warnings` and the times are stored differently (JSON text or jsonb; integer or bigint text): the caller reads them. */
export function deviceFromRow(r: DeviceColumns, warnings: Text[], firstUploaded: number, lastSeen: number): Device {
  return {
    app: r.app,
    userId: r.user_id,
    certificateId: r.certificate_id,
    platform: r.platform,
    token: r.token,
    ...(r.environment !== null && { environment: r.environment }),
    ...(r.bundle_id !== null && { bundleId: r.bundle_id }),
    ...(r.app_version !== null && { appVersion: r.app_version }),
    ...(r.device_model !== null && { deviceModel: r.device_model }),
    ...(r.os_version !== null && { osVersion: r.os_version }),
    warnings,
    firstUploaded: new Date(firstUploaded).toISOString(),
    lastSeen: new Date(lastSeen).toISOString(),
  };
}

/** The device an upsert stored, from what was reported and the times the store gave it. */
export function deviceFromInput(input: DeviceInput, firstUploaded: number, lastSeen: number): Device {
  return {
    app: input.app,
    userId: input.userId,
    certificateId: input.certificateId,
    platform: input.platform,
    token: input.token,
    ...(input.environment !== undefined && { environment: input.environment }),
    ...(input.bundleId !== undefined && { bundleId: input.bundleId }),
    ...(input.appVersion !== undefined && { appVersion: input.appVersion }),
    ...(input.deviceModel !== undefined && { deviceModel: input.deviceModel }),
    ...(input.osVersion !== undefined && { osVersion: input.osVersion }),
    warnings: input.warnings ?? [],
    firstUploaded: new Date(firstUploaded).toISOString(),
    lastSeen: new Date(lastSeen).toISOString(),
  };
}
