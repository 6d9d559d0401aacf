// Issue 15: the device API under hostile or unlucky clients, through real HTTP against the in-process server.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { Router } from '../../src/http/router.js';
import { registerDeviceRoutes } from '../../src/http/devices.js';
import { trackAuthFailures } from '../../src/http/auth-failures.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { Metrics } from '../../src/metrics.js';
import { generateUserSig } from '../../src/usersig/index.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { capturedLogger } from './helpers.js';

const SDKAPPID = 1400000000;
const SECRET = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const APNS_TOKEN = '740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad';
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
      ],
    },
  ],
};

interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

const sig = (userId: string, secretKey = SECRET) => generateUserSig({ sdkAppId: SDKAPPID, secretKey, userId, expireSeconds: 86400 });
const as = (userId: string, userSig = sig(userId)) => ({ authorization: `UserSig ${userSig}`, 'x-sdkappid': String(SDKAPPID), 'x-userid': userId });

async function serve(options: { requestTimeoutMs?: number; authFailures?: ReturnType<typeof trackAuthFailures> } = {}) {
  const store = openSqliteStore({ dataDir: ':memory:' });
  const metrics = new Metrics();
  const logs = capturedLogger();
  const router = new Router();
  registerDeviceRoutes(router, { config, devices: store.devices, log: logs.log, metrics, ...(options.authFailures && { authFailures: options.authFailures }) });
  const server = createHttpServer({
    log: logs.log,
    metrics,
    router,
    ready: () => ({ store: store.health().writable }),
    ...(options.requestTimeoutMs && { requestTimeoutMs: options.requestTimeoutMs }),
  });
  const port = (await server.listen(0, '127.0.0.1')).port;
  const send = (method: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
    const data = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method, path: '/v1/devices', headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode!, headers: res.headers, text, body: JSON.parse(text || '{}') });
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  };
  return {
    store,
    metrics,
    logs,
    server,
    port,
    send,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** Write `raw` on one connection and collect `count` HTTP responses (status and body), in order. */
function pipeline(port: number, raw: string, count: number): Promise<{ status: number; body: string }[]> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const answers: { status: number; body: string }[] = [];
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end === -1) break;
        const head = buf.subarray(0, end).toString('latin1');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + length) break;
        answers.push({ status: Number(head.split(' ')[1]), body: buf.subarray(end + 4, end + 4 + length).toString('utf8') });
        buf = buf.subarray(end + 4 + length);
      }
      if (answers.length >= count) {
        socket.end();
        resolve(answers);
      }
    });
    socket.on('error', reject);
    socket.write(raw);
  });
}

