import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/db.js';
import { createDeviceStore, uploadWarnings } from '../../src/push/devices.js';
import type { CertificateConfig } from '../../src/config/types.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const tokenA = 'a'.repeat(64);
const tokenB = 'b'.repeat(64);

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

describe('device store', () => {
  const open: Db[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    open.splice(0).forEach((db) => db.open && db.close());
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });
  const memory = (now: () => number) => {
    const db = openDatabase(':memory:');
    open.push(db);
    return createDeviceStore(db, now);
  };

  it('keeps one row per (app, UserID, token): a re-upload moves last seen and replaces the report', () => {
    const c = clock();
    const store = memory(c.now);
    const first = store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA, appVersion: '1.0', deviceModel: 'iPhone15,2' });
    expect(first.created).toBe(true);
    expect(first.device.firstUploaded).toBe('2026-03-01T10:00:00.000Z');

    c.advance(60_000);
    const again = store.upsert({ app: 'prod', userId: 'alice', certificateId: '10087', platform: 'apns', token: tokenA, appVersion: '1.1', environment: 'sandbox' });
    expect(again.created).toBe(false);
    expect(again.device).toMatchObject({ firstUploaded: '2026-03-01T10:00:00.000Z', lastSeen: '2026-03-01T10:01:00.000Z', certificateId: '10087' });

    const [only, ...rest] = store.list('prod', 'alice');
    expect(rest).toEqual([]);
    expect(only).toEqual({
      app: 'prod', userId: 'alice', certificateId: '10087', platform: 'apns', token: tokenA, environment: 'sandbox', appVersion: '1.1',
      warnings: [], firstUploaded: '2026-03-01T10:00:00.000Z', lastSeen: '2026-03-01T10:01:00.000Z',
    });
  });

  it('lists a user\'s devices most recently seen first, and keeps apps and users apart', () => {
    const c = clock();
    const store = memory(c.now);
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
    c.advance(1000);
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '20001', platform: 'fcm', token: 'f'.repeat(150) });
    store.upsert({ app: 'staging', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenB });
    store.upsert({ app: 'prod', userId: 'Alice', certificateId: '10086', platform: 'apns', token: tokenB });
    expect(store.list('prod', 'alice').map((d) => d.certificateId)).toEqual(['20001', '10086']);
    expect(store.list('staging', 'alice').map((d) => d.token)).toEqual([tokenB]);
    expect(store.list('prod', 'bob')).toEqual([]);
  });

  it('stores warnings with the device and returns them', () => {
    const store = memory(clock().now);
    const warnings = ['The token looks like an FCM registration token but certificate 10086 is an APNs certificate.'];
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'x:APA91b', warnings });
    expect(store.list('prod', 'alice')[0]!.warnings).toEqual(warnings);
    // A corrected re-upload clears them.
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'x:APA91b' });
    expect(store.list('prod', 'alice')[0]!.warnings).toEqual([]);
  });

  it('removes one token on request, or all of the user\'s tokens on logout', () => {
    const store = memory(clock().now);
    for (const token of [tokenA, tokenB]) store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token });
    store.upsert({ app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns', token: tokenA });
    expect(store.remove('prod', 'alice', tokenA)).toBe(1);
    expect(store.remove('prod', 'alice', tokenA)).toBe(0);
    expect(store.list('prod', 'alice').map((d) => d.token)).toEqual([tokenB]);
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
    expect(store.remove('prod', 'alice')).toBe(2);
    expect(store.list('prod', 'alice')).toEqual([]);
    expect(store.list('prod', 'bob')).toHaveLength(1);
  });

  it('suggests known UserIDs by exact prefix, in order, up to the limit', () => {
    const store = memory(clock().now);
    for (const userId of ['alice', 'alina', 'al', 'Alan', 'bob', 'alice']) {
      store.upsert({ app: 'prod', userId, certificateId: '10086', platform: 'apns', token: `${userId}${tokenA}`.slice(0, 64) });
    }
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenB });
    store.upsert({ app: 'other', userId: 'alfred', certificateId: '10086', platform: 'apns', token: tokenA });
    expect(store.knownUserIds('prod', 'al', 10)).toEqual(['al', 'alice', 'alina']);
    expect(store.knownUserIds('prod', 'al', 2)).toEqual(['al', 'alice']);
    expect(store.knownUserIds('prod', '', 10)).toEqual(['Alan', 'al', 'alice', 'alina', 'bob']);
    expect(store.knownUserIds('prod', 'z', 10)).toEqual([]);
  });

  it('writes several reports in one go with the same rules, results in input order', () => {
    const c = clock();
    const store = memory(c.now);
    store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
    c.advance(1000);
    const results = store.upsertMany([
      { app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA, appVersion: '2' },
      { app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns', token: tokenB },
      { app: 'prod', userId: 'bob', certificateId: '10087', platform: 'apns', token: tokenB },
    ]);
    expect(results.map((r) => [r.device.userId, r.created])).toEqual([['alice', false], ['bob', true], ['bob', false]]);
    expect(results[0]!.device.firstUploaded).toBe('2026-03-01T10:00:00.000Z');
    expect(store.list('prod', 'bob')).toEqual([expect.objectContaining({ certificateId: '10087' })]);
    expect(store.upsertMany([])).toEqual([]);
  });

  it('keeps at most maxPerUser devices per user: a new token evicts the least recently seen, a refresh evicts nothing', () => {
    const c = clock();
    const db = openDatabase(':memory:');
    open.push(db);
    const store = createDeviceStore(db, c.now, { maxPerUser: 3 });
    const tok = (i: number) => i.toString(16).padStart(64, '0');
    const add = (userId: string, i: number) => store.upsert({ app: 'prod', userId, certificateId: '10086', platform: 'apns', token: tok(i) });
    for (const i of [1, 2, 3]) {
      expect(add('alice', i).evicted).toEqual([]);
      c.advance(1000);
    }
    add('bob', 9);
    store.upsert({ app: 'staging', userId: 'alice', certificateId: '10086', platform: 'apns', token: tok(8) });
    // Token 1 is the oldest upload, but the app just reported it again: token 2 is now the least recently seen.
    expect(add('alice', 1)).toMatchObject({ created: false, evicted: [] });
    c.advance(1000);
    const fourth = add('alice', 4);
    expect(fourth.created).toBe(true);
    expect(fourth.evicted).toEqual([expect.objectContaining({ token: tok(2), lastSeen: '2026-03-01T10:00:01.000Z' })]);
    expect(store.list('prod', 'alice').map((d) => d.token)).toEqual([tok(4), tok(1), tok(3)]);
    expect(store.list('prod', 'bob')).toHaveLength(1);
    expect(store.list('staging', 'alice')).toHaveLength(1);

    // A burst written in one transaction never leaves more than the cap either.
    c.advance(1000);
    const burst = store.upsertMany([5, 6, 7].map((i) => ({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns' as const, token: tok(i) })));
    expect(burst.flatMap((r) => r.evicted.map((d) => d.token)).sort()).toEqual([tok(1), tok(3), tok(4)]);
    expect(store.list('prod', 'alice').map((d) => d.token).sort()).toEqual([tok(5), tok(6), tok(7)]);
  });

  it('keeps 20 devices per user by default', () => {
    const store = memory(clock().now);
    expect(store.maxPerUser).toBe(20);
    const results = Array.from({ length: 25 }, (_, i) => store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: `${i}`.padStart(64, 'f') }));
    expect(results.filter((r) => r.evicted.length > 0)).toHaveLength(5);
    expect(store.list('prod', 'alice')).toHaveLength(20);
  });

  it('keeps devices across a reopen of the file database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imops-devices-'));
    dirs.push(dir);
    const c = clock();
    const db1 = openDatabase(dir);
    createDeviceStore(db1, c.now).upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA, bundleId: 'com.example.app', warnings: ['w'] });
    db1.close();

    c.advance(5000);
    const db2 = openDatabase(dir);
    open.push(db2);
    const store = createDeviceStore(db2, c.now);
    expect(store.list('prod', 'alice')).toEqual([expect.objectContaining({ token: tokenA, bundleId: 'com.example.app', warnings: ['w'], lastSeen: '2026-03-01T10:00:00.000Z' })]);
    expect(store.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA }).created).toBe(false);
  });
});

