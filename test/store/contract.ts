/**
 * What every Store must do, whatever sits behind it. A store module runs it with a factory:
 *   describeStoreContract('sqlite', (o) => openSqliteStore({ dataDir: ':memory:', ...o }))
 * Each test opens its own store with its own clock; stores are closed after each test. A factory opens an empty
 * store, except when given `peerOf`: then a second handle (another process, another replica) on the same data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.js';

export interface ContractOptions {
  now: () => number;
  maxPerUser?: number;
  /** Open another handle onto this store's data (as a second replica would), not an empty store. */
  peerOf?: Store;
}

export const T0 = Date.parse('2026-03-01T10:00:00Z');
const tokenA = 'a'.repeat(64);
const tokenB = 'b'.repeat(64);

export function clock(start = T0) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export function describeStoreContract(name: string, open: (options: ContractOptions) => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });
    const store = async (options: ContractOptions) => {
      const s = await open(options);
      opened.push(s);
      return s;
    };
    const devices = async (now: () => number, maxPerUser?: number) => (await store({ now, ...(maxPerUser !== undefined && { maxPerUser }) })).devices;
    /** Two handles on the same data, as two replicas (or `serve` and a CLI command) have. */
    const pair = async (now: () => number, maxPerUser?: number) => {
      const a = await store({ now, ...(maxPerUser !== undefined && { maxPerUser }) });
      const b = await store({ now, peerOf: a, ...(maxPerUser !== undefined && { maxPerUser }) });
      return [a, b] as const;
    };

    it('keeps one row per (app, UserID, token): a re-upload moves last seen and replaces the report', async () => {
      const c = clock();
      const s = await devices(c.now);
      const first = await s.upsert({
        app: 'prod',
        userId: 'alice',
        certificateId: '10086',
        platform: 'apns',
        token: tokenA,
        appVersion: '1.0',
        deviceModel: 'iPhone15,2',
      });
      expect(first.created).toBe(true);
      expect(first.device.firstUploaded).toBe('2026-03-01T10:00:00.000Z');

      c.advance(60_000);
      const again = await s.upsert({
        app: 'prod',
        userId: 'alice',
        certificateId: '10087',
        platform: 'apns',
        token: tokenA,
        appVersion: '1.1',
        environment: 'sandbox',
      });
      expect(again.created).toBe(false);
      expect(again.device).toMatchObject({ firstUploaded: '2026-03-01T10:00:00.000Z', lastSeen: '2026-03-01T10:01:00.000Z', certificateId: '10087' });

      const [only, ...rest] = await s.list('prod', 'alice');
      expect(rest).toEqual([]);
      expect(only).toEqual({
        app: 'prod',
        userId: 'alice',
        certificateId: '10087',
        platform: 'apns',
        token: tokenA,
        environment: 'sandbox',
        appVersion: '1.1',
        warnings: [],
        firstUploaded: '2026-03-01T10:00:00.000Z',
        lastSeen: '2026-03-01T10:01:00.000Z',
      });
    });

    it("lists a user's devices most recently seen first, and keeps apps and users apart", async () => {
      const c = clock();
      const s = await devices(c.now);
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
      c.advance(1000);
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '20001', platform: 'fcm', token: 'f'.repeat(150) });
      await s.upsert({ app: 'staging', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenB });
      await s.upsert({ app: 'prod', userId: 'Alice', certificateId: '10086', platform: 'apns', token: tokenB });
      expect((await s.list('prod', 'alice')).map((d) => d.certificateId)).toEqual(['20001', '10086']);
      expect((await s.list('staging', 'alice')).map((d) => d.token)).toEqual([tokenB]);
      expect(await s.list('prod', 'bob')).toEqual([]);
    });

    it('stores warnings with the device and returns them', async () => {
      const s = await devices(clock().now);
      const warnings = ['The token looks like an FCM registration token but certificate 10086 is an APNs certificate.'];
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'x:APA91b', warnings });
      expect((await s.list('prod', 'alice'))[0]!.warnings).toEqual(warnings);
      // A corrected re-upload clears them.
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'x:APA91b' });
      expect((await s.list('prod', 'alice'))[0]!.warnings).toEqual([]);
    });

    it("removes one token on request, or all of the user's tokens on logout", async () => {
      const s = await devices(clock().now);
      for (const token of [tokenA, tokenB]) await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token });
      await s.upsert({ app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns', token: tokenA });
      expect(await s.remove('prod', 'alice', tokenA)).toBe(1);
      expect(await s.remove('prod', 'alice', tokenA)).toBe(0);
      expect((await s.list('prod', 'alice')).map((d) => d.token)).toEqual([tokenB]);
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
      expect(await s.remove('prod', 'alice')).toBe(2);
      expect(await s.list('prod', 'alice')).toEqual([]);
      expect(await s.list('prod', 'bob')).toHaveLength(1);
    });

    it('suggests known UserIDs by exact prefix, in order, up to the limit', async () => {
      const s = await devices(clock().now);
      for (const userId of ['alice', 'alina', 'al', 'Alan', 'bob', 'alice']) {
        await s.upsert({ app: 'prod', userId, certificateId: '10086', platform: 'apns', token: `${userId}${tokenA}`.slice(0, 64) });
      }
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenB });
      await s.upsert({ app: 'other', userId: 'alfred', certificateId: '10086', platform: 'apns', token: tokenA });
      expect(await s.knownUserIds('prod', 'al', 10)).toEqual(['al', 'alice', 'alina']);
      expect(await s.knownUserIds('prod', 'al', 2)).toEqual(['al', 'alice']);
      expect(await s.knownUserIds('prod', '', 10)).toEqual(['Alan', 'al', 'alice', 'alina', 'bob']);
      expect(await s.knownUserIds('prod', 'z', 10)).toEqual([]);
    });

    it('takes several reports at once with the same rules, each answered as if alone, in call order', async () => {
      const c = clock();
      const s = await devices(c.now);
      await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
      c.advance(1000);
      const results = await Promise.all([
        s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA, appVersion: '2' }),
        s.upsert({ app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns', token: tokenB }),
        s.upsert({ app: 'prod', userId: 'bob', certificateId: '10087', platform: 'apns', token: tokenB }),
      ]);
      expect(results.map((r) => [r.device.userId, r.created])).toEqual([
        ['alice', false],
        ['bob', true],
        ['bob', false],
      ]);
      expect(results[0]!.device.firstUploaded).toBe('2026-03-01T10:00:00.000Z');
      expect(await s.list('prod', 'bob')).toEqual([expect.objectContaining({ certificateId: '10087' })]);
    });

    it("applies one user's writes in the order they were called: a remove is never overtaken by an earlier upload", async () => {
      const s = await devices(clock().now);
      const put = s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
      const del = s.remove('prod', 'alice', tokenA);
      expect((await put).created).toBe(true);
      expect(await del).toBe(1);
      expect(await s.list('prod', 'alice')).toEqual([]);

      // Removed, then uploaded again: the upload wins.
      const gone = s.remove('prod', 'alice');
      const back = s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenB });
      expect(await gone).toBe(0);
      expect((await back).created).toBe(true);
      expect((await s.list('prod', 'alice')).map((d) => d.token)).toEqual([tokenB]);
    });

    it('a logout after 1,000 uploads of one user leaves nothing, whatever the store batches', async () => {
      const s = await devices(clock().now, 2000);
      const puts = Array.from({ length: 1000 }, (_, i) =>
        s.upsert({ app: 'prod', userId: 'zoe', certificateId: '10086', platform: 'apns', token: i.toString(16).padStart(64, '0') }),
      );
      const removed = s.remove('prod', 'zoe');
      await Promise.all(puts);
      expect(await removed).toBe(1000);
      expect(await s.list('prod', 'zoe')).toEqual([]);
    });

    it('keeps at most maxPerUser devices per user: a new token evicts the least recently seen, a refresh evicts nothing', async () => {
      const c = clock();
      const s = await devices(c.now, 3);
      const tok = (i: number) => i.toString(16).padStart(64, '0');
      const add = (userId: string, i: number) => s.upsert({ app: 'prod', userId, certificateId: '10086', platform: 'apns', token: tok(i) });
      for (const i of [1, 2, 3]) {
        expect((await add('alice', i)).evicted).toEqual([]);
        c.advance(1000);
      }
      await add('bob', 9);
      await s.upsert({ app: 'staging', userId: 'alice', certificateId: '10086', platform: 'apns', token: tok(8) });
      // Token 1 is the oldest upload, but the app just reported it again: token 2 is now the least recently seen.
      expect(await add('alice', 1)).toMatchObject({ created: false, evicted: [] });
      c.advance(1000);
      const fourth = await add('alice', 4);
      expect(fourth.created).toBe(true);
      expect(fourth.evicted).toEqual([expect.objectContaining({ token: tok(2), lastSeen: '2026-03-01T10:00:01.000Z' })]);
      expect((await s.list('prod', 'alice')).map((d) => d.token)).toEqual([tok(4), tok(1), tok(3)]);
      expect(await s.list('prod', 'bob')).toHaveLength(1);
      expect(await s.list('staging', 'alice')).toHaveLength(1);

      // A burst arriving together never leaves more than the cap either.
      c.advance(1000);
      const burst = await Promise.all([5, 6, 7].map((i) => add('alice', i)));
      expect(burst.flatMap((r) => r.evicted.map((d) => d.token)).sort()).toEqual([tok(1), tok(3), tok(4)]);
      expect((await s.list('prod', 'alice')).map((d) => d.token).sort()).toEqual([tok(5), tok(6), tok(7)]);
    });

    it('keeps 20 devices per user by default', async () => {
      const s = await devices(clock().now);
      expect(s.maxPerUser).toBe(20);
      const results: Awaited<ReturnType<typeof s.upsert>>[] = [];
      for (let i = 0; i < 25; i++)
        results.push(await s.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: `${i}`.padStart(64, 'f') }));
      expect(results.filter((r) => r.evicted.length > 0)).toHaveLength(5);
      expect(await s.list('prod', 'alice')).toHaveLength(20);
    });

    it('records audit entries and lists them newest first, optional fields absent when not given', async () => {
      const c = clock();
      const s = await store({ now: c.now });
      await s.audit.record({ principal: 'slack:U1', action: 'usersig.verify', app: 'prod', target: 'alice', outcome: 'VALID' });
      c.advance(1000);
      await s.audit.record({ principal: 'cli:root', action: 'push.test', outcome: 'no devices', detail: 'd' });
      expect(await s.audit.recent(10)).toEqual([
        { at: '2026-03-01T10:00:01.000Z', principal: 'cli:root', action: 'push.test', outcome: 'no devices', detail: 'd' },
        { at: '2026-03-01T10:00:00.000Z', principal: 'slack:U1', action: 'usersig.verify', app: 'prod', target: 'alice', outcome: 'VALID' },
      ]);
      expect(await s.audit.recent(1)).toHaveLength(1);
    });

    it('lists the most recently seen devices of one certificate, newest first, up to the limit', async () => {
      const c = clock();
      const s = await devices(c.now);
      for (let i = 0; i < 5; i++) {
        await s.upsert({ app: 'prod', userId: `u${i}`, certificateId: '10086', platform: 'apns', token: `${i}`.padStart(64, 'c') });
        c.advance(1000);
      }
      await s.upsert({ app: 'prod', userId: 'other', certificateId: '20001', platform: 'fcm', token: 'f'.repeat(40) });
      await s.upsert({ app: 'test', userId: 'u9', certificateId: '10086', platform: 'apns', token: 'd'.repeat(64) });
      const sample = await s.listByCertificate('prod', '10086', 3);
      expect(sample.map((d) => d.userId)).toEqual(['u4', 'u3', 'u2']);
      expect(await s.listByCertificate('prod', '10086', 100)).toHaveLength(5);
      expect(await s.listByCertificate('prod', '99999', 100)).toEqual([]);
    });

    it('imports a batch in order with other writes: counts new and replaced rows, keeps the given last seen', async () => {
      const c = clock();
      const s = await devices(c.now);
      const rows = [
        { app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns' as const, token: tokenA, lastSeen: T0 - 86_400_000 },
        { app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns' as const, token: tokenB },
      ];
      const first = s.importBatch(rows);
      const removed = s.remove('prod', 'bob');
      expect(await first).toEqual({ stored: 2, updated: 0 });
      expect(await removed).toBe(1);
      const alice = await s.list('prod', 'alice');
      expect(alice[0]?.lastSeen).toBe('2026-02-28T10:00:00.000Z');
      expect(await s.importBatch(rows)).toEqual({ stored: 1, updated: 1 });
      expect(await s.listByCertificate('prod', '10086', 10)).toHaveLength(2);
    });

    it('keeps the alert state per (app, certificate, condition)', async () => {
      const s = await store({ now: clock().now });
      expect(await s.alerts.get('prod', '10086', 'credential')).toBeUndefined();
      await s.alerts.set('prod', '10086', 'credential', { state: 'bad', verdict: 'CREDENTIAL_EXPIRED', since: '2026-03-01T10:00:00.000Z' });
      await s.alerts.set('prod', '10086', 'expiring', { state: 'ok', since: '2026-03-01T10:00:00.000Z' });
      expect(await s.alerts.get('prod', '10086', 'credential')).toEqual({ state: 'bad', verdict: 'CREDENTIAL_EXPIRED', since: '2026-03-01T10:00:00.000Z' });
      expect(await s.alerts.get('prod', '10086', 'expiring')).toEqual({ state: 'ok', since: '2026-03-01T10:00:00.000Z' });
      await s.alerts.set('prod', '10086', 'credential', { state: 'ok', since: '2026-03-01T11:00:00.000Z' });
      expect(await s.alerts.get('prod', '10086', 'credential')).toEqual({ state: 'ok', since: '2026-03-01T11:00:00.000Z' });
      expect(await s.alerts.get('test', '10086', 'credential')).toBeUndefined();
    });

    it('leases a lock: its holder may renew it, and after release it can be taken again', async () => {
      const s = await store({ now: clock().now });
      expect(await s.locks.tryAcquire('watch', 60_000)).toBe(true);
      expect(await s.locks.tryAcquire('watch', 60_000)).toBe(true);
      await s.locks.release('watch');
      expect(await s.locks.tryAcquire('watch', 60_000)).toBe(true);
      expect(await s.locks.tryAcquire('other', 60_000)).toBe(true);
    });

    it('keeps IM callback events per (app, UserID), newest first, with their data as received', async () => {
      const c = clock();
      const s = await store({ now: c.now });
      await s.events.append([
        { app: 'prod', userId: 'bob', command: 'State.StateChange', at: T0 - 2000, data: { Action: 'Login', Reason: 'Register' } },
        { app: 'prod', userId: 'bob', command: 'Push.OfflinePush', at: T0 - 1000, data: { ErrCode: 0, PushStage: 2, MsgKey: 'k1' } },
        { app: 'prod', userId: 'carol', command: 'State.StateChange', at: T0, data: { Action: 'Logout' } },
        { app: 'test', userId: 'bob', command: 'State.StateChange', at: T0, data: { Action: 'Logout' } },
      ]);
      await s.events.append([
        { app: 'prod', userId: 'bob', command: 'State.StateChange', at: T0 - 1000, data: { Action: 'Logout', KickedDevice: [{ Platform: 'iPhone' }] } },
      ]);
      const bob = await s.events.recent('prod', 'bob', 10);
      expect(bob.map((e) => [e.command, e.at])).toEqual([
        ['State.StateChange', T0 - 1000],
        ['Push.OfflinePush', T0 - 1000],
        ['State.StateChange', T0 - 2000],
      ]);
      expect(bob[0]).toEqual({
        app: 'prod',
        userId: 'bob',
        command: 'State.StateChange',
        at: T0 - 1000,
        data: { Action: 'Logout', KickedDevice: [{ Platform: 'iPhone' }] },
      });
      expect(await s.events.recent('prod', 'bob', 1)).toHaveLength(1);
      expect(await s.events.recent('prod', 'nobody', 10)).toEqual([]);
    });

    it('keeps only the newest 50 events of a user and forgets events older than 7 days', async () => {
      const c = clock();
      const s = await store({ now: c.now });
      const many = Array.from({ length: 60 }, (_, i) => ({
        app: 'prod',
        userId: 'bob',
        command: 'Push.OfflinePush',
        at: T0 - 60_000 + i * 1000,
        data: { n: i },
      }));
      await s.events.append(many.slice(0, 30));
      await s.events.append(many.slice(30));
      await s.events.append([{ app: 'prod', userId: 'bob', command: 'State.StateChange', at: T0 - 8 * 86_400_000, data: { stale: true } }]);
      const kept = await s.events.recent('prod', 'bob', 100);
      expect(kept).toHaveLength(50);
      expect(kept[0]?.data).toEqual({ n: 59 });
      expect(kept.at(-1)?.data).toEqual({ n: 10 });
      c.advance(7 * 86_400_000 - 30_000);
      expect((await s.events.recent('prod', 'bob', 100)).map((e) => e.data.n)).toEqual([
        59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30,
      ]);
      c.advance(60_000);
      expect(await s.events.recent('prod', 'bob', 100)).toEqual([]);
    });

    it('says what it is and that it can write', async () => {
      const s = await store({ now: clock().now });
      expect(s.describe()).toMatch(new RegExp(`^${s.kind === 'sqlite' ? 'SQLite' : 'Postgres'} `, 'i'));
      expect(s.health()).toEqual({ writable: true });
    });
    it('what one handle stores or removes, another handle on the same data sees at once', async () => {
      const [a, b] = await pair(clock().now);
      await a.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tokenA });
      expect((await b.devices.list('prod', 'alice')).map((d) => d.token)).toEqual([tokenA]);
      // A re-upload through the other handle updates the same row.
      expect((await b.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10087', platform: 'apns', token: tokenA })).created).toBe(false);
      expect(await a.devices.list('prod', 'alice')).toEqual([expect.objectContaining({ certificateId: '10087' })]);
      expect(await b.devices.remove('prod', 'alice', tokenA)).toBe(1);
      expect(await a.devices.list('prod', 'alice')).toEqual([]);
    });

    it("holds the per-user cap when one user's new tokens arrive through two handles at once", async () => {
      const [a, b] = await pair(clock().now);
      const tok = (i: number) => `${i}`.padStart(64, 'c');
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? a : b).devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: tok(i) }),
        ),
      );
      expect(results.every((r) => r.created)).toBe(true);
      expect(await a.devices.list('prod', 'alice')).toHaveLength(20);
      expect(results.reduce((n, r) => n + r.evicted.length, 0)).toBe(10);
    });

    it('lease locks: one holder at a time, renewable by its holder, free again once released or expired', async () => {
      const c = clock();
      const [a, b] = await pair(c.now);
      expect(await a.locks.tryAcquire('watch', 60_000)).toBe(true);
      expect(await b.locks.tryAcquire('watch', 60_000)).toBe(false);
      expect(await b.locks.tryAcquire('other', 60_000)).toBe(true);
      // The holder renews its lease; a release by someone else changes nothing.
      c.advance(50_000);
      expect(await a.locks.tryAcquire('watch', 60_000)).toBe(true);
      await b.locks.release('watch');
      c.advance(50_000);
      expect(await b.locks.tryAcquire('watch', 60_000)).toBe(false);
      await a.locks.release('watch');
      expect(await b.locks.tryAcquire('watch', 1_000)).toBe(true);
      // A holder that dies keeps it only until its lease runs out.
      c.advance(1_000);
      expect(await a.locks.tryAcquire('watch', 60_000)).toBe(true);
      // Only one of two handles asking at the same moment gets it.
      const both = await Promise.all([a.locks.tryAcquire('round', 60_000), b.locks.tryAcquire('round', 60_000)]);
      expect(both.filter(Boolean)).toHaveLength(1);
    });

    it('rate-limit windows: max uses per window, a refusal says when to retry, uses expire, keys apart', async () => {
      const s = await store({ now: clock().now });
      const MIN = 60_000;
      expect(await s.rateLimits.take('k', 2, 10 * MIN, 0)).toEqual({ allowed: true, used: 1 });
      expect(await s.rateLimits.take('k', 2, 10 * MIN, 4 * MIN)).toEqual({ allowed: true, used: 2 });
      expect(await s.rateLimits.take('k', 2, 10 * MIN, 9 * MIN)).toEqual({ allowed: false, retryAfterMs: MIN });
      expect(await s.rateLimits.take('other', 2, 10 * MIN, 9 * MIN)).toEqual({ allowed: true, used: 1 });
      // The first use expires at 10 min: the refused one was not counted.
      expect(await s.rateLimits.take('k', 2, 10 * MIN, 10 * MIN)).toEqual({ allowed: true, used: 2 });
      expect(await s.rateLimits.take('k', 2, 10 * MIN, 10 * MIN + 1)).toEqual({ allowed: false, retryAfterMs: 4 * MIN - 1 });
    });

    it('rate-limit windows are shared: uses through two handles at once never pass the limit', async () => {
      const [a, b] = await pair(clock().now);
      const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).rateLimits.take('slack:U1', 5, 600_000, 1_000)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
      expect(await a.rateLimits.take('slack:U1', 5, 600_000, 2_000)).toEqual({ allowed: false, retryAfterMs: 599_000 });
    });
  });
}
