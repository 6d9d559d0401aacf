// What one push provider (APNs, FCM, and next the Android vendors) brings to imops. Everything that knows a
// provider lives in its folder next to this file; the rest of imops reaches it through the registry (index.ts).
import type { z } from 'zod';
import type { AppConfig } from '../../config/types.js';
import type { Logger } from '../../log.js';
import type { CertificateHealth, CertificateProblem, Device, PushResult } from '../types.js';
import type { Text } from '../../text/index.js';
import type { PushVerdict } from '../verdicts.js';

/** The fields every certificate entry has, whatever its provider. */
export interface CertificateBase {
  id: string;
  platform: string;
}

/** The fields every `providers.<id>` block has (design.md: "each also takes caFile and timeoutMs"). */
export interface ProviderSettingsBase {
  caFile?: string;
  timeoutMs: number;
}

/** One row of a provider's reason table: its code for a failure, and what a support engineer is told. */
export interface ReasonEntry {
  /** The provider's id (apns, fcm, …). */
  provider: string;
  /** The provider's own code: an APNs reason, an FCM / firebase-admin code, a vendor's numeric code as text. */
  reason: string;
  /** The HTTP status the provider sends it with, when fixed. */
  status?: number;
  verdict: PushVerdict;
  cause: Text;
  fix: Text;
}

/**
 * What a provider makes of a token's text when it looks like one of its own. Vendors' formats overlap (32 hex
 * digits is an OPPO token and a cut APNs token), so a provider says how sure it is: `exact` for its usual format,
 * `loose` for a damaged or unusual one. The certificate's own provider is asked first.
 */
export interface TokenMatch {
  confidence: 'exact' | 'loose';
  /** Short sentences, empty when the token looks right. */
  problems: Text[];
  /**
   * The provider has no known token format (Honor): it accepts the token under its own certificate, but this is
   * no evidence that a token of unknown origin is one of its own.
   */
  ownOnly?: boolean;
}

/** A credential problem plus the verdict a test push gets when the problem is a failure. */
export interface HealthProblem extends CertificateProblem {
  verdict: PushVerdict;
}

/** A credential check: the health shown by `push certs`, and what the sender needs when it is usable. */
export interface Inspection<Loaded = unknown> {
  health: CertificateHealth;
  /** The first failure, when there is one: a test push stops there without sending. */
  failure?: HealthProblem;
  /** Material the sender needs, loaded once by the check; absent when the credential cannot be used. */
  loaded?: Loaded;
}

/** What `push certs --live` learnt by asking the provider (an access token, a signed probe). */
export interface LiveCheck {
  /** One line added to the certificate's summary: "OPPO issued an auth_token", "Meizu checked the signature". */
  summary: Text;
  /** Problems found live (failures and warnings), each with its fix. */
  problems: HealthProblem[];
}

/** Public facts about a configured certificate: what a client developer needs to pick the right ID. */
export interface CertificateFacts {
  id: string;
  platform: string;
  environment?: string;
  bundleId?: string;
}

/** What the client reported with a token, before it is stored. */
export interface DeviceReport {
  token: string;
  platform?: string;
  environment?: string;
  bundleId?: string;
}

/** Everything one test push needs; preflight has already checked the certificate, platform and credential. */
export interface TestContext<Cert, Loaded> {
  app: AppConfig;
  device: Device;
  certificate: Cert;
  loaded: Loaded;
  /** What looks wrong with the token's text (shown when the provider rejects the token). */
  tokenProblems: Text[];
  /**
   * Deliver nothing: validate only, or check the credential and the token's shape. Set only by a sender's own
   * `sweep()` (the tester calls `sender.sweep` when there is one); a sender without `sweep` never sees it.
   */
  validateOnly?: boolean;
}

/** What `push certs --live` learnt by asking the provider (an access token, a reachable endpoint). */
export interface LiveCheck {
  /** One line: what was asked and what the provider said. */
  summary: Text;
  problems: HealthProblem[];
}

