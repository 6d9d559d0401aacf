import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Metrics } from '../metrics.js';
import { describeError, type Logger } from '../log.js';
import { StoreUnavailableError } from '../store/ports.js';
import { clip } from '../text.js';
import { BodyTooLargeError, sendJson, type Handler, type Router } from './router.js';

/**
 * What /readyz reports: each part that must be up before traffic is sent here, by name
 * (for example `store`, `adapter:slack`), and whether it is. Ready when every part is.
 */
export type ReadyState = Record<string, boolean>;

export interface HttpServerOptions {
  log: Logger;
  metrics: Metrics;
  router: Router;
  ready: () => ReadyState;
  /**
   * Keep-alive idle time. Longer than the usual load balancer idle timeout (60 s), so the balancer, not imops,
   * closes idle connections and never sends a request down a socket imops is closing.
   */
  keepAliveTimeoutMs?: number;
  /** Whole-request bound (headers and body), against clients that trickle. */
  requestTimeoutMs?: number;
}

export interface HttpServer {
  readonly server: Server;
  /** Start listening; resolves with the bound address (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Stop accepting connections, let requests already in flight finish for up to `timeoutMs`, then destroy
   * whatever is left. Resolves when no connection remains. Safe to call twice.
   */
  close(timeoutMs?: number): Promise<void>;
  /** Requests being handled right now. */
  inFlight(): number;
}

/** Built-in routes, answered before the router so no registered route can shadow or collide with them. */
type Builtins = Map<string, Map<string, Handler>>;

