// A watch round's certificate conditions: a certificate close to expiry and a credential that cannot be used each
// alert once, and recover once fixed; nothing is repeated while nothing changes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchRound, type WatchDeps } from '../../src/checks/watch.js';
import type { CertificateConfig, Config, WatchConfig } from '../../src/config/types.js';
import { createLogger } from '../../src/log.js';
import { alertWords } from '../../src/present/incidents.js';
import { openServices, type Services } from '../../src/services.js';
import { en } from '../../src/text/en/index.js';
import { startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { createApplePushCert } from '../emulators/tls.js';

const DAY = 86_400_000;
const watch: WatchConfig = { every: '1h', everyMs: 3_600_000, notify: [], certificateExpiryDays: 30, sweep: { sample: 10, maxFailureRate: 0.2 } };

let fixture: PushFixture;
let dir: string;
let services: Services;
let deps: WatchDeps;

async function writeCert(name: string, notAfter: Date) {
  const c = await createApplePushCert({ notAfter });
  writeFileSync(join(dir, `${name}.pem`), c.certPem);
  writeFileSync(join(dir, `${name}.key`), c.keyPem, { mode: 0o600 });
}

beforeAll(async () => {
  fixture = await startPushFixture({ timeoutMs: 3000 });
  dir = mkdtempSync(join(tmpdir(), 'imops-watch-'));
  await writeCert('soon', new Date(Date.now() + 10 * DAY));
  const pem = (name: string) => ({ type: 'pem' as const, certFile: join(dir, `${name}.pem`), keyFile: join(dir, `${name}.key`) });
  const certificates: CertificateConfig[] = [
    { id: '30001', platform: 'apns', bundleId: 'com.example.app', environment: 'production', auth: pem('soon') },
    { id: '40001', platform: 'apns', bundleId: 'com.example.app', environment: 'production', auth: pem('missing') },
  ];
  const config: Config = {
    source: 'test',
    apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates }],
    access: {},
    providers: fixture.providers,
    dataDir: ':memory:',
  };
  const log = createLogger({ level: 'silent' });
  services = await openServices({ config, log, dataDir: ':memory:' });
  deps = {
    config,
    log,
    now: Date.now,
    push: services.push,
    devices: services.devices,
    metrics: services.metrics,
    locks: services.store.locks,
    alerts: services.store.alerts,
  };
});
afterAll(async () => {
  await services?.close();
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watch round: certificate health and expiry', () => {
  it('alerts on expiry ahead and on a broken credential, once, then on recovery', async () => {
    const first = await watchRound(deps, watch);
    expect(first.alerts.map((a) => [a.certificateId, a.kind, a.verdict])).toEqual([
      ['30001', 'expiring', 'CREDENTIAL_EXPIRING'],
      ['40001', 'credential', 'CREDENTIAL_INVALID'],
    ]);
    const expiring = alertWords(en, first.alerts[0]!);
    expect(expiring.cause).toMatch(/in 10 days/);
    expect(expiring.fix).toMatch(/Renew/);
    expect(alertWords(en, first.alerts[1]!).cause).toContain('missing.pem');
    expect(await services.metrics.watchAlerts.get({ kind: 'expiring' })).toBe(1);

    expect((await watchRound(deps, watch)).alerts).toEqual([]);

    await writeCert('soon', new Date(Date.now() + 300 * DAY));
    await writeCert('missing', new Date(Date.now() + 300 * DAY));
    const fixed = await watchRound(deps, watch);
    expect(fixed.alerts.map((a) => [a.certificateId, a.kind, alertWords(en, a).cause])).toEqual([
      ['30001', 'recovered', expect.stringContaining('no longer close to expiry')],
      ['40001', 'recovered', expect.stringContaining('credential works again (it was CREDENTIAL_INVALID)')],
    ]);
    expect((await watchRound(deps, watch)).alerts).toEqual([]);
  });
});
