// A small form/JSON-over-fetch client for the Android vendors' server APIs (OPPO, vivo, Meizu): one undici
// Agent per configured origin (keep-alive, and `caFile` for a proxy or the test emulators), a timeout on every
// request, and an answer that is always data: the vendor's HTTP status and body, a timeout, or a network error.
// No vendor publishes a maintained Node client (README, dependency notes), so this is all imops needs.
import { readFileSync } from 'node:fs';
import { Agent, fetch } from 'undici';

export interface VendorHttpSettings {
  url: string;
  caFile?: string;
  timeoutMs: number;
}

export type VendorAnswer =
  /** The vendor answered: `json` is the parsed body when it is JSON, `text` the raw body (cut to 2000 chars). */
  | { kind: 'answer'; status: number; json: unknown; text: string; retryAfter?: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'network'; code: string };

export type VendorBody = { form: Record<string, string> } | { json: unknown };

export class VendorHttp {
  private readonly agent: Agent;
  private readonly origin: string;

  constructor(readonly settings: VendorHttpSettings) {
    this.origin = settings.url.replace(/\/+$/, '');
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: 64,
      ...(settings.caFile ? { connect: { ca: readFileSync(settings.caFile) } } : {}),
    });
  }

  /** POST `path` (the vendor's own path) on the configured origin. Never throws. */
  async post(path: string, body: VendorBody, headers: Record<string, string> = {}): Promise<VendorAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    const form = 'form' in body;
    try {
      const res = await fetch(`${this.origin}${path}`, {
        method: 'POST',
        dispatcher: this.agent,
        signal: controller.signal,
        headers: {
          'content-type': form ? 'application/x-www-form-urlencoded;charset=UTF-8' : 'application/json;charset=UTF-8',
          accept: 'application/json',
          ...headers,
        },
        body: form ? new URLSearchParams(body.form).toString() : JSON.stringify(body.json),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const retryAfter = res.headers.get('retry-after') ?? undefined;
      return { kind: 'answer', status: res.status, json, text: text.slice(0, 2000), ...(retryAfter !== undefined && { retryAfter }) };
    } catch (err) {
      if (controller.signal.aborted) return { kind: 'timeout', timeoutMs: this.settings.timeoutMs };
      return { kind: 'network', code: networkCode(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}

/** `ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`…: the system's code, never a message that could echo a URL with secrets. */
function networkCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    e = (e as { cause?: unknown }).cause;
  }
  // undici's own refusals (a blocked port, a bad header) carry only a short message in `cause`, never the body.
  const cause = (err as { cause?: { message?: unknown } }).cause?.message;
  return typeof cause === 'string' && cause.length < 80 ? cause : ((err as Error)?.name ?? 'error');
}

/** An object's field as text (`code` may come as 0 or "0"), or undefined. */
export function field(body: unknown, key: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}
