// A config file (or secretKeyFile) other users can read, holding a secret: imops starts, and says to chmod 600.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { main } from '../../src/cli.js';
import { baseEnv, startServe } from '../serve/harness.js';

const KEY = 'k'.repeat(40);
const PASSPHRASE = 'p12-passphrase-value';
const dir = mkdtempSync(join(tmpdir(), 'imops-perm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A file with exactly these permission bits, whatever the umask. */
function file(content: string, mode: number, name = `imops-${++n}.yml`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}
const withKey = (secretKey: string, extra: Record<string, unknown> = {}) => stringify({ apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey, ...extra }] });
const notices = (path: string, env: NodeJS.ProcessEnv = {}) => loadConfig({ path, env }).notices;

describe.skipIf(process.platform === 'win32')('secrets in files other users can read', () => {
  it('a world-readable config with secretKey written in it: a notice naming the file and chmod 600, never the key', () => {
    const path = file(withKey(KEY), 0o644);
    const [notice, ...rest] = notices(path);
    expect(rest).toEqual([]);
    expect(notice).toContain(`${path} holds a secret (apps[0].secretKey)`);
    expect(notice).toContain('mode 0644');
    expect(notice).toContain(`chmod 600 ${path}`);
    expect(notice).not.toContain(KEY);
  });

  it('a group-readable config is reported too', () => {
    expect(notices(file(withKey(KEY), 0o640)).join('\n')).toMatch(/mode 0640\): chmod 600/);
  });

  it('says nothing when only the owner can read the file, or the secret comes from ${ENV}', () => {
    expect(notices(file(withKey(KEY), 0o600))).toEqual([]);
    expect(notices(file(withKey('${IMOPS_PROD_KEY}'), 0o644), { IMOPS_PROD_KEY: KEY })).toEqual([]);
  });

  it('counts a PKCS#12 passphrase written in the file, without printing it', () => {
    const cert = {
      id: '10086',
      platform: 'apns',
      bundleId: 'com.example.app',
      environment: 'production',
      auth: { type: 'pkcs12', file: 'push.p12', passphrase: PASSPHRASE },
    };
    const path = file(withKey('${K}', { certificates: [cert] }), 0o604);
    const text = notices(path, { K: KEY }).join('\n');
    expect(text).toContain('apps[0].certificates[0].auth.passphrase');
    expect(text).toContain(`chmod 600 ${path}`);
    expect(text).not.toContain(PASSPHRASE);
  });

  it('a secretKeyFile other users can read: a notice naming it and chmod 600', () => {
    const keyFile = file(`${KEY}\n`, 0o644, 'prod.key');
    const path = file(stringify({ apps: [{ name: 'prod', sdkAppId: 1400000000, secretKeyFile: 'prod.key' }] }), 0o600);
    const text = notices(path).join('\n');
    expect(text).toContain(`${keyFile} (apps[0].secretKeyFile) holds a secret key`);
    expect(text).toContain(`chmod 600 ${keyFile}`);
    expect(text).not.toContain(KEY);
    chmodSync(keyFile, 0o600);
    expect(notices(path).join('\n')).not.toContain('chmod');
  });

  it('imops push certs prints the notice on stderr', async () => {
    const cert = { id: '20001', platform: 'fcm', serviceAccountFile: 'missing-sa.json' };
    const path = file(withKey(KEY, { certificates: [cert] }), 0o644);
    let err = '';
    await main(['push', 'certs', '--config', path], { io: { out: () => {}, err: (t) => void (err += `${t}\n`), env: {}, cwd: dir } });
    expect(err).toContain(`imops: note: ${path} holds a secret (apps[0].secretKey)`);
    expect(err).toContain(`chmod 600 ${path}`);
    expect(err).not.toContain(KEY);
  });

  it('the imops serve banner shows the notice', async () => {
    const path = file(withKey(KEY), 0o644);
    const serve = await startServe({ env: baseEnv({ IMOPS_CONFIG: path, IMOPS_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' }), cwd: dir });
    try {
      expect(serve.stdout()).toMatch(new RegExp(`notice: +${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds a secret`));
      expect(serve.stdout()).toContain(`chmod 600 ${path}`);
      expect(serve.stdout() + serve.stderr()).not.toContain(KEY);
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  });
});
