import { MAX_DEVICES_PER_USER, type Device, type DeviceInput, type DeviceStore, type ImportedDevice, type UpsertResult } from '../ports.js';
import type { Text } from '../../text/words.js';
import { deviceFromInput, deviceFromRow, type DeviceColumns } from '../device-rows.js';
import type { Pool, PgHealth } from './db.js';

/** A device row as Postgres returns it inside JSON (to_jsonb of the row): bigint times as numbers. */
interface DeviceJson extends DeviceColumns {
  warnings: Text[] | null;
  first_uploaded: number | string;
  last_seen: number | string;
}

type Op =
  | {
      op: 'upsert';
      app: string;
      userId: string;
      token: string;
      certificateId: string;
      platform: string;
      environment?: string;
      bundleId?: string;
      appVersion?: string;
      deviceModel?: string;
      osVersion?: string;
      warnings?: Text[];
      /** An import's own last seen (ms); otherwise the batch's time. */
      lastSeen?: number;
    }
  | { op: 'remove'; app: string; userId: string; token?: string };

type OpResult = { created: boolean; firstUploaded: number | string; evicted: DeviceJson[] } | { removed: number };

interface Write {
  op: Op;
  settle(result: OpResult, at: number): void;
  fail(err: unknown): void;
}

export interface PgDeviceStore extends DeviceStore {
  /** Wait for every queued write, and refuse writes from here on. */
  drain(): Promise<void>;
}

/** Most writes one round trip carries. */
const MAX_BATCH = 200;

/**
 * The Postgres DeviceStore. Each write is applied by `imops_device_writes` (migrations.ts) in a transaction that
 * first takes the advisory locks of the users it touches: two replicas writing for one user take turns, so the
 * per-user cap holds across replicas and a re-upload updates the one row. Writes are batched as SQLite's are:
 * queued per lane (a user always maps to the same lane), one batch per lane in flight, each batch one round trip
 * and one commit, applied in call order. A user's writes therefore stay in call order; different lanes run in
 * parallel on the pool. A promise resolves only after its batch committed: what the API answered 2xx is stored.
 */