/** Label for requests that matched no route: one series, whatever paths scanners try. */
const UNMATCHED = 'unmatched';

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { log, metrics, router, ready } = options;
  const keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
  const active = new Set<ServerResponse>();
  let closing: Promise<void> | undefined;

  const builtins: Builtins = new Map([
    ['/healthz', new Map<string, Handler>([['GET', (_req, res) => sendJson(res, 200, { status: 'ok' })]])],
    ['/readyz', new Map<string, Handler>([['GET', (_req, res) => sendReady(res, ready(), closing !== undefined)]])],
    ['/metrics', new Map<string, Handler>([['GET', (_req, res) => sendMetrics(res, metrics)]])],
  ]);
  for (const methods of builtins.values()) {
    const get = methods.get('GET');
    if (get) methods.set('HEAD', get);
  }

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node looks for timed-out requests only this often (default 30 s, as long as the timeout itself): check a few
  // times per timeout so a trickling client gets its 408 close to the bound.
  const connectionsCheckingInterval = Math.max(50, Math.min(30_000, Math.floor(requestTimeout / 4)));
  const server = createServer({ keepAlive: true, noDelay: true, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = keepAliveTimeout;
  // Must exceed keepAliveTimeout, or Node may cut a reused socket while the next request's headers arrive.
  server.headersTimeout = keepAliveTimeout + 1_000;
  // Under load many requests share few sockets; no per-socket cap, so clients are never forced to reconnect.
  server.maxRequestsPerSocket = 0;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // Malformed HTTP, a slow client or a reset: answer if the socket can still be written to, never crash.
    if (err.code !== 'ECONNRESET' && socket.writable) {
      const [status, body] = clientErrorAnswer(err.code);
      const text = JSON.stringify(body);
      socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
    } else {
      socket.destroy();
    }
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const method = (req.method ?? 'GET').toUpperCase();
    const path = pathOf(req.url);
    active.add(res);
    // Once shutdown has begun, every answer tells the client not to reuse the connection.
    if (closing) res.setHeader('connection', 'close');
    let route = UNMATCHED;
    res.once('close', () => {
      active.delete(res);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequests.inc({ route, method, status: String(res.statusCode) });
      metrics.httpSeconds.observe(seconds, { route });
      if (closing) setImmediate(() => server.closeIdleConnections());
    });

    const builtin = builtins.get(path);
    const handler = builtin ? builtin.get(method) : router.match(method, path);
    if (handler) route = path;
    try {
      if (handler) {
        await handler(req, res);
        return;
      }
      const allowed = builtin ? [...builtin.keys()] : router.methodsFor(path);
      if (allowed.length > 0) {
        route = path;
        res.setHeader('allow', allowed.join(', '));
        sendJson(res, 405, { error: 'method_not_allowed', message: `${clip(method, 16)} is not allowed on ${path}; use ${allowed.join(' or ')}` });
        return;
      }
      sendJson(res, 404, { error: 'not_found', message: `no route for ${clip(method, 16)} ${clip(path, 64)}` });
    } catch (err) {
      fail(req, res, err, method, route);
    }
  }

  function fail(req: IncomingMessage, res: ServerResponse, err: unknown, method: string, route: string): void {
    if (err instanceof StoreUnavailableError) {
      // Not the request's fault and not a bug: the client should retry, and /readyz says the same meanwhile.
      log.warn({ code: err.code, method, route }, 'store cannot write; answered 503');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.setHeader('retry-after', String(err.retryAfterSeconds));
      sendJson(res, 503, {
        error: 'store_unavailable',
        message: `imops cannot store anything right now: ${err.message}. Try again in ${err.retryAfterSeconds} s.`,
        retryAfter: err.retryAfterSeconds,
      });
      return;
    }
    if (req.destroyed && (err as NodeJS.ErrnoException).code === 'ECONNRESET') {
      // The client went away mid-request (an app killed mid-upload, a lost network): nothing to answer, no bug to chase.
      log.info({ method, route }, 'client closed the connection before the request was complete');
      return;
    }
    if (err instanceof BodyTooLargeError) {
      if (!res.headersSent) {
        // The rest of the oversized body is not worth reading: close the connection after answering.
        res.setHeader('connection', 'close');
        sendJson(res, 413, { error: 'payload_too_large', message: `the request body is larger than ${err.limit} bytes`, limit: err.limit });
      } else res.destroy();
      return;
    }
    const correlationId = randomUUID();
    // The log gets the error's name, message and stack, never the object: a library error can carry the request
    // it sent (headers, body) deeper than the logger's redaction reaches. The client gets only the ID.
    log.error({ err: describeError(err), correlationId, method, route }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, 500, {
      error: 'internal_error',
      message: 'imops could not handle this request; the operator can find it in the log by its correlation ID',
      correlationId,
    });
  }

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    inFlight: () => active.size,
    close(timeoutMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        if (!server.listening) {
          server.closeAllConnections();
          resolve();
          return;
        }
        for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
        const timer = setTimeout(() => {
          if (active.size > 0) log.warn({ inFlight: active.size, timeoutMs }, 'shutdown: requests still running after the bound; closing their connections');
          server.closeAllConnections();
        }, timeoutMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        // Idle keep-alive sockets would otherwise hold close() open until they time out.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** The answer to a request Node could not parse or finish: its own status for a slow client and for huge headers. */
function clientErrorAnswer(code: string | undefined): [string, { error: string; message: string }] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return ['408 Request Timeout', { error: 'request_timeout', message: 'the request did not arrive completely in time' }];
  if (code === 'HPE_HEADER_OVERFLOW')
    return ['431 Request Header Fields Too Large', { error: 'headers_too_large', message: 'the request headers are too large' }];
  return ['400 Bad Request', { error: 'bad_request', message: 'the request is not valid HTTP' }];
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function sendReady(res: ServerResponse, state: ReadyState, shuttingDown: boolean): void {
  const parts = shuttingDown ? { ...state, shutdown: false } : state;
  const notReady = Object.entries(parts)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
  if (notReady.length === 0) sendJson(res, 200, { status: 'ready', checks: parts });
  else sendJson(res, 503, { status: 'not_ready', notReady, checks: parts });
}

async function sendMetrics(res: ServerResponse, metrics: Metrics): Promise<void> {
  const text = await metrics.metrics();
  res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