function rawRequest(method: string, userId: string, body: string): string {
  const h = as(userId);
  return `${method} /v1/devices HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: ${h.authorization}\r\nx-sdkappid: ${h['x-sdkappid']}\r\nx-userid: ${userId}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Send `raw` and read until the server closes the connection. */
function rawExchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (text += c));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write(raw);
  });
}

describe('device API hardening (issue 15)', () => {
  let api: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    api = await serve({ requestTimeoutMs: 300 });
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.store.db.exec('DELETE FROM devices');
  });

  it('a DELETE whose body does not name a token removes nothing and says which field is wrong; only no body or {"all": true} removes all', async () => {
    for (const token of [APNS_TOKEN, 'f'.repeat(64)]) expect((await api.send('PUT', { certificateId: '10086', token }, as('alice'))).status).toBe(201);
    const cases: [unknown, RegExp][] = [
      [{ Token: APNS_TOKEN }, /token is missing \(the body has "Token" instead\)/],
      [{ tokens: [APNS_TOKEN] }, /token is missing \(the body has "tokens" instead\)/],
      [{ token: null }, /token must be the device token/],
      [{ all: false }, /all must be true/],
      [{ all: true, token: APNS_TOKEN }, /all cannot be combined with token/],
      [{}, /token is missing: name the device token/],
    ];
    for (const [body, message] of cases) {
      const res = await api.send('DELETE', body, as('alice'));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_body', message: expect.stringMatching(message), fields: [{ field: expect.any(String) }] });
    }
    const jsonNull = await api.send('DELETE', 'null', as('alice'));
    expect(jsonNull).toMatchObject({ status: 400, body: { message: 'the body must be a JSON object' } });
    expect(await api.store.devices.list('prod', 'alice')).toHaveLength(2);

    expect((await api.send('DELETE', { token: APNS_TOKEN }, as('alice'))).body).toEqual({ removed: 1 });
    expect((await api.send('DELETE', { all: true }, as('alice'))).body).toEqual({ removed: 1 });
    expect(await api.store.devices.list('prod', 'alice')).toEqual([]);
  });

  it('a DELETE pipelined right behind a PUT of the same token on one connection is applied after it (20 times)', async () => {
    for (let i = 0; i < 20; i++) {
      const token = i.toString(16).padStart(64, 'd');
      const answers = await pipeline(
        api.port,
        rawRequest('PUT', 'pipe', JSON.stringify({ certificateId: '10086', token })) + rawRequest('DELETE', 'pipe', JSON.stringify({ token })),
        2,
      );
      expect(answers.map((a) => a.status)).toEqual([201, 200]);
      expect(JSON.parse(answers[1]!.body)).toEqual({ removed: 1 });
      expect(await api.store.devices.list('prod', 'pipe')).toEqual([]);
    }
  });

  it('a logout pipelined behind 1,000 uploads leaves no device', async () => {
    // A user with many tokens beyond the cap: each new one evicts an old one, and the logout still removes the rest.
    const puts = Array.from({ length: 1000 }, (_, i) =>
      rawRequest('PUT', 'many', JSON.stringify({ certificateId: '10086', token: `e${i.toString(16).padStart(63, '0')}` })),
    );
    const answers = await pipeline(api.port, puts.join('') + rawRequest('DELETE', 'many', ''), 1001);
    expect(answers.slice(0, 1000).filter((a) => a.status !== 201)).toEqual([]);
    expect(answers[1000]).toMatchObject({ status: 200, body: JSON.stringify({ removed: 20 }) });
    expect(await api.store.devices.list('prod', 'many')).toEqual([]);
    // A thousand verified uploads: on two cores shared with the rest of the suite this outgrew the default limit.
  }, 60_000);

  it('a huge X-UserID gets a small 401: what came from the request is echoed clipped, never in full', async () => {
    const userId = 'u'.repeat(12_000);
    const res = await api.send('PUT', { certificateId: '10086', token: APNS_TOKEN }, as(userId, sig('someone-else')));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_usersig', verdict: 'USERID_MISMATCH' });
    expect(Buffer.byteLength(res.text)).toBeLessThan(2048);
    expect(res.text).not.toContain('u'.repeat(100));
    expect(res.body.message).toContain(`"${'u'.repeat(63)}…"`);
    // An unknown SDKAppID is not echoed in full either.
    const app = await api.send('PUT', {}, { ...as('alice'), 'x-sdkappid': '9'.repeat(5000) });
    expect(Buffer.byteLength(app.text)).toBeLessThan(2048);
  });

  it('counts every UserSig verification of the device API in /metrics by verdict', async () => {
    const before = {
      valid: await api.metrics.usersigVerdicts.get({ verdict: 'VALID' }),
      expired: await api.metrics.usersigVerdicts.get({ verdict: 'EXPIRED' }),
    };
    await api.send('PUT', { certificateId: '10086', token: APNS_TOKEN }, as('vera'));
    await api.send(
      'PUT',
      { certificateId: '10086', token: APNS_TOKEN },
      as('vera', generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId: 'vera', expireSeconds: 60, now: 1_600_000_000 })),
    );
    await api.send('DELETE', undefined, as('vera'));
    expect((await api.metrics.usersigVerdicts.get({ verdict: 'VALID' })) - before.valid).toBe(2);
    expect((await api.metrics.usersigVerdicts.get({ verdict: 'EXPIRED' })) - before.expired).toBe(1);
    const text = await (await fetch(`http://127.0.0.1:${api.port}/metrics`)).text();
    expect(text).toContain(`imops_usersig_verdicts_total{verdict="EXPIRED"} ${before.expired + 1}`);
  });

  it('refuses bidirectional controls and invalid UTF-8 in text fields with 400 naming the field', async () => {
    const bidi = await api.send('PUT', { certificateId: '10086', token: APNS_TOKEN, bundleId: 'com.example.\u202Eppa', osVersion: '17\u20664' }, as('alice'));
    expect(bidi.status).toBe(400);
    expect(bidi.body.fields).toEqual([
      { field: 'bundleId', problem: expect.stringMatching(/U\+202E/) },
      { field: 'osVersion', problem: expect.stringMatching(/U\+2066/) },
    ]);
    const lrm = await api.send('PUT', { certificateId: '10\u200E086', token: APNS_TOKEN }, as('alice'));
    expect(lrm.body.fields).toEqual([{ field: 'certificateId', problem: expect.stringMatching(/U\+200E/) }]);
    const bytes = Buffer.concat([
      Buffer.from(`{"certificateId":"10086","token":"${APNS_TOKEN}","appVersion":"1.`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","deviceModel":"iPhone"}'),
    ]);
    const invalid = await api.send('PUT', bytes, as('alice'));
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields).toEqual([{ field: 'appVersion', problem: expect.stringMatching(/not valid UTF-8/) }]);
    expect(await api.store.devices.list('prod', 'alice')).toEqual([]);
  });

  it('a client that aborts mid-upload is logged once at info, without a stack', async () => {
    const logged = api.logs.next(/client closed the connection/);
    const socket = connect(api.port, '127.0.0.1');
    const h = as('alice');
    socket.write(
      `PUT /v1/devices HTTP/1.1\r\nhost: x\r\nauthorization: ${h.authorization}\r\nx-sdkappid: ${h['x-sdkappid']}\r\nx-userid: alice\r\ncontent-length: 1000\r\n\r\n{"certificateId":`,
      () => {
        socket.destroy();
      },
    );
    const line = JSON.parse(await logged) as { level: number; msg: string; err?: unknown };
    expect(line.level).toBe(30);
    expect(line.err).toBeUndefined();
    expect(api.logs.text()).not.toMatch(/"level":50/);
    expect(api.logs.text()).not.toMatch(/"stack"/);
  });

  it('answers 408 to a request that does not arrive in time and 431 to oversized headers', async () => {
    const slow = await rawExchange(api.port, 'PUT /v1/devices HTTP/1.1\r\nhost: x\r\n');
    expect(slow).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(slow).toContain('"error":"request_timeout"');
    const huge = await rawExchange(api.port, `GET /healthz HTTP/1.1\r\nhost: x\r\nx-userid: ${'u'.repeat(32_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    // Malformed HTTP is still a 400.
    expect(await rawExchange(api.port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });
});

describe('repeated failed authentications from one address', () => {
  let api: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    api = await serve();
  });
  afterAll(() => api.close());

  it('more than 30 within 60 s get 429 with Retry-After, even with valid credentials, without verifying', async () => {
    const bad = as('mallory', sig('mallory', 'guessed-key'));
    for (let i = 0; i < 31; i++) expect((await api.send('PUT', {}, bad)).status).toBe(401);
    const verified = await api.metrics.usersigVerdicts.get({ verdict: 'SIGNATURE_MISMATCH' });
    const limited = await api.send('PUT', {}, bad);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ error: 'too_many_failed_authentications' });
    expect((await api.send('PUT', { certificateId: '10086', token: APNS_TOKEN }, as('alice'))).status).toBe(429);
    expect(await api.metrics.usersigVerdicts.get({ verdict: 'SIGNATURE_MISMATCH' })).toBe(verified);
  });

  it('forgets an address after its window, and remembers a bounded number of addresses', () => {
    let t = 0;
    const failures = trackAuthFailures({ max: 2, windowMs: 1000, maxAddresses: 3 }, () => t);
    for (let i = 0; i < 3; i++) failures.failed('a');
    expect(failures.blockedFor('a')).toBe(1000);
    t = 999;
    expect(failures.blockedFor('a')).toBe(1);
    t = 1000;
    expect(failures.blockedFor('a')).toBe(0);
    for (let i = 0; i < 3; i++) failures.failed('b');
    for (const address of ['c', 'd', 'e']) failures.failed(address);
    // b was the oldest of four addresses: forgotten to keep the map at three.
    expect(failures.blockedFor('b')).toBe(0);
  });
});
