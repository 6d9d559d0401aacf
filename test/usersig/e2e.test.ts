import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { randomKey } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function imops(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/imops.ts', ...args],
      { cwd: root, env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout, err: stderr });
      },
    );
  });
}

describe('the real imops binary', () => {
  // Two process starts that load every adapter: slow on a busy 2-core machine, hence the generous timeout.
  it('gen alice with the env pair, then verify alice <it>: VALID, exit 0', { timeout: 90_000 }, async () => {
    const env = { IMOPS_SDKAPPID: '1400000000', IMOPS_SECRET_KEY: randomKey() };
    const gen = await imops(['usersig', 'gen', 'alice'], env);
    expect(gen.code, gen.err).toBe(0);
    const sig = /eJ[A-Za-z0-9*_-]{40,}/.exec(gen.out)![0];
    const ok = await imops(['usersig', 'verify', 'alice', sig], env);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^✓ Valid UserSig for alice/);
  });
});
