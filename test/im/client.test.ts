// What the IM REST client records when IM itself says nothing: typed details (never sentences), and IM's own
// ErrorInfo kept apart as IM's words.
import { describe, expect, it } from 'vitest';
import type { AppConfig, ImConfig } from '../../src/config/types.js';
import { checkAccount, createImClient, ImRestError, queryOnlineStatus, type ImClient, type ImDetail } from '../../src/im/index.js';

const app: AppConfig & { im: ImConfig } = {
  name: 'prod',
  sdkAppId: 1400000000,
  secretKey: 'k',
  certificates: [],
  im: { admin: 'administrator', origin: 'https://console.tim.qq.com', region: 'china', testSender: 'administrator' },
};

const answering = (body: string, status = 200): typeof fetch => (async () => new Response(body, { status })) as typeof fetch;

type Fetch = typeof globalThis.fetch;

async function failure(fetch: Fetch, call: (c: ImClient) => Promise<unknown> = (c) => c.call('openim/sendmsg', {})): Promise<ImRestError> {
  const client = createImClient(app, { fetch, retries: 0, timeoutMs: 50 });
  try {
    await call(client);
  } catch (err) {
    expect(err).toBeInstanceOf(ImRestError);
    return err as ImRestError;
  }
  throw new Error('the call did not fail');
}

describe('IM REST client failures as facts', () => {
  it.each<[string, typeof fetch, string, ImDetail]>([
    ['an HTML error page', answering('<html>bad gateway</html>', 502), 'http', { kind: 'http_status', status: 502 }],
    ['an answer that is not JSON', answering('<html>'), 'bad_response', { kind: 'not_json' }],
    ['a JSON list', answering('[1]'), 'bad_response', { kind: 'not_object' }],
    [
      'a refused connection',
      (async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      }) as typeof fetch,
      'network',
      { kind: 'network_error', error: 'ECONNREFUSED' },
    ],
    [
      'a failure without a cause',
      (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
      'network',
      { kind: 'connection_failed' },
    ],
    [
      'no answer in time',
      ((_url: string, init: RequestInit) =>
        new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
      'timeout',
      { kind: 'timeout', ms: 50 },
    ],
  ])('%s: a problem and a detail, no words put in IM’s mouth', async (_name, fetch, problem, detail) => {
    const err = await failure(fetch);
    expect(err.problem).toBe(problem);
    expect(err.detail).toEqual(detail);
    expect(err.info).toBeUndefined();
  });

  it('an answer without the UserID: no ResultItem / no known Status', async () => {
    const ok = answering(JSON.stringify({ ActionStatus: 'OK', ErrorCode: 0, ResultItem: [], QueryResult: [] }));
    expect((await failure(ok, (c) => checkAccount(c, 'bob'))).detail).toEqual({ kind: 'no_result_item' });
    expect((await failure(ok, (c) => queryOnlineStatus(c, 'bob'))).detail).toEqual({ kind: 'no_status' });
  });

  it("IM's own ErrorInfo is kept as IM's words, without a detail", async () => {
    const err = await failure(answering(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 60021, ErrorInfo: 'ip not in whitelist' })));
    expect(err).toMatchObject({ problem: 'ip_not_allowed', code: 60021, info: 'ip not in whitelist' });
    expect(err.detail).toBeUndefined();
  });
});
