// A small loopback HTTPS server for the Android vendors' emulators (Huawei, Honor, Xiaomi): TLS with the test CA's
// server certificate (so imops' caFile is exercised), the request read whole, and helpers to answer JSON or
// never answer (a vendor that hangs, for timeouts). Each emulator decides what to answer.
import https from 'node:https';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ServerCert } from './tls.js';

export interface RawRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'hang';

export interface HttpsJsonServer {
  readonly port: number;
  readonly url: string;
  readonly events: EventEmitter;
  close(): Promise<void>;
}

export async function startHttpsJson(tls: ServerCert, handle: (req: RawRequest) => Answer | Promise<Answer>): Promise<HttpsJsonServer> {
  const events = new EventEmitter();
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem, keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const answer = await handle(raw);
      events.emit('request', raw);
      if (answer === 'hang') return;
      send(res, answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `https://localhost:${port}`,
    events,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, a: Exclude<Answer, 'hang'>): void {
  const body = a.json !== undefined ? JSON.stringify(a.json) : (a.text ?? '');
  res.writeHead(a.status, { 'content-type': a.json !== undefined ? 'application/json;charset=UTF-8' : 'text/plain', ...a.headers });
  res.end(body);
}

/** The form body of a request as a plain object. */
export function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

export function jsonOf(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
