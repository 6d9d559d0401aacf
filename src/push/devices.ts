import type { ApnsEnvironment, CertificateConfig } from '../config/types.js';
import { maskToken } from '../log.js';
import type { Db } from '../store/db.js';
import { describeToken } from './token-shape.js';
import { isPlatform, providerFor } from './providers/index.js';
import type { DeviceReport } from './providers/types.js';
import type { Device, PushPlatform } from './types.js';

/** What a client (or an admin) reports for one device; the store adds the times. */
export type DeviceInput = Omit<Device, 'warnings' | 'firstUploaded' | 'lastSeen'> & { warnings?: string[] };

/**
 * Devices kept per (app, UserID). A real user has a handful (phone, tablet, a reinstall or two); without a cap,
 * anyone holding one valid UserSig could fill the store with tokens.
 */
export const MAX_DEVICES_PER_USER = 20;

export interface UpsertResult {
  device: Device;
  created: boolean;
  /** Devices of the same user forgotten to make room for this new one (least recently seen first). */
  evicted: Device[];
}

/**
 * The devices UserIDs uploaded. A small interface so that a Postgres store can sit behind it later;
 * the embedded default is SQLite.
 */
export interface DeviceStore {
  /** Devices kept per (app, UserID); a new token beyond it evicts the least recently seen. */
  readonly maxPerUser: number;
  /**
   * Store a report. One row per (app, UserID, token): a re-upload replaces the other fields with the new
   * report (what the client says now is what the check must show) and moves last seen; first uploaded stays.
   * A new token beyond the per-user cap evicts the user's least recently seen devices, in the same transaction.
   */
  upsert(input: DeviceInput): UpsertResult;
  /**
   * Several reports in one transaction (one commit instead of one each: the upload API groups the uploads
   * that arrive together). Results in input order.
   */
  upsertMany(inputs: readonly DeviceInput[]): UpsertResult[];
  /** The user's devices, most recently seen first. */
  list(app: string, userId: string): Device[];
  /** Forget one token of the user, or all of the user's tokens when none is given. Returns how many went. */
  remove(app: string, userId: string, token?: string): number;
  /** UserIDs with devices that start with `prefix` (exact, case-sensitive), in order. */
  knownUserIds(app: string, prefix: string, limit: number): string[];
}

interface DeviceRow {
  app: string;
  user_id: string;
  token: string;
  certificate_id: string;
  platform: PushPlatform;
  environment: ApnsEnvironment | null;
  bundle_id: string | null;
  app_version: string | null;
  device_model: string | null;
  os_version: string | null;
  warnings: string | null;
  first_uploaded: number;
  last_seen: number;
}

const COLUMNS = 'app, user_id, token, certificate_id, platform, environment, bundle_id, app_version, device_model, os_version, warnings, first_uploaded, last_seen';

