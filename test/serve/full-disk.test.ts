// Issue 15: a full disk under the store. A real `imops serve` on a small tmpfs (needs root to mount; skipped
// where mounting is not allowed): uploads get 503 with Retry-After instead of 500, /readyz says store: false,
// and both recover by themselves once space is freed.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateUserSig } from '../../src/usersig/index.js';
import { baseEnv, startServe, tempDir } from './harness.js';

const SDKAPPID = 1400000000;
const SECRET = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

const tmp = tempDir('full-disk');
const mnt = join(tmp.dir, 'mnt');
mkdirSync(mnt);
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Write to `file` until the file system refuses: big chunks first, then smaller ones, down to one byte. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x61);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!mounted)('a full disk under the store (tmpfs)', () => {
  afterAll(() => {
    if (mounted) execFileSync('umount', [mnt]);
    tmp.remove();
  });

  it('answers 503 with Retry-After while the disk is full, /readyz says store: false, and both recover when space is freed', async () => {
    const serve = await startServe({
      cwd: tmp.dir,
      env: baseEnv({ IMOPS_DATA_DIR: join(mnt, 'data'), IMOPS_SDKAPPID: String(SDKAPPID), IMOPS_SECRET_KEY: SECRET, LOG_LEVEL: 'info' }),
    });
    try {
      const put = (userId: string) =>
        fetch(`${serve.url}/v1/devices`, {
          method: 'PUT',
          headers: {
            authorization: `UserSig ${generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId })}`,
            'x-sdkappid': String(SDKAPPID),
            'x-userid': userId,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ certificateId: '10086', token: 'a'.repeat(64) }),
        });
      expect((await put('before')).status).toBe(201);

      const filler = join(mnt, 'filler');
      fill(filler);
      // The WAL may still have room for a write or two; the first write that needs a new page is refused.
      let full: Response | undefined;
      for (let i = 0; i < 200 && !full; i++) {
        const res = await put(`during-${i}`);
        if (res.status === 503) full = res;
        else expect(res.status).toBe(201);
      }
      expect(full).toBeDefined();
      expect(Number(full!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await full!.json()).toMatchObject({ error: 'store_unavailable', message: expect.stringMatching(/disk .* is full|cannot write/) });

      const notReady = await fetch(`${serve.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ notReady: ['store'], checks: { store: false } });

      rmSync(filler);
      const ready = await fetch(`${serve.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { store: true } });
      expect((await put('after')).status).toBe(201);

      // A full disk is not a bug: no error-level "request failed" line, no stack.
      expect(serve.stderr()).not.toMatch(/"level":50/);
      expect(serve.stderr()).toMatch(/store cannot write; answered 503/);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});
