import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { Router } from '../../src/http/router.js';
import { registerDeviceRoutes } from '../../src/http/devices.js';
import type { DeviceStore } from '../../src/store/ports.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';
import { Metrics } from '../../src/metrics.js';
import { generatePrivateMapKey, generateUserSig } from '../../src/usersig/index.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { capturedLogger } from './helpers.js';

const SDKAPPID = 1400000000;
const SECRET = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const APNS_TOKEN = '740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad';
const FCM_TOKEN = `bk3RNwTe3H0:APA91bGWRZsZv8F0lPxbtpDCsnMVeSsuTb7dbZSyq_8u9K2MpJj0XWOwpXYXhk6AaZMiW6gCm5pNvgYAWCaTdSqoo0Hr4cOvKzsZYsFvBdqlqKtqbmdUuZ0qaQ6Ac3OUIsfRgKd0q4p1`;

const config: Config = {
  source: 'test',
  dataDir: ':memory:',
  access: {},
  providers: DEFAULT_PROVIDERS,
  apps: [
    {
      name: 'prod',
      sdkAppId: SDKAPPID,
      secretKey: SECRET,
      certificates: [
        {
          id: '10086',
          platform: 'apns',
          bundleId: 'com.example.app',
          environment: 'production',
          auth: { type: 'token', keyFile: '/nonexistent.p8', keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
        },
        { id: '20001', platform: 'fcm', serviceAccountFile: '/nonexistent.json' },
      ],
    },
  ],
};

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

describe('device upload API (PUT/DELETE /v1/devices)', () => {
  let server: HttpServer;
  let port: number;
  let sqlite: SqliteStore;
  let store: DeviceStore;
  let metrics: Metrics;
  const logs = capturedLogger();

  beforeAll(async () => {
    sqlite = openSqliteStore({ dataDir: ':memory:' });
    store = sqlite.devices;
    metrics = new Metrics();
    const router = new Router();
    registerDeviceRoutes(router, { config, devices: store, log: logs.log, metrics });
    server = createHttpServer({ log: logs.log, metrics, router, ready: () => ({ store: true }) });
    port = (await server.listen(0, '127.0.0.1')).port;
  });
  afterAll(async () => {
    await server.close();
    await sqlite.close();
  });
  beforeEach(() => {
    sqlite.db.exec('DELETE FROM devices');
  });

  const sig = (userId: string, opts: { expire?: number; now?: number; secretKey?: string } = {}) =>
    generateUserSig({
      sdkAppId: SDKAPPID,
      secretKey: opts.secretKey ?? SECRET,
      userId,
      expireSeconds: opts.expire ?? 86400,
      ...(opts.now !== undefined && { now: opts.now }),
    });

  function send(method: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: '/v1/devices',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }
  const as = (userId: string, userSig = sig(userId), sdkAppId = String(SDKAPPID)) => ({
    authorization: `UserSig ${userSig}`,
    'x-sdkappid': sdkAppId,
    'x-userid': userId,
  });
  const upload = (userId: string, body: unknown, headers = as(userId)) => send('PUT', body, headers);

  it('stores a device reported with a valid UserSig (201), and a re-upload refreshes it (200)', async () => {
    const body = {
      certificateId: '10086',
      token: APNS_TOKEN,
      platform: 'apns',
      environment: 'production',
      bundleId: 'com.example.app',
      appVersion: '3.2.1',
      deviceModel: 'iPhone15,2',
      osVersion: '17.4',
    };
    const first = await upload('alice', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      warnings: [],
      device: { userId: 'alice', certificateId: '10086', platform: 'apns', appVersion: '3.2.1' },
    });
    expect(first.body.device).toMatchObject({ token: expect.stringMatching(/^740f47…78ad/) });

    const again = await upload('alice', { ...body, appVersion: '3.3.0' });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect(await store.list('prod', 'alice')).toEqual([
      expect.objectContaining({ token: APNS_TOKEN, appVersion: '3.3.0', deviceModel: 'iPhone15,2', osVersion: '17.4' }),
    ]);
    expect(await metrics.deviceUploads.get({ outcome: 'stored' })).toBeGreaterThanOrEqual(2);
  });

  it('stores every one of many uploads that arrive at once, each with its own answer', async () => {
    const users = Array.from({ length: 24 }, (_, i) => `burst-${i}`);
    const tokens = users.map((_, i) => i.toString(16).padStart(64, 'a'));
    const answers = await Promise.all([
      ...users.map((u, i) => upload(u, { certificateId: '10086', token: tokens[i] })),
      upload('burst-0', { certificateId: '10086', token: tokens[0], appVersion: '9' }),
      upload('burst-1', { certificateId: 'nope', token: tokens[1] }),
    ]);
    expect(answers.slice(1, 24).every((a) => a.status === 201)).toBe(true);
    // burst-0 twice in the same burst: one created it, the other refreshed it.
    expect([answers[0]!.status, answers[24]!.status].sort()).toEqual([200, 201]);
    // An unconfigured certificate ID is stored too, with its warning, without failing its neighbours.
    expect(answers[25]!.status).toBe(200);
    for (const [i, u] of users.entries()) expect((await store.list('prod', u)).map((d) => d.token)).toEqual([tokens[i]]);
  });

  it('answers 401 (never 500) to a UserID the IM server could not have signed for', async () => {
    const res = await upload('x', { certificateId: '10086', token: APNS_TOKEN }, { ...as('x'), 'x-userid': Buffer.from('张三', 'utf8').toString('latin1') });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_usersig', verdict: 'USERID_MISMATCH' });
  });

  it('accepts a numeric certificate ID as the SDKs send it', async () => {
    const res = await upload('alice', { certificateId: 20001, token: FCM_TOKEN });
    expect(res.status).toBe(201);
    expect((await store.list('prod', 'alice'))[0]).toMatchObject({ certificateId: '20001', platform: 'fcm' });
  });

  it('stores what looks wrong anyway and answers with the warnings, which the store keeps', async () => {
    const res = await upload('bob', { certificateId: '10086', token: FCM_TOKEN, environment: 'sandbox', extra: 1 });
    expect(res.status).toBe(201);
    const warnings = res.body.warnings as string[];
    expect(warnings).toEqual([
      expect.stringMatching(/looks like an FCM registration token but certificate 10086 is an APNs certificate/),
      expect.stringMatching(/sandbox token but certificate 10086 is for production/),
      expect.stringMatching(/"extra" is not part of a device report/),
    ]);
    const [device] = await store.list('prod', 'bob');
    expect(device).toMatchObject({ token: FCM_TOKEN, platform: 'apns', environment: 'sandbox', warnings });
    expect(await metrics.deviceUploads.get({ outcome: 'stored_with_warnings' })).toBe(1);

    const nsdata = await upload('bob', { certificateId: '10086', token: `<${APNS_TOKEN.slice(0, 32)} ${APNS_TOKEN.slice(32)}>` });
    expect(nsdata.status).toBe(201);
    expect((nsdata.body.warnings as string[]).join(' ')).toMatch(/NSData/);
  });

  it('rejects a bad UserSig with 401, its verdict and cause, and stores nothing', async () => {
    const wrongKey = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, as('alice', sig('alice', { secretKey: 'another-key' })));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.headers['www-authenticate']).toBe('UserSig');
    expect(wrongKey.body).toMatchObject({ error: 'invalid_usersig', verdict: 'SIGNATURE_MISMATCH', cause: expect.any(String), fix: expect.any(String) });

    const otherUser = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, as('alice', sig('mallory')));
    expect(otherUser.body).toMatchObject({ error: 'invalid_usersig', verdict: 'USERID_MISMATCH' });

    const expired = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, as('alice', sig('alice', { now: 1_600_000_000, expire: 60 })));
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ verdict: 'EXPIRED' });

    const garbage = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, as('alice', 'not%2Ba%2Fusersig'));
    expect(garbage.body).toMatchObject({ error: 'invalid_usersig', verdict: 'MALFORMED' });
    expect(await store.list('prod', 'alice')).toEqual([]);
    expect(await metrics.deviceUploads.get({ outcome: 'unauthorized' })).toBeGreaterThanOrEqual(4);
  });

  it('refuses an authentic PrivateMapKey with 401 on PUT and DELETE: it is a room-entry key, not a login credential', async () => {
    const privateMapKey = generatePrivateMapKey({
      sdkAppId: SDKAPPID,
      secretKey: SECRET,
      userId: 'alice',
      expireSeconds: 86400,
      roomId: 1234,
      privileges: 255,
    });
    const put = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, as('alice', privateMapKey));
    expect(put.status).toBe(401);
    expect(put.headers['www-authenticate']).toBe('UserSig');
    expect(put.body).toMatchObject({
      error: 'privatemapkey_not_usersig',
      message: expect.stringMatching(/PrivateMapKey .* not a UserSig/),
      cause: expect.stringMatching(/70009/),
      fix: expect.stringMatching(/login UserSig/),
      imErrorCode: 70009,
    });
    expect(JSON.stringify(put.body)).not.toContain(privateMapKey);
    expect(await store.list('prod', 'alice')).toEqual([]);

    expect((await upload('alice', { certificateId: '10086', token: APNS_TOKEN })).status).toBe(201);
    for (const body of [undefined, { token: APNS_TOKEN }]) {
      const del = await send('DELETE', body, as('alice', privateMapKey));
      expect(del.status).toBe(401);
      expect(del.body).toMatchObject({ error: 'privatemapkey_not_usersig' });
    }
    expect(await (await store.list('prod', 'alice')).map((d) => d.token)).toEqual([APNS_TOKEN]);
  });

  it('rejects missing credentials and an unknown SDKAppID with 401 saying which', async () => {
    const none = await send('PUT', { certificateId: '10086', token: APNS_TOKEN }, {});
    expect(none.status).toBe(401);
    expect(none.body.message).toMatch(/Authorization: UserSig <sig>, X-SDKAppID, X-UserID/);
    const bearer = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, { ...as('alice'), authorization: 'Bearer abc' });
    expect(bearer.body.message).toMatch(/missing or malformed Authorization/);
    const unknown = await upload('alice', { certificateId: '10086', token: APNS_TOKEN }, as('alice', sig('alice'), '1400000099'));
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: 'unknown_sdkappid', message: expect.stringMatching(/SDKAppID "1400000099" is not configured/) });
  });

  it('rejects a bad body with 400 naming each bad field', async () => {
    const res = await upload('alice', { certificateId: '', token: 42, platform: 'ios', environment: 'development', appVersion: 'x'.repeat(300) });
    expect(res.status).toBe(400);
    expect((res.body.fields as { field: string }[]).map((f) => f.field)).toEqual(['certificateId', 'token', 'platform', 'environment', 'appVersion']);
    expect(res.body.message).toMatch(/5 bad fields: certificateId .*; token .*; platform must be one of: apns, fcm(, [a-z]+)*; environment .*; appVersion/);

    const missing = await upload('alice', {});
    expect((missing.body.fields as { field: string; problem: string }[]).map((f) => `${f.field} ${f.problem}`)).toEqual([
      expect.stringMatching(/^certificateId is required/),
      expect.stringMatching(/^token is required/),
    ]);
    expect((await upload('alice', '{"certificateId": "10086",')).body).toMatchObject({ error: 'invalid_body', message: 'the body is not JSON' });
    expect((await upload('alice', '[1,2]')).body).toMatchObject({ error: 'invalid_body', message: 'the body must be a JSON object' });
    expect(await store.list('prod', 'alice')).toEqual([]);
  });

  it('stores an unknown certificate ID with a warning listing the configured ones and the platform it assumed', async () => {
    const counted = await metrics.deviceUploads.get({ outcome: 'unknown_certificate' });
    const res = await upload('alice', { certificateId: '99999', token: APNS_TOKEN });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      created: true,
      platformFrom: 'token',
      warnings: [
        'Stored, but certificate ID "99999" is not configured for app prod (SDKAppID 1400000000); configured: 10086 (APNs production, com.example.app), 20001 (FCM). A test push to this device will report UNKNOWN_CERTIFICATE until the app uploads with a configured ID or the certificate is added to imops.yml.',
        'Stored as an APNs device (because the token looks like one).',
      ],
      certificates: [
        { id: '10086', platform: 'apns', environment: 'production' },
        { id: '20001', platform: 'fcm' },
      ],
      device: { certificateId: '99999', platform: 'apns' },
    });
    expect(await store.list('prod', 'alice')).toEqual([
      expect.objectContaining({ certificateId: '99999', platform: 'apns', warnings: res.body.warnings as string[] }),
    ]);
    // The report's own platform wins over the token's shape; with neither, the answer says it guessed.
    expect((await upload('alice', { certificateId: '99999', token: FCM_TOKEN, platform: 'apns' })).body).toMatchObject({
      platformFrom: 'report',
      device: { platform: 'apns' },
    });
    expect((await upload('alice', { certificateId: '99999', token: FCM_TOKEN })).body).toMatchObject({ platformFrom: 'token', device: { platform: 'fcm' } });
    const guessed = await upload('alice', { certificateId: '99999', token: 'not a token' });
    expect(guessed.body).toMatchObject({ platformFrom: 'guess', device: { platform: 'apns' } });
    expect((guessed.body.warnings as string[])[1]).toMatch(/a guess: neither the app nor the token says which/);
    expect((await metrics.deviceUploads.get({ outcome: 'unknown_certificate' })) - counted).toBe(4);
  });

  it('keeps at most 20 devices per UserID: a new token evicts the least recently seen and the answer says so', async () => {
    const tokens = Array.from({ length: 21 }, (_, i) => i.toString(16).padStart(4, '0').padStart(64, 'c'));
    for (const token of tokens.slice(0, 20)) expect((await upload('erin', { certificateId: '10086', token })).status).toBe(201);
    // Make last seen explicit (uploads within one millisecond tie): token i seen i minutes after the first.
    const seen = sqlite.db.prepare('UPDATE devices SET last_seen = ? WHERE app = ? AND user_id = ? AND token = ?');
    for (const [i, token] of tokens.slice(0, 20).entries()) seen.run(Date.parse('2026-01-01T00:00:00Z') + i * 60_000, 'prod', 'erin', token);
    // The oldest one reports again (a re-login): it is now the most recent, token 1 the least recently seen.
    const refreshed = await upload('erin', { certificateId: '10086', token: tokens[0] });
    expect(refreshed).toMatchObject({ status: 200, body: { warnings: [] } });
    await upload('frank', { certificateId: '10086', token: tokens[1] });

    const res = await upload('erin', { certificateId: '10086', token: tokens[20] });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      expect.stringMatching(/already had 20 devices.*certificate 10086, token cccccc…0001 \(64 chars\), last seen 2026-01-01T00:01:00\.000Z\) was removed/),
    ]);
    expect(res.body.evicted).toEqual([expect.objectContaining({ certificateId: '10086', token: expect.stringMatching(/…0001/) })]);
    expect(JSON.stringify(res.body)).not.toContain(tokens[1]);
    const kept = (await store.list('prod', 'erin')).map((d) => d.token);
    expect(kept).toHaveLength(20);
    expect(kept).not.toContain(tokens[1]);
    expect(kept).toContain(tokens[0]);
    expect(await (await store.list('prod', 'frank')).map((d) => d.token)).toEqual([tokens[1]]);
    // What the store keeps with the new device is about its own report, not about the eviction.
    expect((await store.list('prod', 'erin'))[0]).toMatchObject({ token: tokens[20], warnings: [] });
  });

  it('refuses a body over 16 KiB with 413 and keeps serving', async () => {
    const res = await upload('alice', { certificateId: '10086', token: APNS_TOKEN, deviceModel: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload_too_large', limit: 16384 });
    // Without a content-length (chunked), the limit still holds while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'PUT', path: '/v1/devices', headers: as('alice') }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < 20; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await upload('alice', { certificateId: '10086', token: APNS_TOKEN })).status).toBe(201);
  });

  it("removes one token, or all of the user's tokens, on DELETE (logout)", async () => {
    await upload('alice', { certificateId: '10086', token: APNS_TOKEN });
    await upload('alice', { certificateId: '20001', token: FCM_TOKEN });
    await upload('carol', { certificateId: '10086', token: APNS_TOKEN });
    const one = await send('DELETE', { token: APNS_TOKEN }, as('alice'));
    expect(one).toMatchObject({ status: 200, body: { removed: 1 } });
    expect(await (await store.list('prod', 'alice')).map((d) => d.certificateId)).toEqual(['20001']);
    expect((await send('DELETE', undefined, as('alice'))).body).toEqual({ removed: 1 });
    expect(await store.list('prod', 'alice')).toEqual([]);
    expect(await store.list('prod', 'carol')).toHaveLength(1);
    // Another user's UserSig cannot log alice out.
    expect((await send('DELETE', undefined, as('carol', sig('alice')))).status).toBe(401);
    expect((await send('DELETE', { token: 7 }, as('carol'))).status).toBe(400);
  });

  it('never writes the UserSig or the full token to the log', async () => {
    const userSig = sig('dave');
    await upload('dave', { certificateId: '10086', token: APNS_TOKEN }, as('dave', userSig));
    await upload('dave', { certificateId: '10086', token: FCM_TOKEN }, as('dave', sig('dave', { secretKey: 'wrong' })));
    await send('DELETE', { token: APNS_TOKEN }, as('dave', userSig));
    const text = logs.text();
    expect(text).toMatch(/device uploaded/);
    expect(text).toMatch(/740f47…78ad/);
    expect(text).not.toContain(APNS_TOKEN);
    expect(text).not.toContain(FCM_TOKEN);
    expect(text).not.toContain(userSig);
    expect(text).not.toContain(SECRET);
  });
});