export function createDeviceStore(db: Db, now: () => number = Date.now, options: { maxPerUser?: number } = {}): DeviceStore {
  const maxPerUser = options.maxPerUser ?? MAX_DEVICES_PER_USER;
  if (!Number.isSafeInteger(maxPerUser) || maxPerUser < 1) throw new RangeError(`maxPerUser must be a whole number of at least 1, got ${maxPerUser}`);
  // Insert first and update only on conflict, so that `created` is exact even within one millisecond.
  const insert = db.prepare(
    `INSERT INTO devices (${COLUMNS}) VALUES (@app, @userId, @token, @certificateId, @platform, @environment, @bundleId, @appVersion, @deviceModel, @osVersion, @warnings, @at, @at)
     ON CONFLICT (app, user_id, token) DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE devices SET certificate_id = @certificateId, platform = @platform, environment = @environment, bundle_id = @bundleId,
       app_version = @appVersion, device_model = @deviceModel, os_version = @osVersion, warnings = @warnings, last_seen = @at
     WHERE app = @app AND user_id = @userId AND token = @token
     RETURNING first_uploaded`,
  );
  const selectUser = db.prepare(`SELECT ${COLUMNS} FROM devices WHERE app = ? AND user_id = ? ORDER BY last_seen DESC, token`);
  const deleteOne = db.prepare('DELETE FROM devices WHERE app = ? AND user_id = ? AND token = ?');
  const deleteAll = db.prepare('DELETE FROM devices WHERE app = ? AND user_id = ?');
  // Both walk the devices_by_user index; a user has at most maxPerUser + 1 rows here.
  const countUser = db.prepare('SELECT count(*) FROM devices WHERE app = ? AND user_id = ?').pluck();
  const evictOldest = db.prepare(
    `DELETE FROM devices WHERE app = @app AND user_id = @userId AND token IN (
       SELECT token FROM devices WHERE app = @app AND user_id = @userId AND token <> @token
       ORDER BY last_seen, first_uploaded, token LIMIT @excess)
     RETURNING ${COLUMNS}`,
  );
  // Walks the primary key from `prefix` on; the caller stops at the first ID without the prefix.
  const userIdsFrom = db.prepare('SELECT DISTINCT user_id FROM devices WHERE app = ? AND user_id >= ? ORDER BY user_id').pluck();

  const upsertRow = (input: DeviceInput, at: number) => {
    const params = {
      app: input.app,
      userId: input.userId,
      token: input.token,
      certificateId: input.certificateId,
      platform: input.platform,
      environment: input.environment ?? null,
      bundleId: input.bundleId ?? null,
      appVersion: input.appVersion ?? null,
      deviceModel: input.deviceModel ?? null,
      osVersion: input.osVersion ?? null,
      warnings: input.warnings?.length ? JSON.stringify(input.warnings) : null,
      at,
    };
    if (insert.run(params).changes === 1) {
      const excess = (countUser.get(input.app, input.userId) as number) - maxPerUser;
      const evicted = excess > 0 ? (evictOldest.all({ app: input.app, userId: input.userId, token: input.token, excess }) as DeviceRow[]).map(toDevice) : [];
      evicted.sort((a, b) => a.lastSeen.localeCompare(b.lastSeen) || a.token.localeCompare(b.token));
      return toResult(input, at, at, true, evicted);
    }
    const row = update.get(params) as { first_uploaded: number };
    return toResult(input, at, row.first_uploaded, false, []);
  };
  const upsertOne = db.transaction(upsertRow);
  const upsertAll = db.transaction((inputs: readonly DeviceInput[], at: number) => inputs.map((input) => upsertRow(input, at)));

  return {
    maxPerUser,
    upsert(input) {
      return upsertOne(input, now());
    },
    upsertMany(inputs) {
      return inputs.length === 0 ? [] : upsertAll(inputs, now());
    },
    list(app, userId) {
      return (selectUser.all(app, userId) as DeviceRow[]).map(toDevice);
    },
    remove(app, userId, token) {
      return (token === undefined ? deleteAll.run(app, userId) : deleteOne.run(app, userId, token)).changes;
    },
    knownUserIds(app, prefix, limit) {
      const ids: string[] = [];
      if (limit <= 0) return ids;
      for (const id of userIdsFrom.iterate(app, prefix) as IterableIterator<string>) {
        if (!id.startsWith(prefix)) break;
        ids.push(id);
        if (ids.length >= limit) break;
      }
      return ids;
    },
  };
}

function toResult(input: DeviceInput, at: number, first: number, created: boolean, evicted: Device[]): UpsertResult {
  const device: Device = {
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
    firstUploaded: new Date(first).toISOString(),
    lastSeen: new Date(at).toISOString(),
  };
  return { device, created, evicted };
}

function toDevice(r: DeviceRow): Device {
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
    warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [],
    firstUploaded: new Date(r.first_uploaded).toISOString(),
    lastSeen: new Date(r.last_seen).toISOString(),
  };
}

/** What an upload's answer says about the devices its new token pushed out. Tokens are masked. */
export function evictionWarnings(evicted: readonly Device[], maxPerUser: number): string[] {
  return evicted.map((d) =>
    `This UserID already had ${maxPerUser} devices, the most imops keeps per user: its least recently seen device (${providerFor(d.platform).displayName}, certificate ${d.certificateId}, token ${maskToken(d.token)}, last seen ${d.lastSeen}) was removed to make room. Apps should DELETE /v1/devices at logout so that old tokens do not pile up.`);
}

export type { DeviceReport };

/**
 * Warnings for a report under a configured certificate. The report is stored anyway (showing what was
 * really uploaded is the point of the check); these say in advance what the test push will run into.
 */
export function uploadWarnings(cert: CertificateConfig, report: DeviceReport): string[] {
  const warnings: string[] = [];
  const provider = providerFor(cert.platform);
  const shape = describeToken(report.token, cert.platform);
  const certName = `certificate ${cert.id} is ${provider.article} ${provider.displayName} certificate`;
  if (report.platform !== undefined && report.platform !== cert.platform) {
    warnings.push(`The app reported platform ${report.platform} but ${certName}: it uploaded with the wrong certificate ID.`);
  }
  if (isPlatform(shape.looksLike) && shape.looksLike !== cert.platform) {
    const tokenOf = providerFor(shape.looksLike);
    warnings.push(`The token looks like ${tokenOf.tokenName} but ${certName}: the app uploaded its ${tokenOf.displayName} token with the ${provider.displayName} certificate ID.`);
  }
  warnings.push(...shape.problems);
  warnings.push(...provider.reportWarnings(cert, report));
  return warnings;
}