export function createPgDeviceStore(pool: Pool, health: PgHealth, now: () => number, options: { maxPerUser?: number; lanes: number }): PgDeviceStore {
  const maxPerUser = options.maxPerUser ?? MAX_DEVICES_PER_USER;
  if (!Number.isSafeInteger(maxPerUser) || maxPerUser < 1) throw new RangeError(`maxPerUser must be a whole number of at least 1, got ${maxPerUser}`);
  const lanes = Array.from({ length: Math.max(1, options.lanes) }, () => ({ pending: [] as Write[], busy: false }));
  const idle: (() => void)[] = [];
  let inFlight = 0;
  let closed = false;

  const send = async (batch: Write[]): Promise<void> => {
    const at = now();
    const run = () =>
      health.run(() =>
        // Named: each connection parses and plans it once.
        pool.query<{ r: OpResult[] }>({
          name: 'imops_device_writes',
          text: 'SELECT imops_device_writes($1::jsonb, $2::bigint, $3::integer) AS r',
          values: [JSON.stringify(batch.map((w) => w.op)), at, maxPerUser],
        }),
      );
    try {
      const { rows } = await run();
      const results = rows[0]!.r;
      for (const [i, w] of batch.entries()) w.settle(results[i]!, at);
    } catch (err) {
      if (batch.length === 1 || !isRequestError(err)) {
        for (const w of batch) w.fail(err);
        return;
      }
      // One bad write must not fail its neighbours: apply them one by one, in order, each with its own outcome.
      for (const w of batch) await send([w]);
    }
  };

  const pump = (lane: (typeof lanes)[number]) => {
    if (lane.busy || lane.pending.length === 0) return;
    lane.busy = true;
    inFlight++;
    const batch = lane.pending.splice(0, MAX_BATCH);
    void send(batch).finally(() => {
      lane.busy = false;
      inFlight--;
      if (lane.pending.length > 0) pump(lane);
      else if (inFlight === 0 && lanes.every((l) => l.pending.length === 0)) for (const f of idle.splice(0)) f();
    });
  };

  const enqueue = <T>(op: Op, result: (r: OpResult, at: number) => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) {
        reject(new Error('the device store is closed'));
        return;
      }
      const lane = lanes[laneOf(op.app, op.userId, lanes.length)]!;
      lane.pending.push({ op, settle: (r, at) => resolve(result(r, at)), fail: reject });
      // Gather what arrives in this turn of the event loop into the lane's next batch.
      if (!lane.busy && lane.pending.length === 1) setImmediate(() => pump(lane));
    });

  const upsertOp = (input: ImportedDevice): Op => ({
    op: 'upsert',
    app: input.app,
    userId: input.userId,
    token: input.token,
    certificateId: input.certificateId,
    platform: input.platform,
    ...(input.environment !== undefined && { environment: input.environment }),
    ...(input.bundleId !== undefined && { bundleId: input.bundleId }),
    ...(input.appVersion !== undefined && { appVersion: input.appVersion }),
    ...(input.deviceModel !== undefined && { deviceModel: input.deviceModel }),
    ...(input.osVersion !== undefined && { osVersion: input.osVersion }),
    ...(input.warnings?.length && { warnings: input.warnings }),
    ...(input.lastSeen !== undefined && { lastSeen: input.lastSeen }),
  });

  return {
    maxPerUser,
    upsert(input) {
      const op = upsertOp(input);
      return enqueue(op, (r, at): UpsertResult => {
        const u = r as Extract<OpResult, { created: boolean }>;
        const evicted = u.evicted.map(toDevice).sort((a, b) => a.lastSeen.localeCompare(b.lastSeen) || compare(a.token, b.token));
        return toResult(input, at, Number(u.firstUploaded), u.created, evicted);
      });
    },
    /**
     * Each row goes through the same lanes as uploads (a user's writes stay in call order, the cap holds across
     * replicas); a lane's batch is one transaction, so a large import commits in batches of MAX_BATCH rows.
     */
    async importBatch(inputs) {
      const created = await Promise.all(inputs.map((input) => enqueue(upsertOp(input), (r) => (r as { created: boolean }).created)));
      const stored = created.filter(Boolean).length;
      return { stored, updated: created.length - stored };
    },
    async listByCertificate(app, certificateId, limit) {
      if (limit <= 0) return [];
      const { rows } = await health.run(() =>
        pool.query<DeviceJson>('SELECT * FROM devices WHERE app = $1 AND certificate_id = $2 ORDER BY last_seen DESC, token LIMIT $3', [
          app,
          certificateId,
          limit,
        ]),
      );
      return rows.map(toDevice);
    },
    remove(app, userId, token) {
      return enqueue({ op: 'remove', app, userId, ...(token !== undefined && { token }) }, (r) => (r as { removed: number }).removed);
    },
    async list(app, userId) {
      const { rows } = await health.run(() =>
        pool.query<DeviceJson>('SELECT * FROM devices WHERE app = $1 AND user_id = $2 ORDER BY last_seen DESC, token', [app, userId]),
      );
      return rows.map(toDevice);
    },
    async knownUserIds(app, prefix, limit) {
      if (limit <= 0) return [];
      const { rows } = await health.run(() =>
        pool.query<{ user_id: string }>(
          'SELECT DISTINCT user_id FROM devices WHERE app = $1 AND user_id >= $2 AND starts_with(user_id, $2) ORDER BY user_id LIMIT $3',
          [app, prefix, limit],
        ),
      );
      return rows.map((r) => r.user_id);
    },
    drain() {
      closed = true;
      if (inFlight === 0 && lanes.every((l) => l.pending.length === 0)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        idle.push(resolve);
        for (const lane of lanes) pump(lane);
      });
    },
  };
}

/** Errors about the request itself (a constraint, bad data), not the database being unreachable. */
function isRequestError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|42|P0)/.test(code);
}

/** The same lane for the same user, always (FNV-1a over app and UserID). */
function laneOf(app: string, userId: string, n: number): number {
  let h = 0x811c9dc5;
  const s = `${app}\n${userId}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** Byte order, as the database's COLLATE "C" and SQLite sort. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toResult(input: DeviceInput, at: number, first: number, created: boolean, evicted: Device[]): UpsertResult {
  return { device: deviceFromInput(input, first, at), created, evicted };
}

function toDevice(r: DeviceJson): Device {
  return deviceFromRow(r, r.warnings ?? [], Number(r.first_uploaded), Number(r.last_seen));
}
