import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { clock, describeStoreContract } from './contract.js';

// In memory, except for a store that will get a peer: two handles need one file between them.
const dirOf = new Map<object, string>();
describeStoreContract('sqlite', async ({ peerOf, ...o }) => {
  const dir = peerOf ? dirOf.get(peerOf)! : mkdtempSync(join(tmpdir(), 'imops-sqlite-contract-'));
  const store = openSqliteStore({ dataDir: dir, ...o });
  dirOf.set(store, dir);
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      if (!peerOf) rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('SQLite store', () => {
  const open: SqliteStore[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'imops-sqlite-'));
    dirs.push(dir);
    return dir;
  };

  it('lets one store of two on the same file hold a lock until it releases it or its lease runs out', async () => {
    const dir = tempDir();
    const c = clock();
    const a = openSqliteStore({ dataDir: dir, now: c.now });
    const b = openSqliteStore({ dataDir: dir, now: c.now });
    open.push(a, b);
    expect(await a.locks.tryAcquire('watch', 60_000)).toBe(true);
    expect(await b.locks.tryAcquire('watch', 60_000)).toBe(false);
    await b.locks.release('watch');
    expect(await b.locks.tryAcquire('watch', 60_000)).toBe(false);
    c.advance(60_000);
    expect(await b.locks.tryAcquire('watch', 60_000)).toBe(true);
    expect(await a.locks.tryAcquire('watch', 60_000)).toBe(false);
    await b.locks.release('watch');
    expect(await a.locks.tryAcquire('watch', 60_000)).toBe(true);
  });

  it('keeps devices across a reopen of the file database', async () => {
    const dir = tempDir();
    const c = clock();
    const first = openSqliteStore({ dataDir: dir, now: c.now });
    await first.devices.upsert({
      app: 'prod',
      userId: 'alice',
      certificateId: '10086',
      platform: 'apns',
      token: 'a'.repeat(64),
      bundleId: 'com.example.app',
      warnings: ['w'],
    });
    await first.close();

    c.advance(5000);
    const store = openSqliteStore({ dataDir: dir, now: c.now });
    open.push(store);
    expect(store.describe()).toBe(`SQLite at ${join(dir, 'imops.sqlite')}`);
    expect(await store.devices.list('prod', 'alice')).toEqual([
      expect.objectContaining({ token: 'a'.repeat(64), bundleId: 'com.example.app', warnings: ['w'], lastSeen: '2026-03-01T10:00:00.000Z' }),
    ]);
    expect((await store.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'a'.repeat(64) })).created).toBe(false);
  });

  it('upgrades a database made with the first schema: its rows survive and any platform can now be stored', async () => {
    const dir = tempDir();
    // What a v0.1 imops left behind: schema 1, where platform was limited to apns and fcm.
    const old = new Database(join(dir, 'imops.sqlite'));
    old.exec(migrations[0]!);
    old.pragma('user_version = 1');
    old
      .prepare(
        'INSERT INTO devices (app, user_id, token, certificate_id, platform, environment, warnings, first_uploaded, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run('prod', 'alice', 'a'.repeat(64), '10086', 'apns', 'production', '["w"]', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-01-02T00:00:00Z'));
    expect(() =>
      old
        .prepare(
          "INSERT INTO devices (app, user_id, token, certificate_id, platform, first_uploaded, last_seen) VALUES ('prod', 'bob', 't', '1', 'huawei', 0, 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    old.close();

    const store = openSqliteStore({ dataDir: dir });
    open.push(store);
    expect(store.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(await store.devices.list('prod', 'alice')).toEqual([
      {
        app: 'prod',
        userId: 'alice',
        certificateId: '10086',
        platform: 'apns',
        token: 'a'.repeat(64),
        environment: 'production',
        warnings: ['w'],
        firstUploaded: '2026-01-01T00:00:00.000Z',
        lastSeen: '2026-01-02T00:00:00.000Z',
      },
    ]);
    // Platforms are the provider registry's business now; the store keeps what it is given.
    store.db
      .prepare(
        "INSERT INTO devices (app, user_id, token, certificate_id, platform, first_uploaded, last_seen) VALUES ('prod', 'bob', 'hw-token', '30001', 'huawei', 0, 0)",
      )
      .run();
    expect(await store.devices.list('prod', 'bob')).toEqual([expect.objectContaining({ platform: 'huawei', certificateId: '30001' })]);
    // The index the per-user queries walk is back.
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'devices'").pluck().all()).toContain('devices_by_user');
  });

  it('one bad row in a batch does not fail its neighbours', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    open.push(store);
    store.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON devices WHEN NEW.token = 'bad' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
    const [a, bad, b] = await Promise.allSettled([
      store.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'a'.repeat(64) }),
      store.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'bad' }),
      store.devices.upsert({ app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns', token: 'b'.repeat(64) }),
    ]);
    expect([a!.status, bad!.status, b!.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.devices.list('prod', 'alice')).toHaveLength(1);
    expect(await store.devices.list('prod', 'bob')).toHaveLength(1);
    expect(store.health()).toEqual({ writable: true });
  });

  it('writes what is still queued before it closes', async () => {
    const store = openSqliteStore({ dataDir: tempDir() });
    const write = store.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'a'.repeat(64) });
    await store.close();
    expect((await write).created).toBe(true);
    await expect(store.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'b'.repeat(64) })).rejects.toThrow(
      /closed/,
    );
    expect(store.health()).toMatchObject({ writable: false });
  });
});
