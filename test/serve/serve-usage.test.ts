// `imops serve` refuses to start, with exit status 2 and the fix, when how it is called cannot work.
// These run `main()` in process: each stops before anything listens.
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { tempDir } from './harness.js';

async function run(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { io: { out: (t) => void (out += t), err: (t) => void (err += t), env, cwd } });
  return { code, out, err };
}

describe('imops serve usage errors', () => {
  it('rejects a PORT that is not a port number', async () => {
    const tmp = tempDir('port');
    try {
      const r = await run(['serve'], { PORT: 'http', IMOPS_DATA_DIR: join(tmp.dir, 'data') }, tmp.dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('port "http" is not a port number');
      expect(r.err).toContain('fix: give PORT or --port a whole number from 0 to 65535');
    } finally {
      tmp.remove();
    }
  });

  it('rejects an unknown LOG_LEVEL and lists the levels', async () => {
    const tmp = tempDir('level');
    try {
      const r = await run(['serve', '--port', '0'], { LOG_LEVEL: 'verbose', IMOPS_DATA_DIR: join(tmp.dir, 'data') }, tmp.dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain('LOG_LEVEL "verbose" is not a log level');
      expect(r.err).toContain('debug');
    } finally {
      tmp.remove();
    }
  });

  it('says which port is taken and how to choose another, and leaves the store closed', async () => {
    const tmp = tempDir('inuse');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    try {
      const r = await run(['serve', '--host', '127.0.0.1', '--port', String(port)], { IMOPS_DATA_DIR: join(tmp.dir, 'data'), LOG_LEVEL: 'silent' }, tmp.dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`port ${port} is already in use`);
      expect(r.err).toMatch(/fix: .*PORT=.*--port/);
      expect(r.out).not.toContain('listening');
    } finally {
      blocker.close();
      tmp.remove();
    }
  });

  it('tells a Chinese shell the same usage errors in Chinese', async () => {
    const tmp = tempDir('zh');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    try {
      const env = { IMOPS_DATA_DIR: join(tmp.dir, 'data'), LANG: 'zh_CN.UTF-8' };
      const bad = await run(['serve'], { ...env, PORT: 'http' }, tmp.dir);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('imops: "http" 不是有效的端口号\n  处理方法：请给 PORT 或 --port 一个 0 到 65535 之间的整数（0 表示自动选择空闲端口）');
      const level = await run(['serve', '--port', '0'], { ...env, LOG_LEVEL: 'verbose' }, tmp.dir);
      expect(level.err).toContain('imops: LOG_LEVEL "verbose" 不是有效的日志级别\n  处理方法：请使用以下之一：fatal、error、warn、info、debug、trace、silent');
      const taken = await run(['--lang', 'zh-CN', 'serve', '--host', '127.0.0.1', '--port', String(port)], { ...env, LOG_LEVEL: 'silent', LANG: 'C' }, tmp.dir);
      expect(taken.code).toBe(2);
      expect(taken.err).toContain(`imops: 端口 ${port} 已被占用\n  处理方法：请停止占用它的进程，或用 PORT=… 或 --port 换一个端口`);
    } finally {
      blocker.close();
      tmp.remove();
    }
  });

  it('says when the data directory cannot be used, and how to fix it', async () => {
    const tmp = tempDir('datadir');
    try {
      const notADir = join(tmp.dir, 'data');
      writeFileSync(notADir, 'a file where the data directory should be');
      const r = await run(['serve', '--host', '127.0.0.1', '--port', '0'], { IMOPS_DATA_DIR: notADir, LOG_LEVEL: 'silent' }, tmp.dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`cannot open the store in ${notADir}`);
      expect(r.err).toContain('fix: set IMOPS_DATA_DIR to a directory this user can create and write');
    } finally {
      tmp.remove();
    }
  });
});
