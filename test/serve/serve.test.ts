import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateUserSig } from '../../src/usersig/index.js';
import { BIN_WITH_ADAPTERS, baseEnv, metricValue, runImops, startServe, tempDir, waitForLog, type ServeChild } from './harness.js';

const SDKAPPID = 1400000123;
const SECRET = `serve-test-secret-${randomBytes(8).toString('hex')}`;

function appConfigYaml(): string {
  return [
    'apps:',
    '  - name: prod',
    `    sdkAppId: ${SDKAPPID}`,
    '    secretKey: ${IMOPS_TEST_SECRET}',
    '    certificates:',
    '      - id: "10086"',
    '        platform: apns',
    '        bundleId: com.example.app',
    '        environment: production',
    '        auth: { type: token, keyFile: AuthKey.p8, keyId: ABC123DEFG, teamId: DEF123GHIJ }',
    'access:',
    '  push.test: ["slack:U0123ABC"]',
    '',
  ].join('\n');
}

/** Upload one device through the public API, as a client app does after login. */
async function upload(url: string, userId: string, token: string): Promise<Response> {
  const userSig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId });
  sentSigs.push(userSig);
  return fetch(`${url}/v1/devices`, {
    method: 'PUT',
    headers: { authorization: `UserSig ${userSig}`, 'x-sdkappid': String(SDKAPPID), 'x-userid': userId, 'content-type': 'application/json' },
    body: JSON.stringify({ certificateId: '10086', platform: 'apns', token, appVersion: '1.0.0' }),
  });
}

/**
 * An upload whose handler is running but whose body is not sent yet: `Expect: 100-continue` makes the server
 * start the handler and say so before the client sends the body. A request in flight, with no timing guess.
 */
