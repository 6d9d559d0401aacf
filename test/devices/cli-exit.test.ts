import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { capturedIo } from './helpers.js';

const SECRET = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** Exit status 2 and the fix, never "unexpected error" and 1, when the environment is what is wrong. */
describe('imops devices / push / audit: configuration errors exit 2 with the fix', () => {
  let dir: string;
  let notADir: string;
  const base = () => ({ IMOPS_SDKAPPID: '1400000000', IMOPS_SECRET_KEY: SECRET, IMOPS_DATA_DIR: join(dir, 'data') });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'imops-exit-'));
    notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'a file where the data directory should be');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function imops(args: string[], env: NodeJS.ProcessEnv) {
    const cap = capturedIo(env, dir);
    const code = await main(args, { io: cap.io });
    return { code, out: cap.stdout(), err: cap.stderr() };
  }

  const storeCommands = [['devices', 'list', 'alice'], ['devices', 'add', 'alice', '--cert', '10086', '--token', 'abc'], ['push', 'test', 'alice'], ['audit']];

  it.each(storeCommands)('IMOPS_DATA_DIR pointing at a file: %s %s', async (...args) => {
    const r = await imops(args, { ...base(), IMOPS_DATA_DIR: notADir });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`imops: configuration error: IMOPS_DATA_DIR: cannot open the store in ${notADir}`);
    expect(r.err).toContain('fix: set IMOPS_DATA_DIR to a directory this user can create and write');
    expect(r.err).not.toContain('unexpected error');
  });

  it.each([...storeCommands, ['push', 'certs']])('LOG_LEVEL=bogus: %s %s', async (...args) => {
    const r = await imops(args, { ...base(), LOG_LEVEL: 'bogus' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('imops: LOG_LEVEL "bogus" is not a log level\n  fix: use one of fatal, error, warn, info, debug, trace, silent');
    expect(r.out).toBe('');
  });

  it('accepts every documented LOG_LEVEL, and none', async () => {
    for (const LOG_LEVEL of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', '']) {
      const r = await imops(['devices', 'list', 'alice'], { ...base(), LOG_LEVEL });
      expect({ LOG_LEVEL, code: r.code }).toEqual({ LOG_LEVEL, code: 0 });
      expect(r.out).toContain('NO_DEVICES');
    }
  });
});
