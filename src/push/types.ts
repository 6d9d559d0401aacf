import type { ApnsEnvironment } from '../config/types.js';
import type { PushPlatform } from './providers/index.js';
import type { Text } from '../text/index.js';
import type { PushVerdict } from './verdicts.js';

export type { PushPlatform } from './providers/index.js';
export type { PushVerdict } from './verdicts.js';

/** What a client app reported after login: one row per (app, UserID, token). */
export interface Device {
  app: string;
  userId: string;
  certificateId: string;
  platform: PushPlatform;
  token: string;
  environment?: ApnsEnvironment;
  bundleId?: string;
  appVersion?: string;
  deviceModel?: string;
  osVersion?: string;
  /**
   * Problems noticed at upload (for example an FCM token under an APNs certificate); stored anyway, in every
   * language. A plain string is English, stored before imops spoke two languages.
   */
  warnings: Text[];
  firstUploaded: string;
  lastSeen: string;
}

/** The result of one device's test push (design.md "Push check results"). */
export interface PushResult {
  certificateId: string;
  platform: PushPlatform;
  /** Masked: enough to recognise, never enough to use. */
  token: string;
  ok: boolean;
  verdict: PushVerdict;
  cause: Text;
  fix: Text;
  /** The provider's own answer: `reason` is its code as text (APNs reason, FCM code, a vendor's "80300007"), `message` its words. */
  provider: { status?: number | string; reason?: string; message?: string; environment?: ApnsEnvironment };
  /** The provider's message ID (apns-id, FCM message name) when it accepted the push. */
  id?: string;
}

export type HealthLevel = 'ok' | 'warning' | 'failure';

export interface CertificateProblem {
  level: Exclude<HealthLevel, 'ok'>;
  problem: Text;
  fix: Text;
}

export interface CertificateHealth {
  certificateId: string;
  platform: PushPlatform;
  level: HealthLevel;
  /** What was checked, e.g. "token key ABC123DEFG, team DEF123GHIJ" or "expires 2027-03-01". */
  summary: Text;
  problems: CertificateProblem[];
  /** When the credential itself expires (ISO), for credentials that do (APNs certificates); absent otherwise. */
  expiresAt?: string;
}

/** The push check as the command layer and the CLI use it. */
export interface PushService {
  devices(app: string, userId: string): Promise<Device[]>;
  /** UserIDs with uploaded devices that start with `prefix` (autocomplete). */
  knownUserIds(app: string, prefix: string, limit: number): Promise<string[]>;
  /**
   * Test every device of the user, or only those uploaded with `certificateId`: one result per device, in
   * `devices()` order. Nothing to test gives `[]`; callers render that as NO_DEVICES with its usual reasons.
   * `maxDevices` tests only that many, the most recently seen (chat caps a run; the CLI tests them all).
   */
  test(app: string, userId: string, options?: { certificateId?: string; maxDevices?: number }): Promise<PushResult[]>;
  certificates(app: string): Promise<CertificateHealth[]>;
  /** Test one device without showing anything on it, in its provider's sweep mode (`push sweep`). */
  sweep(app: string, device: Device): Promise<PushResult>;
  close(): Promise<void>;
}
