// IMOPS_DATABASE_URL and IMOPS_DATABASE_POOL (issue 13): Postgres when set, SQLite otherwise; a wrong value stops
// start-up naming the variable, and never repeats the URL (it holds the database password).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { runImops, tempDir, baseEnv } from '../serve/harness.js';
import { createServer } from 'node:net';

const load = (env: Record<string, string>) => loadConfig({ env, cwd: '/nonexistent' }).config;

describe('the database settings', () => {
  it('are absent without IMOPS_DATABASE_URL (the embedded SQLite store), and taken with it', () => {
    expect(load({}).database).toBeUndefined();
    expect(load({ IMOPS_DATABASE_URL: 'postgres://u:p@db:5432/imops' }).database).toEqual({ url: 'postgres://u:p@db:5432/imops' });
    expect(load({ IMOPS_DATABASE_URL: 'postgresql://db/imops', IMOPS_DATABASE_POOL: '25' }).database).toEqual({ url: 'postgresql://db/imops', pool: 25 });
  });

  it('refuse a URL that is not postgres:// without repeating it, and a pool that is not a sensible number', () => {
    const wrong = () => load({ IMOPS_DATABASE_URL: 'mysql://root:hunter2@db/imops' });
    expect(wrong).toThrow(ConfigError);
    expect(wrong).toThrow(/IMOPS_DATABASE_URL.*not a postgres:\/\/ URL/);
    try {
      wrong();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain('hunter2');
    }
    expect(() => load({ IMOPS_DATABASE_URL: 'postgres://db/imops', IMOPS_DATABASE_POOL: '0' })).toThrow(/IMOPS_DATABASE_POOL.*1 to 500/);
    expect(() => load({ IMOPS_DATABASE_POOL: '5' })).toThrow(/IMOPS_DATABASE_URL is not/);
  });

  it('imops serve with a database nobody answers at exits 2 naming host, port and database, never the password', async () => {
    const port = await new Promise<number>((res) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
    });
    const tmp = tempDir('db-down');
    try {
      const r = await runImops({
        env: baseEnv({ IMOPS_DATABASE_URL: `postgres://imops:pw-not-shown@127.0.0.1:${port}/imops` }),
        cwd: tmp.dir,
        args: ['serve', '--host', '127.0.0.1'],
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`127.0.0.1:${port}/imops`);
      expect(r.stderr).toMatch(/ECONNREFUSED/);
      expect(r.stdout + r.stderr).not.toContain('pw-not-shown');
    } finally {
      tmp.remove();
    }
  });
});