function heldUpload(url: string, userId: string, token: string) {
  const userSig = generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId });
  sentSigs.push(userSig);
  const body = JSON.stringify({ certificateId: '10086', platform: 'apns', token });
  const req = request(`${url}/v1/devices`, {
    method: 'PUT',
    agent: false,
    headers: {
      authorization: `UserSig ${userSig}`,
      'x-sdkappid': String(SDKAPPID),
      'x-userid': userId,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const started = new Promise<void>((res) => req.once('continue', () => res()));
  const answered = new Promise<{ status: number; connection: string | undefined }>((res, rej) => {
    req.once('response', (r) => {
      r.resume();
      r.once('end', () => res({ status: r.statusCode ?? 0, connection: r.headers.connection }));
    });
    req.once('error', rej);
  });
  req.flushHeaders();
  return {
    started,
    finish: () => {
      req.end(body);
      return answered;
    },
  };
}

const apnsToken = () => randomBytes(32).toString('hex');
/** Every UserSig sent, to prove none reaches the output. */
const sentSigs: string[] = [];

describe('imops serve with nothing configured', () => {
  it('starts, says how to add an app, serves health, readiness, metrics and the device API, and exits 0 on SIGINT', async () => {
    const tmp = tempDir('empty');
    try {
      const serve = await startServe({ cwd: tmp.dir, env: baseEnv({ IMOPS_DATA_DIR: join(tmp.dir, 'data') }) });
      const banner = serve.stdout();
      expect(banner).toMatch(/apps:\s+none yet/);
      expect(banner).toContain('set IMOPS_SDKAPPID and IMOPS_SECRET_KEY');
      expect(banner).toContain(`data:`);
      expect(banner).toContain(join(tmp.dir, 'data'));
      // Which store this process writes to, as Store.describe() words it.
      expect(banner).toMatch(/store:\s+SQLite at \S+imops\.sqlite/);
      expect(banner).toContain(join(tmp.dir, 'data', 'imops.sqlite'));
      expect(banner).toContain(`PUT and DELETE ${serve.url}/v1/devices`);
      // The adapters bin/imops.ts ships, each with the env vars that would enable it.
      expect(banner).toMatch(/slack:\s+not enabled: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET/);
      expect(banner).toMatch(/discord:\s+not enabled: set DISCORD_TOKEN/);

      const health = await fetch(`${serve.url}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${serve.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: true } });

      // The device API answers (and explains) even before any app is configured.
      const put = await fetch(`${serve.url}/v1/devices`, { method: 'PUT', body: '{}' });
      expect(put.status).toBe(401);

      const metrics = await (await fetch(`${serve.url}/metrics`)).text();
      expect(metricValue(metrics, 'imops_http_requests_total{route="/healthz",method="GET",status="200"}')).toBe(1);
      expect(metricValue(metrics, 'imops_http_requests_total{route="/v1/devices",method="PUT",status="401"}')).toBe(1);

      serve.child.kill('SIGINT');
      expect(await serve.exited).toEqual({ code: 0, signal: null });
      expect(serve.stderr()).toContain('"msg":"stopped"');
    } finally {
      tmp.remove();
    }
  });
});

describe('imops serve adapters', () => {
  it('keeps the API and a running adapter up when another fails to start, and shows both in the banner and /readyz', async () => {
    const tmp = tempDir('adapters');
    try {
      const serve = await startServe({
        entry: BIN_WITH_ADAPTERS,
        cwd: tmp.dir,
        env: baseEnv({
          IMOPS_DATA_DIR: join(tmp.dir, 'data'),
          SLACK_BOT_TOKEN: 'xoxb-test',
          SLACK_SIGNING_SECRET: 'shh',
          DISCORD_TOKEN: 'refuse',
          DISCORD_APPLICATION_ID: '1',
        }),
      });
      expect(serve.stdout()).toMatch(/slack:\s+enabled: Slack \(HTTP mode, POST \/slack\/events\)/);
      expect(serve.stdout()).toMatch(/discord:\s+FAILED to start: gateway refused the token/);
      // The running adapter's route is served by the same server as the device API.
      expect((await fetch(`${serve.url}/slack/events`, { method: 'POST' })).status).toBe(200);
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${serve.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not_ready', notReady: ['adapter:discord'], checks: { store: true, 'adapter:slack': true } });
      serve.child.kill('SIGTERM');
      expect((await serve.exited).code).toBe(0);
    } finally {
      tmp.remove();
    }
  });

  it('names the env vars that enable an adapter; logs a lost promise without the request it carried, and serves on', async () => {
    const tmp = tempDir('adapter-rejection');
    const secret = `crash-secret-${randomBytes(8).toString('hex')}`;
    try {
      const serve = await startServe({
        entry: BIN_WITH_ADAPTERS,
        cwd: tmp.dir,
        env: baseEnv({ IMOPS_DATA_DIR: join(tmp.dir, 'data'), DISCORD_TOKEN: 'reject-later', DISCORD_APPLICATION_ID: '1', CRASH_SECRET: secret }),
      });
      expect(serve.stdout()).toMatch(/slack:\s+not enabled: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET; create the Slack app from manifest.yml/);
      expect(serve.stdout()).toMatch(/discord:\s+enabled: Discord \(gateway\)/);
      const line = await waitForLog(serve, /unhandled promise rejection/);
      expect(line).toContain('discord stand-in lost a promise');
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${serve.url}/readyz`)).status).toBe(200);
      serve.child.kill('SIGTERM');
      expect((await serve.exited).code).toBe(0);
      // The error's request (an embed holding a UserSig, five levels down) never reaches the log.
      expect(serve.stderr()).not.toContain(secret);
    } finally {
      tmp.remove();
    }
  });

  it('logs an adapter that fails to start without the request its error carried', async () => {
    const tmp = tempDir('adapter-refused-request');
    const secret = `crash-secret-${randomBytes(8).toString('hex')}`;
    try {
      const serve = await startServe({
        entry: BIN_WITH_ADAPTERS,
        cwd: tmp.dir,
        env: baseEnv({ IMOPS_DATA_DIR: join(tmp.dir, 'data'), DISCORD_TOKEN: 'refuse-with-request', DISCORD_APPLICATION_ID: '1', CRASH_SECRET: secret }),
      });
      expect(serve.stdout()).toMatch(/discord:\s+FAILED to start: gateway refused the token/);
      serve.child.kill('SIGTERM');
      expect((await serve.exited).code).toBe(0);
      const line = serve
        .stderr()
        .split('\n')
        .find((l) => l.includes('adapter failed to start'));
      expect(line).toContain('gateway refused the token');
      expect(serve.stderr()).not.toContain(secret);
    } finally {
      tmp.remove();
    }
  });

  it('after an uncaught exception: logs it without its request, finishes requests in flight, closes and exits 1', async () => {
    const tmp = tempDir('adapter-crash');
    const secret = `crash-secret-${randomBytes(8).toString('hex')}`;
    try {
      const serve = await startServe({
        entry: BIN_WITH_ADAPTERS,
        cwd: tmp.dir,
        env: baseEnv({ IMOPS_DATA_DIR: join(tmp.dir, 'data'), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'shh', CRASH_SECRET: secret }),
      });
      const held = heldPost(`${serve.url}/slack/events`, 'held');
      await held.started;
      const crash = await fetch(`${serve.url}/slack/events`, { method: 'POST', body: 'crash' });
      expect(crash.status).toBe(200);
      const line = await waitForLog(serve, /uncaught exception/);
      expect(line).toContain('slack stand-in crashed');
      expect(line).toMatch(/exit 1/);
      // The request that was in flight still gets its answer, told not to reuse the connection.
      const answered = await held.finish();
      expect(answered).toMatchObject({ status: 200, connection: 'close' });
      const exit = await serve.exited;
      expect(exit.code).toBe(1);
      expect(serve.stderr()).toMatch(/reporting not ready/);
      expect(serve.stderr()).toMatch(/"msg":"stopped"/);
      expect(serve.stderr()).not.toContain(secret);
    } finally {
      tmp.remove();
    }
  });
});

