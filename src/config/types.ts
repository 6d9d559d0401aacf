import type { CertificateConfig, ProvidersConfig } from '../push/providers/index.js';
import type { Locale } from '../text/locale.js';

export type { CertificateConfig, ProvidersConfig } from '../push/providers/index.js';
export { DEFAULT_PROVIDERS } from '../push/providers/index.js';
export type { ApnsAuth, ApnsCertificateConfig, ApnsEnvironment } from '../push/providers/apns/config.js';
export type { FcmCertificateConfig } from '../push/providers/fcm/config.js';

/** The validated, resolved configuration: paths absolute, `${ENV}` expanded, secret files read. */
export interface Config {
  /** Where the configuration came from, for messages: a file path, or "environment". */
  source: string;
  apps: AppConfig[];
  access: AccessConfig;
  providers: ProvidersConfig;
  dataDir: string;
  /** Postgres instead of the embedded SQLite store in dataDir (IMOPS_DATABASE_URL, IMOPS_DATABASE_POOL). */
  database?: DatabaseConfig;
  /** `watch:`: absent when not configured (serve runs no rounds; `imops watch --once` uses the defaults). */
  watch?: WatchConfig;
  /** `locale:`: the language of replies when a person's own is unknown; absent means English and UTC. */
  locale?: LocaleConfig;
}

/** `locale:` — who gets which language when their chat client does not say. */
export interface LocaleConfig {
  /** For anyone whose language is unknown, and for the watch's alerts. */
  default: Locale;
  /** An IANA zone ("Asia/Shanghai") for anyone whose own zone is unknown (Discord users, alerts). */
  timeZone?: string;
  /** Per Slack workspace (team ID): the language when a member's own is unknown. */
  workspaces: Record<string, Locale>;
}

export interface DatabaseConfig {
  /** postgres://user:password@host:port/database; never logged or shown. */
  url: string;
  /** Connections per process (default 10). */
  pool?: number;
}

/** The watch (design.md "Sweep and watch"). */
export interface WatchConfig {
  /** The period as written ("1h") and in ms. */
  every: string;
  everyMs: number;
  /** Where alerts go: "slack:C0123ABC", "discord:123456789012345678". */
  notify: string[];
  certificateExpiryDays: number;
  sweep: { sample: number; maxFailureRate: number };
}

export interface AppConfig {
  name: string;
  sdkAppId: number;
  secretKey: string;
  certificates: CertificateConfig[];
  /** Tencent IM REST access; absent = imops does not call IM for this app. */
  im?: ImConfig;
}

export interface ImConfig {
  /** The App admin UserID sent as `identifier`. */
  admin: string;
  /** The REST origin (from `url`, else from `region`), without a trailing slash. */
  origin: string;
  region?: string;
  /** From_Account of send-test messages (default: admin). */
  testSender: string;
  /** Checks Sign on callbacks when set. */
  callbackToken?: string;
}

/** Action name (for example `usersig.generate`) to the principals allowed to run it. */
export type AccessConfig = Record<string, string[]>;
