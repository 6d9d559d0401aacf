/** The validated, resolved configuration: paths absolute, `${ENV}` expanded, secret files read. */
export interface Config {
  /** Where the configuration came from, for messages: a file path, or "environment". */
  source: string;
  apps: AppConfig[];
  access: AccessConfig;
  providers: ProvidersConfig;
  dataDir: string;
}

export interface AppConfig {
  name: string;
  sdkAppId: number;
  secretKey: string;
  certificates: CertificateConfig[];
}

export type CertificateConfig = ApnsCertificateConfig | FcmCertificateConfig;

export type ApnsEnvironment = 'production' | 'sandbox';

export interface ApnsCertificateConfig {
  id: string;
  platform: 'apns';
  bundleId: string;
  environment: ApnsEnvironment;
  auth: ApnsAuth;
}

export type ApnsAuth =
  | { type: 'token'; keyFile: string; keyId: string; teamId: string }
  | { type: 'pkcs12'; file: string; passphrase?: string }
  | { type: 'pem'; certFile: string; keyFile: string };

export interface FcmCertificateConfig {
  id: string;
  platform: 'fcm';
  serviceAccountFile: string;
  /** Overrides the service account's project_id. */
  projectId?: string;
}

/** Action name (for example `usersig.generate`) to the principals allowed to run it. */
export type AccessConfig = Record<string, string[]>;

export interface ProvidersConfig {
  apns: { productionUrl: string; sandboxUrl: string; caFile?: string; timeoutMs: number };
  fcm: { url: string; caFile?: string; timeoutMs: number };
}

export const DEFAULT_PROVIDERS: ProvidersConfig = {
  apns: { productionUrl: 'https://api.push.apple.com', sandboxUrl: 'https://api.sandbox.push.apple.com', timeoutMs: 5000 },
  fcm: { url: 'https://fcm.googleapis.com', timeoutMs: 5000 },
};
