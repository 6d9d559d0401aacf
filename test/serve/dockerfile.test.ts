// No Docker engine runs here, so these check what would break an image build or a running container:
// the HEALTHCHECK command really tells a live server from a dead one, the build stage copies everything the
// build compiles, and the image starts the file the build produces.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../src/log.js';
import { Metrics } from '../../src/metrics.js';
import { Router } from '../../src/http/router.js';
import { createHttpServer } from '../../src/http/server.js';
import { ROOT } from './harness.js';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
/** Instructions with their `\` continuations joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const stages = dockerfile.split(/^FROM /m).slice(1);

function exec(cmd: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((res) => {
    execFile(cmd[0] === 'node' ? process.execPath : cmd[0]!, cmd.slice(1), { env, timeout: 10_000 }, (err) => {
      res(err ? (typeof err.code === 'number' ? err.code : 1) : 0);
    });
  });
}

describe('Dockerfile', () => {
  const healthcheck = instructions.find((l) => l.startsWith('HEALTHCHECK'));
  const healthCmd = JSON.parse(/CMD (\[.*\])$/.exec(healthcheck ?? '')?.[1] ?? '[]') as string[];

  it('has a HEALTHCHECK that passes against a live server and fails when nothing answers', async () => {
    expect(healthCmd[0]).toBe('node');
    const http = createHttpServer({
      log: createLogger({ level: 'silent' }),
      metrics: new Metrics(),
      router: new Router(),
      ready: () => ({ store: true }),
    });
    const { port } = await http.listen(0, '127.0.0.1');
    try {
      expect(await exec(healthCmd, { PORT: String(port) })).toBe(0);
    } finally {
      await http.close(100);
    }
    // The same port, now closed.
    expect(await exec(healthCmd, { PORT: String(port) })).toBe(1);
  });

  it('copies into the build stage every directory the build compiles', () => {
    const build = stages[0]!;
    const buildConfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    const copied = [...build.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const dir of buildConfig.include) {
      expect(copied, `tsconfig.build.json includes ${dir}`).toContain(dir);
      expect(existsSync(join(ROOT, dir))).toBe(true);
    }
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) expect(copied).toContain(file);
    // What the build stage copies must not be excluded from the build context.
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const path of copied) expect(ignored).not.toContain(path);
  });

  it('runs the built CLI as a non-root user with the data volume, and keeps secrets and local state out of the context', () => {
    const final = stages[stages.length - 1]!;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { imops: string } };
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(final)?.[1] ?? '[]') as string[];
    expect(cmd).toEqual(['node', pkg.bin.imops, 'serve']);
    expect(final).toMatch(/^USER (?!root)\S+/m);
    expect(final).toContain('IMOPS_DATA_DIR=/data');
    expect(final).toMatch(/^VOLUME \["\/data"\]/m);
    expect(final).toMatch(/^EXPOSE 3000/m);
    expect(final).not.toMatch(/npm (ci|install)(?!.*--omit=dev)/);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
    for (const entry of ['node_modules', 'data', '.env', 'imops.yml', '*.p8', '*.p12', '.git']) expect(ignored.split('\n')).toContain(entry);
  });
});
