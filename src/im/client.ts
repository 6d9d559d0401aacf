// Tencent IM REST client (reference/im-rest.md §1): POST {origin}/v4/<service>/<command>?sdkappid=&identifier=
// &usersig=&random=&contenttype=json with a JSON body. The admin UserSig is signed here with the app key and
// cached while valid. It is a secret: the URL carrying it is never logged and never part of an error.
import { randomInt } from 'node:crypto';
import type { AppConfig, ImConfig } from '../config/types.js';
import { generateUserSig } from '../usersig/index.js';
import { detailForLog, imRestErrorRow, type ImDetail, type ImProblem } from './rest-errors.js';

/**
 * An IM REST call that failed: the code (when IM gave one), what it means, never the URL or the UserSig. `info` is
 * IM's own words; `detail` is what imops saw when IM said nothing (a timeout, an answer that is not JSON).
 */
export class ImRestError extends Error {
  readonly problem: ImProblem;
  constructor(
    problem: ImProblem,
    readonly api: string,
    readonly code?: number,
    /** IM's own ErrorInfo / ResultInfo, clipped; never carries the query string. */
    readonly info?: string,
    readonly detail?: ImDetail,
  ) {
    const said = info ? `: ${info}` : detail ? `: ${detailForLog(detail)}` : '';
    super(`IM ${api} failed: ${problem}${code !== undefined ? ` (${code})` : ''}${said}`);
    this.name = 'ImRestError';
    this.problem = problem;
  }
}

/** A failure imops observed itself: no words from IM, a detail instead. */
const seen = (problem: ImProblem, api: string, detail: ImDetail) => new ImRestError(problem, api, undefined, undefined, detail);

export interface ImEnvelope {
  ActionStatus?: string;
  ErrorCode?: number;
  ErrorInfo?: string;
  [key: string]: unknown;
}

export interface ImClientOptions {
  /** Per attempt; default 3000 ms. */
  timeoutMs?: number;
  /** Extra attempts after a network error, a timeout or a busy/rate-limited answer; default 1. */
  retries?: number;
  /** Pause before a retry; default 200 ms. */
  retryDelayMs?: number;
  /** Unix ms; tests pin it. */
  now?: () => number;
  fetch?: typeof fetch;
}

export interface ImClient {
  readonly app: AppConfig & { im: ImConfig };
  call<T extends ImEnvelope>(api: string, body: Record<string, unknown>, options?: { signal?: AbortSignal; retries?: number }): Promise<T>;
}

/** Validity of the admin UserSig imops signs; it is re-signed an hour before it runs out. */
export const ADMIN_SIG_SECONDS = 86_400;

export const randomUint32 = (): number => randomInt(0, 2 ** 32 - 1) >>> 0;

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function createImClient(app: AppConfig & { im: ImConfig }, options: ImClientOptions = {}): ImClient {
  const timeoutMs = options.timeoutMs ?? 3000;
  const retries = options.retries ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  let cached: { sig: string; until: number } | undefined;

  const adminSig = (): string => {
    const t = now();
    if (cached && t < cached.until) return cached.sig;
    const at = Math.floor(t / 1000);
    const sig = generateUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId: app.im.admin, expireSeconds: ADMIN_SIG_SECONDS, now: at });
    cached = { sig, until: (at + ADMIN_SIG_SECONDS - 3600) * 1000 };
    return sig;
  };

  async function attempt<T extends ImEnvelope>(api: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    const query = new URLSearchParams({
      sdkappid: String(app.sdkAppId),
      identifier: app.im.admin,
      usersig: adminSig(),
      random: String(randomUint32()),
      contenttype: 'json',
    });
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await doFetch(`${app.im.origin}/v4/${api}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: combined,
      });
    } catch (err) {
      if (timeout.aborted || signal?.aborted) throw seen('timeout', api, { kind: 'timeout', ms: timeoutMs });
      // undici puts the socket error in `cause`; its message never contains the URL.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const error = cause?.code ?? cause?.message;
      throw seen('network', api, error ? { kind: 'network_error', error: clip(error) } : { kind: 'connection_failed' });
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw seen(timeout.aborted ? 'timeout' : 'network', api, { kind: 'cut_off' });
    }
    if (res.status !== 200) throw seen('http', api, { kind: 'http_status', status: res.status });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw seen('bad_response', api, { kind: 'not_json' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw seen('bad_response', api, { kind: 'not_object' });
    const env = parsed as T;
    const code = typeof env.ErrorCode === 'number' ? env.ErrorCode : undefined;
    if (env.ActionStatus !== 'OK' || (code !== undefined && code !== 0)) {
      throw new ImRestError(imRestErrorRow(code).problem, api, code, clip(String(env.ErrorInfo ?? '')));
    }
    return env;
  }

  return {
    app,
    async call(api, body, opts = {}) {
      const tries = 1 + (opts.retries ?? retries);
      for (let i = 1; ; i++) {
        try {
          return await attempt(api, body, opts.signal);
        } catch (err) {
          const retryable =
            err instanceof ImRestError &&
            (err.problem === 'network' || err.problem === 'timeout' || imRestErrorRow(err.code).retry) &&
            err.problem !== 'unknown';
          if (!retryable || i >= tries || opts.signal?.aborted) throw err;
          await new Promise((r) => setTimeout(r, retryDelayMs));
        }
      }
    },
  };
}
