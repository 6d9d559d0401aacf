import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findApp, loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

const KEY = 'a'.repeat(64);

/** Files only their owner can read, as secrets should be (test/config/permissions.test.ts covers the others). */
function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imops-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, { mode: 0o600 });
  return dir;
}

function loadError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('defines one app named default from IMOPS_SDKAPPID and IMOPS_SECRET_KEY', () => {
    const { config } = loadConfig({ env: { IMOPS_SDKAPPID: '1400000000', IMOPS_SECRET_KEY: KEY }, cwd: dirWith({}) });
    expect(config.apps).toEqual([{ name: 'default', sdkAppId: 1400000000, secretKey: KEY, certificates: [] }]);
    expect(findApp(config).name).toBe('default');
  });

  it('starts with no app when nothing is configured, and says how to add one when an app is needed', () => {
    const { config } = loadConfig({ env: {}, cwd: dirWith({}) });
    expect(config.apps).toEqual([]);
    const err = loadError(() => findApp(config));
    expect(err.message).toMatch(/IMOPS_SDKAPPID and IMOPS_SECRET_KEY/);
  });

  it('names the missing half of the pair', () => {
    const err = loadError(() => loadConfig({ env: { IMOPS_SECRET_KEY: KEY }, cwd: dirWith({}) }));
    expect(err.field).toBe('IMOPS_SDKAPPID');
  });

  it('rejects an SDKAppID that is not a uint32', () => {
    const err = loadError(() => loadConfig({ env: { IMOPS_SDKAPPID: '14000000000', IMOPS_SECRET_KEY: KEY }, cwd: dirWith({}) }));
    expect(err.message).toMatch(/4294967295/);
  });

  it('never prints the value when the two variables are swapped', () => {
    const err = loadError(() => loadConfig({ env: { IMOPS_SDKAPPID: KEY, IMOPS_SECRET_KEY: '1400000000' }, cwd: dirWith({}) }));
    expect(err.field).toBe('IMOPS_SDKAPPID');
    expect(err.message).not.toContain(KEY);
  });

  it('trims whitespace around the key and says so, without printing the key', () => {
    const { config, notices } = loadConfig({ env: { IMOPS_SDKAPPID: '1400000000', IMOPS_SECRET_KEY: ` ${KEY}\n` }, cwd: dirWith({}) });
    expect(config.apps[0]!.secretKey).toBe(KEY);
    expect(notices.join('\n')).toMatch(/trimmed/);
    expect(notices.join('\n')).not.toContain(KEY);
  });

  it('puts data in IMOPS_DATA_DIR, ./data by default', () => {
    const cwd = dirWith({});
    expect(loadConfig({ env: {}, cwd }).config.dataDir).toBe(join(cwd, 'data'));
    expect(loadConfig({ env: { IMOPS_DATA_DIR: '/var/lib/imops' }, cwd }).config.dataDir).toBe('/var/lib/imops');
  });
});

