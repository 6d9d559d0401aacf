// The one HTTP client for the Android vendors' JSON and form APIs (Huawei, Honor, Xiaomi, OPPO, vivo, Meizu):
// undici's fetch through one keep-alive Agent per provider block, with the block's `caFile` (a proxy or the test
// emulators) and `timeoutMs`. It never throws: an answer, a timeout or a network failure, each as data the
// sender explains. No vendor publishes a maintained Node client (README, dependency notes), so this is all
// imops needs.
import { readFileSync } from 'node:fs';
import { Agent, fetch } from 'undici';

export interface VendorHttpSettings {
  /** The vendor's API origin, for `post(path, …)` (the OAuth senders pass whole URLs to `request`). */
  url?: string;
  caFile?: string;
  timeoutMs: number;
}

export type VendorHttpResult =
  | {
      kind: 'answer';
      status: number;
      /** The body as text (bounded), and parsed when it is JSON. */
      text: string;
      json: unknown;
      /** Retry-After in seconds, when sent. */
      retryAfter?: number;
    }
  | { kind: 'timeout'; ms: number }
  /** `code`: the system error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…) or the error's name. */
  | { kind: 'network'; code: string };

/** An answer from the vendor (not a timeout nor a network failure). */
export type VendorHttpAnswer = Extract<VendorHttpResult, { kind: 'answer' }>;

/** A JSON body (sent with `application/json; charset=UTF-8`) or a form body (`application/x-www-form-urlencoded`). */
export type VendorBody = { form: Record<string, string> } | { json: unknown };

export interface VendorRequest {
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  method?: 'POST' | 'GET';
}

const MAX_BODY = 64 * 1024;

export class VendorHttp {
  private readonly agent: Agent;

  constructor(readonly settings: VendorHttpSettings) {
    const ca = settings.caFile ? readFileSync(settings.caFile) : undefined;
    this.agent = new Agent({ keepAliveTimeout: 30_000, connections: 64, ...(ca ? { connect: { ca } } : {}) });
  }

  get timeoutMs(): number {
    return this.settings.timeoutMs;
  }

  /** POST `path` (the vendor's own path) on the configured origin `settings.url`. Never throws. */
  post(path: string, body: VendorBody, headers: Record<string, string> = {}): Promise<VendorHttpResult> {
    return this.request(joinUrl(this.settings.url ?? '', path), { headers, ...body });
  }

  /** One request to `url`. Never throws. */
  async request(url: string, req: VendorRequest): Promise<VendorHttpResult> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json; charset=UTF-8';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    Object.assign(headers, req.headers);
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      const res = await fetch(url, { method: req.method ?? 'POST', headers, body, dispatcher: this.agent, signal });
      const raw = await res.text();
      const text = raw.length > MAX_BODY ? raw.slice(0, MAX_BODY) : raw;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const after = Number(res.headers.get('retry-after'));
      return { kind: 'answer', status: res.status, text, json, ...(Number.isFinite(after) && after > 0 && { retryAfter: after }) };
    } catch (err) {
      if (signal.aborted) return { kind: 'timeout', ms: this.settings.timeoutMs };
      return { kind: 'network', code: networkCode(err) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}

/** `ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`…: the system's code, never a message that could echo a URL with secrets. */
function networkCode(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    e = (e as { cause?: unknown }).cause;
  }
  // undici's own refusals (a blocked port, a bad header) carry only a short message in `cause`, never the body.
  const cause = (err as { cause?: { message?: unknown } }).cause?.message;
  return typeof cause === 'string' && cause.length < 80 ? cause : ((err as Error)?.name ?? 'error');
}

/** `origin` + `path`, keeping any path prefix of a proxy origin (`https://proxy/huawei` + `/v1/…`). */
export function joinUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path}`;
}