/**
 * How a sweep (`imops push sweep`) tests a device without showing anything on it:
 * - `background`: a silent push the provider delivers to the app, never displayed (APNs `apns-push-type:
 *   background`, priority 5, `content-available: 1`, no alert);
 * - `validate_only`: the provider's dry run, which checks credential and token and sends nothing (FCM, Huawei);
 * - `credential_and_token`: the vendor has no dry run: the credential check and the token's shape only. Such a
 *   provider needs nothing more than this field: the tester answers from preflight alone.
 */
export type SweepMode = 'background' | 'validate_only' | 'credential_and_token';

/** A provider's connections for one tester: sends test pushes and explains every answer. */
export interface PushSender<Cert, Loaded> {
  test(context: TestContext<Cert, Loaded>): Promise<PushResult>;
  /** `push certs --live`: ask the provider about the credential without sending a push (absent: nothing to ask). */
  checkLive?(certificate: Cert, loaded: Loaded): Promise<LiveCheck>;
  /**
   * The sweep's push, invisible on the device (see SweepMode), explained like a test push: DELIVERED when the
   * provider accepted it. Required when the provider's sweepMode is `background` or `validate_only`; a vendor
   * without a dry run may still check what it can without sending (an access token). Absent: preflight answers.
   */
  sweep?(context: TestContext<Cert, Loaded>): Promise<PushResult>;
  close(): Promise<void>;
}

/**
 * A push provider. Members are methods (not function properties) on purpose: a provider typed for its own
 * certificate is then usable through the registry's general type, which is dispatched by `platform`.
 */
export interface PushProvider<
  Id extends string = string,
  Cert extends CertificateBase = CertificateBase,
  Settings extends ProviderSettingsBase = ProviderSettingsBase,
  Loaded = unknown,
  RawCert = unknown,
  RawSettings = unknown,
> {
  readonly id: Id;
  /** The zod schema of its entry under apps[].certificates (file form: paths as written). */
  readonly certificateSchema: z.ZodType<RawCert>;
  /** The zod schema of its `providers.<id>` block; every field optional. */
  readonly settingsSchema: z.ZodType<RawSettings>;
  readonly defaults: Settings;
  /** How `push sweep` tests its devices without showing anything to users (see SweepMode). */
  readonly sweepMode: SweepMode;
  /** Its reasons: the catalogue test walks every row. */
  readonly reasons: ReadonlyMap<string, ReasonEntry>;

  /** The validated entry with paths made absolute (`abs` resolves against the config file's folder). */
  resolveCertificate(raw: RawCert, abs: (path: string) => string): Cert;
  /** The validated block with defaults applied and paths made absolute. */
  resolveSettings(raw: RawSettings, abs: (path: string) => string): Settings;
  /** One line naming the certificate without its ID: "APNs production, com.example.app", "FCM". */
  describeCertificate(cert: Cert): Text;
  /** Facts for an upload answer: never the credential. */
  certificateFacts(cert: Cert): CertificateFacts;
  /** Whether the token's text looks like one of this provider's tokens, and what is wrong with it. */
  tokenShape(token: string): TokenMatch | undefined;
  /** Warnings about what the client reported under this certificate (environment, bundle ID…). */
  reportWarnings(cert: Cert, report: DeviceReport): Text[];
  /** Credential health from the files alone (`now` in ms). */
  inspect(cert: Cert, now: number): Promise<Inspection<Loaded>>;
  /** `push certs --live`: ask the provider itself (an access token, or what it can check without one). */
  liveCheck?(cert: Cert, settings: Settings, log: Logger): Promise<LiveCheck>;
  /** Its sender; the provider's client library is imported here, on the first push, not at start-up. */
  createSender(settings: Settings, log: Logger): Promise<PushSender<Cert, Loaded>>;
}