describe('configuration file', () => {
  const yml = `
apps:
  - name: prod
    sdkAppId: 1400000000
    secretKey: \${PROD_KEY}
    certificates:
      - id: "10086"
        platform: apns
        bundleId: com.example.app
        environment: production
        auth: { type: token, keyFile: AuthKey.p8, keyId: ABC123DEFG, teamId: DEF123GHIJ }
      - id: 20001
        platform: fcm
        serviceAccountFile: firebase-sa.json
  - name: staging
    sdkAppId: 1400000001
    secretKeyFile: staging.key
access:
  usersig.generate: ["slack:U0123ABC"]
providers:
  apns: { sandboxUrl: "https://127.0.0.1:8443", timeoutMs: 2000 }
`;

  it('expands ${ENV}, reads secretKeyFile, resolves paths next to the file and fills provider defaults', () => {
    const dir = dirWith({ 'imops.yml': yml, 'staging.key': `${KEY}\n` });
    const { config, notices } = loadConfig({ env: { PROD_KEY: KEY }, cwd: dir });
    expect(config.source).toBe(join(dir, 'imops.yml'));
    expect(config.apps.map((a) => [a.name, a.sdkAppId, a.secretKey])).toEqual([
      ['prod', 1400000000, KEY],
      ['staging', 1400000001, KEY],
    ]);
    const [apns, fcm] = config.apps[0]!.certificates;
    expect(apns).toMatchObject({ id: '10086', platform: 'apns', auth: { type: 'token', keyFile: join(dir, 'AuthKey.p8') } });
    expect(fcm).toMatchObject({ id: '20001', platform: 'fcm', serviceAccountFile: join(dir, 'firebase-sa.json') });
    expect(config.providers.apns).toEqual({
      productionUrl: 'https://api.push.apple.com',
      sandboxUrl: 'https://127.0.0.1:8443',
      caFile: undefined,
      timeoutMs: 2000,
    });
    expect(config.providers.fcm.url).toBe('https://fcm.googleapis.com');
    expect(config.access['usersig.generate']).toEqual(['slack:U0123ABC']);
    expect(notices).toEqual(['apps[1].secretKeyFile: surrounding whitespace was trimmed from the secret key']);
  });

  it('takes the path from IMOPS_CONFIG or --config', () => {
    const dir = dirWith({ 'other.yml': 'apps: []\n' });
    expect(loadConfig({ env: { IMOPS_CONFIG: 'other.yml' }, cwd: dir }).config.source).toBe(join(dir, 'other.yml'));
    expect(loadConfig({ path: join(dir, 'other.yml'), env: {}, cwd: '/' }).config.source).toBe(join(dir, 'other.yml'));
  });

  it('names the field and the variable when ${ENV} is not set', () => {
    const dir = dirWith({ 'imops.yml': yml, 'staging.key': KEY });
    const err = loadError(() => loadConfig({ env: {}, cwd: dir }));
    expect(err.source).toBe(join(dir, 'imops.yml'));
    expect(err.field).toBe('apps[0].secretKey');
    expect(err.message).toMatch(/\$\{PROD_KEY\}/);
  });

  it.each([
    ['apps:\n  - name: prod\n    sdkAppId: abc\n    secretKey: k\n', 'apps[0].sdkAppId', /number/],
    ['apps:\n  - name: prod\n    sdkAppId: 1\n', 'apps[0].secretKey', /secretKey or secretKeyFile/],
    ['apps:\n  - name: "bad name"\n    sdkAppId: 1\n    secretKey: k\n', 'apps[0].name', /letters, digits/],
    [
      'apps:\n  - name: a\n    sdkAppId: 1\n    secretKey: k\n    certificates:\n      - { id: "1", platform: apns, bundleId: x, environment: prod, auth: { type: token, keyFile: k, keyId: a, teamId: b } }\n',
      'apps[0].certificates[0].environment',
      /production or sandbox/,
    ],
    [
      'apps:\n  - name: a\n    sdkAppId: 1\n    secretKey: k\n    certificates:\n      - { id: "1", platform: hms }\n',
      'apps[0].certificates[0].platform',
      /platform apns,? (or )?fcm/,
    ],
    ['apps:\n  - name: a\n    sdkAppId: 1\n    secretKey: k\n  - name: a\n    sdkAppId: 2\n    secretKey: k\n', 'apps[1].name', /used by two apps/],
    ['providers:\n  apns: { productionUrl: "not a url" }\n', 'providers.apns.productionUrl', /URL/],
    [
      'apps:\n  - name: a\n    sdkAppId: 7\n    secretKey: k\n  - name: b\n    sdkAppId: 7\n    secretKey: k\n',
      'apps[1].sdkAppId',
      /also the SDKAppID of apps\[0\]/,
    ],
  ])('rejects a bad file with the file, the field and what is expected (%#)', (text, field, expected) => {
    const dir = dirWith({ 'imops.yml': text });
    const err = loadError(() => loadConfig({ env: {}, cwd: dir }));
    expect(err.field).toBe(field);
    expect(err.message).toContain(join(dir, 'imops.yml'));
    expect(err.message).toMatch(expected);
  });

  it('refuses a providers caFile that is a folder or cannot be read, naming the field, at load time', () => {
    const dir = dirWith({ 'ca.pem': 'not checked here: only that it is a readable file' });
    mkdirSync(join(dir, 'certs'));
    const folder = loadError(() => loadConfig({ env: {}, cwd: dirWith({ 'imops.yml': `providers:\n  apns: { caFile: ${join(dir, 'certs')} }\n` }) }));
    expect(folder.field).toBe('providers.apns.caFile');
    expect(folder.message).toMatch(/is a folder/);
    const missing = loadError(() => loadConfig({ env: {}, cwd: dirWith({ 'imops.yml': `providers:\n  fcm: { caFile: ${join(dir, 'nope.pem')} }\n` }) }));
    expect(missing.field).toBe('providers.fcm.caFile');
    expect(missing.message).toMatch(/cannot read .*nope\.pem \(ENOENT\)/);
    const { config } = loadConfig({ env: {}, cwd: dirWith({ 'imops.yml': `providers:\n  apns: { caFile: ${join(dir, 'ca.pem')} }\n` }) });
    expect(config.providers.apns.caFile).toBe(join(dir, 'ca.pem'));
  });

  it('reports broken YAML with its line', () => {
    const dir = dirWith({ 'imops.yml': 'apps:\n  - name: [unclosed\n' });
    const err = loadError(() => loadConfig({ env: {}, cwd: dir }));
    expect(err.message).toMatch(/not valid YAML/);
    expect(err.field).toMatch(/line \d+/);
  });

  it('finds an app by name and lists the configured ones otherwise', () => {
    const dir = dirWith({ 'imops.yml': yml, 'staging.key': KEY });
    const { config } = loadConfig({ env: { PROD_KEY: KEY }, cwd: dir });
    expect(findApp(config, 'staging').sdkAppId).toBe(1400000001);
    expect(loadError(() => findApp(config, 'dev')).message).toMatch(/prod, staging/);
    expect(loadError(() => findApp(config)).message).toMatch(/--app/);
  });
});
