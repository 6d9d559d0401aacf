// Everything a push test needs in one call: APNs production + sandbox emulators, the FCM emulator, a CA made
// at start, and throwaway credentials in a temp dir (.p8, service-account JSON, CA file).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import type { AccessConfig, AppConfig, CertificateConfig, ProvidersConfig } from '../../src/config/types.js';
import { DEFAULT_PROVIDERS } from '../../src/config/types.js';
import { createP8Key, createServiceAccount, createTestPki } from './tls.js';
import { startApnsEmulator, type ApnsEmulator, type ApnsEnvironmentName } from './apns.js';
import { startFcmEmulator, type FcmEmulator } from './fcm.js';

export const FIXTURE_BUNDLE_ID = 'com.example.app';
export const FIXTURE_KEY_ID = 'ABC123DEFG';
export const FIXTURE_TEAM_ID = 'DEF123GHIJ';
export const FIXTURE_FCM_PROJECT = 'imops-test';

export interface PushFixture {
  /** "10086" APNs token auth production, "10087" APNs token auth sandbox (same key and bundle), "20001" FCM. */
  certificates: CertificateConfig[];
  providers: ProvidersConfig;
  apns: { production: ApnsEmulator; sandbox: ApnsEmulator };
  fcm: FcmEmulator;
  /** An imops.yml text with this app, the fixture's certificates and providers (absolute paths). */
  configYaml(app: { name: string; sdkAppId: number; secretKey: string }, access?: AccessConfig): string;
  /** An AppConfig with the fixture's certificates, for library-level tests. */
  app(name?: string): AppConfig;
  /** Make `token` valid only in one APNs environment: the other answers BadDeviceToken, as Apple does. */
  tokenOnlyIn(environment: ApnsEnvironmentName, token: string): void;
  /** Forget programs and recorded requests on every emulator. */
  reset(): void;
  /** The temp dir holding AuthKey.p8, firebase-sa.json and ca.pem. */
  dir: string;
  caFile: string;
  close(): Promise<void>;
}

/** A random 64-hex APNs device token (what an iPhone reports). */
export function apnsToken(): string {
  return randomBytes(32).toString('hex');
}

/** A random token shaped like an FCM registration token. */
export function fcmToken(): string {
  return `${randomBytes(11).toString('base64url')}:APA91b${randomBytes(105).toString('base64url')}`;
}

export interface PushFixtureOptions {
  /** Provider request timeout in ms (5000 by default). */
  timeoutMs?: number;
}

export async function startPushFixture(options: PushFixtureOptions = {}): Promise<PushFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'imops-push-'));
  const { ca, server } = await createTestPki();
  const caFile = join(dir, 'ca.pem');
  const keyFile = join(dir, `AuthKey_${FIXTURE_KEY_ID}.p8`);
  const serviceAccountFile = join(dir, 'firebase-sa.json');
  writeFileSync(caFile, ca.certPem);
  writeFileSync(keyFile, await createP8Key(), { mode: 0o600 });
  writeFileSync(serviceAccountFile, JSON.stringify(await createServiceAccount(FIXTURE_FCM_PROJECT), null, 2), { mode: 0o600 });

  const [production, sandbox, fcm] = await Promise.all([
    startApnsEmulator({ environment: 'production', tls: server }),
    startApnsEmulator({ environment: 'sandbox', tls: server }),
    startFcmEmulator({ tls: server, projects: [FIXTURE_FCM_PROJECT] }),
  ]);
  const timeoutMs = options.timeoutMs ?? 5000;
  const providers: ProvidersConfig = {
    ...DEFAULT_PROVIDERS,
    apns: { productionUrl: production.url, sandboxUrl: sandbox.url, caFile, timeoutMs },
    fcm: { url: `https://localhost:${fcm.port}`, caFile, timeoutMs },
  };
  const auth = { type: 'token' as const, keyFile, keyId: FIXTURE_KEY_ID, teamId: FIXTURE_TEAM_ID };
  const certificates: CertificateConfig[] = [
    { id: '10086', platform: 'apns', bundleId: FIXTURE_BUNDLE_ID, environment: 'production', auth },
    { id: '10087', platform: 'apns', bundleId: FIXTURE_BUNDLE_ID, environment: 'sandbox', auth },
    { id: '20001', platform: 'fcm', serviceAccountFile },
  ];

  return {
    certificates,
    providers,
    apns: { production, sandbox },
    fcm,
    dir,
    caFile,
    configYaml(app, access = {}) {
      return stringify({
        apps: [{ name: app.name, sdkAppId: app.sdkAppId, secretKey: app.secretKey, certificates }],
        access,
        providers,
      });
    },
    app(name = 'prod') {
      return { name, sdkAppId: 1400000000, secretKey: 'fixture-secret-key', certificates: structuredClone(certificates) };
    },
    tokenOnlyIn(environment, token) {
      const other = environment === 'production' ? sandbox : production;
      other.program(token, { kind: 'reject', reason: 'BadDeviceToken' });
    },
    reset() {
      production.reset();
      sandbox.reset();
      fcm.reset();
    },
    async close() {
      await Promise.all([production.close(), sandbox.close(), fcm.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
