// The Huawei, Honor and Xiaomi emulators with one test CA, certificates for each vendor, and the providers block
// pointing at them: what the vendor push tests share.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AppConfig, CertificateConfig, ProvidersConfig } from '../../src/config/types.js';
import type { Logger } from '../../src/log.js';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import { DEFAULT_PROVIDERS } from '../../src/push/providers/index.js';
import { createTestPki } from '../emulators/tls.js';
import { startHuaweiEmulator, type HuaweiEmulator } from '../emulators/huawei.js';
import { startHonorEmulator, type HonorEmulator } from '../emulators/honor.js';
import { startXiaomiEmulator, type XiaomiEmulator } from '../emulators/xiaomi.js';

export const HW_SECRET = 'hw-client-secret-0123456789abcdef';
export const HONOR_SECRET = 'honor-client-secret-fedcba9876543210';
export const MI_SECRET = 'mi-app-secret-AbCdEf0123456789==';

export interface VendorEmulators {
  huawei: HuaweiEmulator;
  honor: HonorEmulator;
  xiaomi: XiaomiEmulator;
  caFile: string;
  certificates: CertificateConfig[];
  providers(timeoutMs?: number): ProvidersConfig;
  app(certificates?: CertificateConfig[]): AppConfig;
  reset(): void;
  close(): Promise<void>;
}

export async function startVendorEmulators(): Promise<VendorEmulators> {
  const dir = mkdtempSync(join(tmpdir(), 'imops-vendors-'));
  const { ca, server } = await createTestPki();
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  const [huawei, honor, xiaomi] = await Promise.all([
    startHuaweiEmulator({
      tls: server,
      clients: { '104000001': { secret: HW_SECRET, appId: '104000001' }, '104000009': { secret: 'other', appId: '104000009' } },
    }),
    startHonorEmulator({ tls: server, clients: { 'honor-client': { secret: HONOR_SECRET, appId: '104000002' } } }),
    startXiaomiEmulator({ tls: server, apps: { [MI_SECRET]: { packageName: 'com.example.app', channels: ['123'] } } }),
  ]);
  const certificates: CertificateConfig[] = [
    { id: '30001', platform: 'huawei', appId: '104000001', clientId: '104000001', clientSecret: HW_SECRET, category: 'IM' },
    { id: '30002', platform: 'honor', appId: '104000002', clientId: 'honor-client', clientSecret: HONOR_SECRET, importance: 'NORMAL' },
    { id: '30003', platform: 'xiaomi', packageName: 'com.example.app', appSecret: MI_SECRET, channelId: '123' },
  ];
  return {
    huawei,
    honor,
    xiaomi,
    caFile,
    certificates,
    providers: (timeoutMs = 5000) => ({
      ...DEFAULT_PROVIDERS,
      huawei: { authUrl: huawei.url, url: huawei.url, caFile, timeoutMs },
      honor: { authUrl: honor.url, url: honor.url, caFile, timeoutMs },
      xiaomi: { url: xiaomi.url, caFile, timeoutMs },
    }),
    app: (certs = certificates) => ({ name: 'prod', sdkAppId: 1400000000, secretKey: 'fixture-secret-key', certificates: structuredClone(certs) }),
    reset() {
      huawei.reset();
      honor.reset();
      xiaomi.reset();
    },
    async close() {
      await Promise.all([huawei.close(), honor.close(), xiaomi.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The loopback Huawei, Honor and Xiaomi and a device tester on them, for one test file: started before its tests,
 * reset before each, closed after. `set` receives both once they run (assign them to the file's variables).
 */
export function useVendorTester(log: Logger, set: (h: { vx: VendorEmulators; tester: DeviceTester }) => void): void {
  let vx: VendorEmulators | undefined;
  let tester: DeviceTester | undefined;
  beforeAll(async () => {
    vx = await startVendorEmulators();
    tester = createDeviceTester({ providers: vx.providers(), log });
    set({ vx, tester });
  });
  afterAll(async () => {
    await tester?.close();
    await vx?.close();
  });
  beforeEach(() => vx?.reset());
}
