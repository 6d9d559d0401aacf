// Hostile or broken YAML in imops.yml is a configuration error (exit 2) naming the file, never a crash.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { main } from '../../src/cli.js';
import { ConfigError } from '../../src/errors.js';

const KEY = 'k'.repeat(40);

function fileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'imops-yaml-')), 'imops.yml');
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

function loadError(path: string): ConfigError {
  try {
    loadConfig({ path, env: {} });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

async function cli(path: string): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(['usersig', 'gen', 'alice', '--config', path], { io: { out: () => {}, err: (t) => void (err += `${t}\n`), env: {}, cwd: tmpdir() } });
  return { code, err };
}

/** Nine levels of nine aliases each: 9^9 strings once expanded. */
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n');

describe('YAML aliases in the config file', () => {
  it('rejects an alias inside its own anchor (a sequence) as a configuration error with the file and line: exit 2', async () => {
    const path = fileWith(`apps:\n  - name: prod\n    sdkAppId: 1400000000\n    secretKey: ${KEY}\naccess: &x [*x]\n`);
    const err = loadError(path);
    expect(err.source).toBe(path);
    expect(err.field).toBe('line 5');
    expect(err.message).toMatch(/aliases may not refer to themselves/);
    expect(err.message).not.toContain(KEY);

    const r = await cli(path);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`imops: configuration error: ${path}: line 5:`);
    expect(r.err).not.toMatch(/stack size|unexpected error/);
  });

  it('rejects a mapping that contains itself', () => {
    const err = loadError(fileWith('providers: &p\n  apns: *p\n'));
    expect(err.field).toBe('line 2');
    expect(err.message).toMatch(/\*p is inside the node its anchor &p names/);
  });

  it('rejects a billion-laughs expansion before it exhausts memory: exit 2', async () => {
    const path = fileWith(BILLION_LAUGHS);
    expect(loadError(path).message).toMatch(/aliases expand too much/);
    expect((await cli(path)).code).toBe(2);
  });

  it('still accepts aliases a real config uses: one certificate list shared by two apps', () => {
    const path = fileWith(
      [
        'apps:',
        '  - name: prod',
        '    sdkAppId: 1400000000',
        `    secretKey: ${KEY}`,
        '    certificates: &certs',
        '      - { id: "20001", platform: fcm, serviceAccountFile: sa.json }',
        '  - name: staging',
        '    sdkAppId: 1400000001',
        `    secretKey: ${KEY}`,
        '    certificates: *certs',
        '',
      ].join('\n'),
    );
    const { config } = loadConfig({ path, env: {} });
    expect(config.apps.map((a) => a.certificates[0]!.id)).toEqual(['20001', '20001']);
  });

  it('names the line of a syntax error once, without the library excerpt of the source', () => {
    const err = loadError(fileWith(`apps: [\nsecretKey: ${KEY}\n`));
    expect(err.field).toMatch(/^line \d+$/);
    expect(err.message).toMatch(/is not valid YAML/);
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toMatch(/at line \d+, column/);
  });
});
