/**
 * The store as the rest of imops sees it: asynchronous ports, so that a networked store (Postgres, for several
 * replicas) can sit behind the same interfaces as the embedded SQLite default. Nothing here knows SQL.
 */
import type { RateWindows } from '../access/rate-limit.js';
import type { Text } from '../text/words.js';
import type { Device } from '../push/types.js';

export type { Device, RateWindows };

/** What a client (or an admin) reports for one device; the store adds the times. */
export type DeviceInput = Omit<Device, 'warnings' | 'firstUploaded' | 'lastSeen'> & { warnings?: Text[] };

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
 * The devices UserIDs uploaded. Writes (upsert and remove) are applied in the order they were called, whatever
 * the store batches behind the scenes: a logout that follows an upload of the same token leaves nothing stored.
 * The store does not judge a platform: any string is kept (the provider registry validates platforms).
 */
export interface DeviceStore {
  /** Devices kept per (app, UserID); a new token beyond it evicts the least recently seen. */
  readonly maxPerUser: number;
  /**
   * Store a report. One row per (app, UserID, token): a re-upload replaces the other fields with the new
   * report (what the client says now is what the check must show) and moves last seen; first uploaded stays.
   * A new token beyond the per-user cap evicts the user's least recently seen devices, atomically with it.
   */
  upsert(input: DeviceInput): Promise<UpsertResult>;
  /** The user's devices, most recently seen first. */
  list(app: string, userId: string): Promise<Device[]>;
  /** Forget one token of the user, or all of the user's tokens when none is given. Resolves with how many went. */
  remove(app: string, userId: string, token?: string): Promise<number>;
  /** UserIDs with devices that start with `prefix` (exact, case-sensitive), in order. */
  knownUserIds(app: string, prefix: string, limit: number): Promise<string[]>;
  /** The `limit` most recently seen devices uploaded with `certificateId` (a sweep's sample), newest first. */
  listByCertificate(app: string, certificateId: string, limit: number): Promise<Device[]>;
  /**
   * Store many reports at once (`imops devices import`), all in one transaction, in the write queue like any
   * upsert (so ordered with them). Each row is an upsert as above, per-user cap included, except that its last
   * seen is the given `lastSeen` (ms) when there is one. Resolves with how many rows were new and how many replaced.
   */
  importBatch(inputs: readonly ImportedDevice[]): Promise<{ stored: number; updated: number }>;
}

/** One device of an import: a report plus, optionally, when the team last saw it (ms since the epoch). */
export type ImportedDevice = DeviceInput & { lastSeen?: number };

export interface AuditEntry {
  at: string;
  principal: string;
  action: string;
  app?: string;
  /** The UserID acted on; never a credential. */
  target?: string;
  outcome: string;
  detail?: string;
}

/** Who did what to which UserID, and how it ended. Never the credential itself. */
export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

/**
 * One Tencent IM callback event kept for triage (design.md "Tencent IM": `State.StateChange`,
 * `Push.OfflinePush`, `Push.AllMemberPush`).
 */
export interface ImEvent {
  app: string;
  userId: string;
  /** The CallbackCommand, e.g. "State.StateChange". */
  command: string;
  /** EventTime from the callback, ms since the epoch. */
  at: number;
  /** The callback's fields imops keeps (Action, Reason, PushStage, ErrCode…), as received; small and JSON-safe. */
  data: Record<string, unknown>;
}

/** Events kept per (app, UserID). */
export const EVENTS_PER_USER = 50;
/** Events older than this (by their EventTime, against the store's clock) are dropped. */
export const EVENT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * IM callback events per (app, UserID), bounded: the newest `EVENTS_PER_USER` within `EVENT_MAX_AGE_MS`.
 * `append` drops what falls outside the bounds (an event already older than the window is not stored at all);
 * `recent` never returns an expired event even if it is still on disk. Events with the same `at` keep their
 * append order (the later appended counts as newer).
 */
export interface EventLog {
  append(events: readonly ImEvent[]): Promise<void>;
  /** Newest first, at most `limit`. */
  recent(app: string, userId: string, limit: number): Promise<ImEvent[]>;
}

/**
 * Named lease locks, so that with several replicas only one runs a watch round. A lease expires by itself after
 * its TTL, so a replica that dies holding it blocks the others for at most that long. The holder is the Store
 * instance (one per process): taking a lock this store already holds renews its lease.
 */
export interface Locks {
  /** Take `name` for `ttlMs` unless another holder's lease is still running; resolves with whether it was taken. */
  tryAcquire(name: string, ttlMs: number): Promise<boolean>;
  /** Give `name` back if this process holds it. */
  release(name: string): Promise<void>;
}

/** One watch condition of a certificate (app, certificateId, kind), as the last round left it. */
export interface AlertRecord {
  /** `bad` after an alert was posted, `ok` after a recovery (or a first round that found nothing wrong). */
  state: 'ok' | 'bad';
  /** The verdict the condition was in (e.g. CREDENTIAL_EXPIRED), so a change of verdict alerts again. */
  verdict?: string;
  /** When this state began (ISO). */
  since: string;
}

/**
 * What the watch last said about each certificate, so an alert is posted once per change, whichever replica
 * or `imops watch --once` runs the round, and across restarts. Keyed by (app, certificateId, kind); `kind` is
 * the watch's condition name (expiring, credential, failure_rate).
 */
export interface AlertState {
  get(app: string, certificateId: string, kind: string): Promise<AlertRecord | undefined>;
  set(app: string, certificateId: string, kind: string, record: AlertRecord): Promise<void>;
}

export interface StoreHealth {
  /** False while the store cannot write (disk full, I/O error); /readyz reports `store: false` then. */
  writable: boolean;
  problem?: string;
}

/** Everything imops keeps, opened once per process. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly devices: DeviceStore;
  readonly audit: AuditLog;
  readonly locks: Locks;
  /** Rate-limit windows: with Postgres, every replica counts against the same ones. */
  readonly rateLimits: RateWindows;
  /** The watch's alert state per certificate and condition. */
  readonly alerts: AlertState;
  /** IM callback events per (app, UserID). */
  readonly events: EventLog;
  /** For the banner, e.g. "SQLite at ./data/imops.sqlite" or "Postgres db.internal:5432/imops" (never credentials). */
  describe(): string;
  health(): StoreHealth;
  /** Finish pending writes, then close. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * A write failed because the store cannot write right now (disk full, I/O error, the database is down or
 * unreachable). Not the request's fault:
 * the HTTP API answers 503 with Retry-After, and the client retries later.
 */
export class StoreUnavailableError extends Error {
  readonly retryAfterSeconds: number;
  constructor(
    message: string,
    readonly code: string,
    retryAfterSeconds = 30,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