/** A POST whose handler is running but whose body is not sent yet (Expect: 100-continue): in flight, no timing guess. */
function heldPost(url: string, body: string) {
  const req = request(url, { method: 'POST', agent: false, headers: { 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
  const started = new Promise<void>((res) => req.once('continue', () => res()));
  const answered = new Promise<{ status: number; connection: string | undefined }>((res, rej) => {
    req.once('response', (r) => {
      r.resume();
      r.once('end', () => res({ status: r.statusCode ?? 0, connection: r.headers.connection }));
    });
    req.once('error', rej);
  });
  req.flushHeaders();
  return {
    started,
    finish: () => {
      req.end(body);
      return answered;
    },
  };
}

describe('imops serve configuration errors', () => {
  it('stops with exit 2 naming the file, the field and the fix', async () => {
    const tmp = tempDir('badconfig');
    try {
      const file = join(tmp.dir, 'imops.yml');
      writeFileSync(file, 'apps:\n  - name: prod\n    sdkAppId: 1400000000\n    secretKey: ${IMOPS_UNSET_SECRET_FOR_TEST}\n');
      const r = await runImops({
        cwd: tmp.dir,
        args: ['--config', file, 'serve', '--host', '127.0.0.1'],
        env: baseEnv({ IMOPS_DATA_DIR: join(tmp.dir, 'data') }),
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain('apps[0].secretKey');
      expect(r.stderr).toMatch(/fix: export IMOPS_UNSET_SECRET_FOR_TEST=/);
      expect(r.stdout).not.toContain('listening');
    } finally {
      tmp.remove();
    }
  });
});

describe('imops serve with an app', () => {
  const tmp = tempDir('app');
  let serve: ServeChild;
  const sentTokens: string[] = [];

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(join(tmp.dir, 'AuthKey.p8'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(tmp.dir, 'imops.yml'), appConfigYaml());
    serve = await startServe({
      cwd: tmp.dir,
      env: baseEnv({ IMOPS_DATA_DIR: join(tmp.dir, 'data'), IMOPS_TEST_SECRET: SECRET, LOG_LEVEL: 'debug' }),
    });
  });
  afterAll(() => {
    if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
    tmp.remove();
  });

  it('shows the app, its certificates and who may act in the banner', () => {
    const out = serve.stdout();
    expect(out).toContain(join(tmp.dir, 'imops.yml'));
    expect(out).toMatch(/apps:\s+prod \(SDKAppID 1400000123; push certificates: 10086 apns production\)/);
    expect(out).toContain('usersig.generate: nobody from chat (add principals under access.usersig.generate)');
    expect(out).toContain('push.test: 1 principal');
  });

  it('stores uploads, counts them in /metrics, then drains on SIGTERM and exits 0 without losing a write', async () => {
    const series = 'imops_http_requests_total{route="/v1/devices",method="PUT",status="201"}';
    const before = metricValue(await (await fetch(`${serve.url}/metrics`)).text(), series);

    const N = 60;
    const first = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const token = apnsToken();
        sentTokens.push(token);
        return (await upload(serve.url, `user-${i}`, token)).status;
      }),
    );
    expect(first.every((s) => s === 201)).toBe(true);

    const bad = await fetch(`${serve.url}/v1/devices`, {
      method: 'PUT',
      headers: {
        authorization: `UserSig ${generateUserSig({ sdkAppId: SDKAPPID, secretKey: 'another-key', userId: 'mallory' })}`,
        'x-sdkappid': String(SDKAPPID),
        'x-userid': 'mallory',
      },
      body: JSON.stringify({ certificateId: '10086', token: apnsToken() }),
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ verdict: 'SIGNATURE_MISMATCH' });

    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metricValue(metrics, series) - before).toBe(N);
    expect(metrics).toMatch(/imops_http_request_duration_seconds_count\{route="\/v1\/devices"\} \d+/);

    // Two uploads whose handlers are running, waiting for their bodies, when the signal arrives.
    const held = [0, 1].map((k) => {
      const token = apnsToken();
      sentTokens.push(token);
      return heldUpload(serve.url, `held-${k}`, token);
    });
    await Promise.all(held.map((h) => h.started));

    // And 16 clients uploading back to back; SIGTERM as soon as the first of these answers.
    let stored = 0;
    const failures: string[] = [];
    let signalled = false;
    let next = N;
    const client = async () => {
      for (;;) {
        const i = next++;
        if (i >= N + 2000) return;
        const token = apnsToken();
        sentTokens.push(token);
        let status: number;
        try {
          status = (await upload(serve.url, `user-${i}`, token)).status;
        } catch {
          return; // refused or reset: the server has stopped accepting, and this upload was not answered
        }
        if (status === 201) stored++;
        else failures.push(String(status));
        if (!signalled) {
          signalled = true;
          serve.child.kill('SIGTERM');
        }
      }
    };
    const clients = Promise.all(Array.from({ length: 16 }, client));
    const shutdownLine = await waitForLog(serve, /shutting down/);
    expect((JSON.parse(shutdownLine) as { inFlight: number }).inFlight).toBeGreaterThanOrEqual(2);
    // The server has stopped accepting; the held uploads finish, are stored, and close their connections.
    const heldAnswers = await Promise.all(held.map((h) => h.finish()));
    expect(heldAnswers).toEqual([
      { status: 201, connection: 'close' },
      { status: 201, connection: 'close' },
    ]);
    await clients;
    const exit = await serve.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(failures).toEqual([]);
    expect(stored).toBeGreaterThan(0);

    // Every upload that was answered 201 is in the store after the restart; nothing else is.
    const db = new Database(join(tmp.dir, 'data', 'imops.sqlite'), { readonly: true });
    try {
      const count = (db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
      expect(count).toBe(N + stored + held.length);
    } finally {
      db.close();
    }
    expect(serve.stderr()).toContain('"msg":"stopped"');
  });

  it('never writes the secret key, a UserSig or a full device token to its output', () => {
    const output = serve.stdout() + serve.stderr();
    expect(output).toContain('device uploaded');
    expect(output).not.toContain(SECRET);
    for (const token of sentTokens) expect(output).not.toContain(token);
    expect(sentSigs.length).toBeGreaterThan(60);
    for (const sig of sentSigs) expect(output).not.toContain(sig);
  });
});
