import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createLogger } from '../../src/log.js';
import { Metrics } from '../../src/metrics.js';
import { Router, readBody, sendJson } from '../../src/http/router.js';
import { createHttpServer, type HttpServer, type ReadyState } from '../../src/http/server.js';

interface Started {
  http: HttpServer;
  url: string;
  logs: string[];
  metrics: Metrics;
}

const running: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close(100)));
});

async function start(setup: (router: Router) => void, ready: () => ReadyState = () => ({ store: true })): Promise<Started> {
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const metrics = new Metrics();
  const router = new Router();
  setup(router);
  const http = createHttpServer({ log, metrics, router, ready });
  running.push(http);
  const addr = await http.listen(0, '127.0.0.1');
  return { http, url: `http://127.0.0.1:${addr.port}`, logs, metrics };
}

/** A deferred: lets a test hold a handler in flight and release it when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('createHttpServer', () => {
  it('answers /healthz, and /readyz with 503 naming the part that is not ready', async () => {
    let slack = false;
    const s = await start(
      () => {},
      () => ({ store: true, 'adapter:slack': slack }),
    );
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const notReady = await fetch(`${s.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not_ready', notReady: ['adapter:slack'] });

    slack = true;
    const readyRes = await fetch(`${s.url}/readyz`);
    expect(readyRes.status).toBe(200);
    expect(await readyRes.json()).toMatchObject({ status: 'ready', checks: { store: true, 'adapter:slack': true } });
  });

  it('routes by exact path and answers JSON 404 and 405 with Allow', async () => {
    const s = await start((r) => r.add('PUT', '/v1/things', (_req, res) => sendJson(res, 200, { ok: true })));
    const ok = await fetch(`${s.url}/v1/things?x=1`, { method: 'PUT' });
    expect(ok.status).toBe(200);

    const missing = await fetch(`${s.url}/v1/things/extra`, { method: 'PUT' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });

    const wrong = await fetch(`${s.url}/v1/things`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('PUT');
    expect(await wrong.json()).toMatchObject({ error: 'method_not_allowed', message: expect.stringContaining('PUT') });

    const healthPost = await fetch(`${s.url}/healthz`, { method: 'POST' });
    expect(healthPost.status).toBe(405);
  });

  it('answers 413 in JSON when a route reads more body than its limit', async () => {
    const s = await start((r) =>
      r.add('PUT', '/v1/small', async (req, res) => {
        const body = await readBody(req, 64);
        sendJson(res, 200, { bytes: body.length });
      }),
    );
    const small = await fetch(`${s.url}/v1/small`, { method: 'PUT', body: 'x'.repeat(10) });
    expect(await small.json()).toEqual({ bytes: 10 });
    const big = await fetch(`${s.url}/v1/small`, { method: 'PUT', body: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large', limit: 64 });
  });

  it('answers 500 with a correlation ID found in the log, and no stack or secret in the answer', async () => {
    const secret = 'sk-SUPERSECRET-0123456789';
    const s = await start((r) =>
      r.add('GET', '/boom', () => {
        throw new Error(`provider said no for key ${secret}`);
      }),
    );
    const res = await fetch(`${s.url}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    const body = JSON.parse(text) as { error: string; correlationId: string };
    expect(body.error).toBe('internal_error');
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(s.logs.some((l) => l.includes(body.correlationId) && l.includes('request failed'))).toBe(true);

    // The server keeps serving after a failed handler.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it("logs a failed request's error without the request data a library error carries, however deep", async () => {
    const secret = 'eJw-rendered-UserSig-that-must-not-be-logged';
    // Shaped like a discord.js DiscordAPIError: the request it sent, five levels down, past the redaction paths.
    const libraryError = Object.assign(new Error('Invalid Form Body'), {
      name: 'DiscordAPIError[50035]',
      requestBody: { files: [], json: { data: { embeds: [{ description: `UserSig ${secret}` }], userSig: secret } } },
    });
    const s = await start((r) =>
      r.add('GET', '/boom', () => {
        throw libraryError;
      }),
    );
    const res = await fetch(`${s.url}/boom`);
    expect(res.status).toBe(500);
    const { correlationId } = (await res.json()) as { correlationId: string };
    const line = s.logs.find((l) => l.includes(correlationId));
    expect(line).toContain('Invalid Form Body');
    expect(line).toContain('DiscordAPIError[50035]');
    expect(s.logs.join('')).not.toContain(secret);
  });

  it('counts requests and latency by route in /metrics, with one series for unmatched paths', async () => {
    const s = await start((r) => r.add('GET', '/v1/ping', (_req, res) => sendJson(res, 200, {})));
    for (let i = 0; i < 3; i++) await (await fetch(`${s.url}/v1/ping`)).text();
    await (await fetch(`${s.url}/nope/1`)).text();
    await (await fetch(`${s.url}/nope/2`)).text();
    const text = await (await fetch(`${s.url}/metrics`)).text();
    expect(text).toContain('imops_http_requests_total{route="/v1/ping",method="GET",status="200"} 3');
    expect(text).toContain('imops_http_requests_total{route="unmatched",method="GET",status="404"} 2');
    expect(text).toContain('imops_http_request_duration_seconds_count{route="/v1/ping"} 3');
    expect(text).not.toContain('/nope/');
  });

  it('graceful close lets an in-flight request finish and refuses new connections', async () => {
    const entered = gate();
    const release = gate();
    const s = await start((r) =>
      r.add('PUT', '/slow', async (req, res) => {
        const body = await readBody(req, 1024);
        entered.open();
        await release.opened;
        sendJson(res, 200, { got: body.toString() });
      }),
    );
    const inflight = fetch(`${s.url}/slow`, { method: 'PUT', body: 'payload' });
    await entered.opened;
    expect(s.http.inFlight()).toBe(1);

    const closed = s.http.close(5_000);
    let closedYet = false;
    void closed.then(() => (closedYet = true));
    // New connections are refused while the old request is still running.
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    expect(closedYet).toBe(false);

    release.open();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ got: 'payload' });
    await closed;
    expect(s.http.inFlight()).toBe(0);
  });

  it('graceful close destroys requests still running after the bound', async () => {
    const entered = gate();
    const s = await start((r) =>
      r.add('GET', '/hang', () => {
        entered.open();
        return new Promise<void>(() => {});
      }),
    );
    const hung = new Promise<string>((resolve) => {
      const req = request(`${s.url}/hang`, (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      req.end();
    });
    await entered.opened;
    await s.http.close(50);
    expect(await hung).toBe('ECONNRESET');
    expect(s.logs.some((l) => l.includes('still running after the bound'))).toBe(true);
  });
});