describe('upload warnings', () => {
  const apns: CertificateConfig = { id: '10086', platform: 'apns', bundleId: 'com.example.app', environment: 'production', auth: { type: 'token', keyFile: '/k.p8', keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' } };
  const fcm: CertificateConfig = { id: '20001', platform: 'fcm', serviceAccountFile: '/sa.json' };
  const fcmToken = `${'c'.repeat(22)}:APA91b${'d'.repeat(130)}`;

  it('has nothing to say about a matching report', () => {
    expect(uploadWarnings(apns, { token: tokenA, platform: 'apns', environment: 'production', bundleId: 'com.example.app' })).toEqual([]);
    expect(uploadWarnings(fcm, { token: fcmToken, platform: 'fcm' })).toEqual([]);
  });

  it('names a token under the other platform\'s certificate, a wrong environment and a wrong bundle ID', () => {
    expect(uploadWarnings(apns, { token: fcmToken })).toEqual([expect.stringMatching(/FCM registration token but certificate 10086 is an APNs certificate/)]);
    expect(uploadWarnings(fcm, { token: tokenA })).toEqual([expect.stringMatching(/APNs device token \(hex\) but certificate 20001 is an FCM certificate/)]);
    expect(uploadWarnings(apns, { token: tokenA, platform: 'fcm' })[0]).toMatch(/reported platform fcm/);
    expect(uploadWarnings(apns, { token: tokenA, environment: 'sandbox' })[0]).toMatch(/sandbox token but certificate 10086 is for production/);
    expect(uploadWarnings(apns, { token: tokenA, bundleId: 'com.example.dev' })[0]).toMatch(/DeviceTokenNotForTopic/);
    expect(uploadWarnings(apns, { token: `<${tokenA}>` })[0]).toMatch(/NSData/);
  });
});
