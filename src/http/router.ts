import type { IncomingMessage, ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Routes by exact method and path; the server that owns it decides what happens to everything else. */
export class Router {
  private readonly routes = new Map<string, Handler>();

  add(method: string, path: string, handler: Handler): void {
    const key = `${method.toUpperCase()} ${path}`;
    if (this.routes.has(key)) throw new Error(`route ${key} is registered twice`);
    this.routes.set(key, handler);
  }

  match(method: string, path: string): Handler | undefined {
    return this.routes.get(`${method.toUpperCase()} ${path}`);
  }

  /** Methods registered for a path, for 405 answers. */
  methodsFor(path: string): string[] {
    return [...this.routes.keys()].filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(' ')[0]!);
  }
}

/** Read a request body up to `limit` bytes; past it, reject with a 413-worthy error and stop reading. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(limit));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body is larger than ${limit} bytes`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
