// A loopback Tencent IM REST API (reference/im-rest.md §1-4) and a callback sender. It checks what the real
// service checks on every call: the five query parameters, that `identifier` is an App admin, and the admin
// UserSig against the app key (with imops' own verifier, independently of the signer under test). Users have
// an account flag and an online state; sendmsg de-duplicates like IM (sender + MsgRandom + text, 120 s) and,
// with a callback target, posts Push.OfflinePush for PushOnline users.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyUserSig } from '../../src/usersig/index.js';
import { waitForCount } from './wait.js';

export interface ImUser {
  imported: boolean;
  status?: 'Online' | 'PushOnline' | 'Offline';
  detail?: { Platform: string; Status: string }[];
  /** What IM's push callback reports for this user's pushes (default success on iPhone). */
  push?: { ErrCode: number; ErrInfo: string; PushPlatform?: string };
}

export interface ImCall {
  api: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  /** The ErrorCode answered. */
  answered: number;
}

export interface ImEmulatorOptions {
  apps: { sdkAppId: number; secretKey: string; admins?: string[] }[];
  /** Simulated latency per call, ms. */
  latencyMs?: number;
}

export interface CallbackTarget {
  url: string;
  sdkAppId: number;
  token?: string;
}

const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
const fail = (code: number, info: string) => ({ ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info });

export class ImEmulator {
  readonly users = new Map<string, ImUser>();
  readonly calls: ImCall[] = [];
  readonly events = new EventEmitter();
  /** Messages IM accepted and did not de-duplicate. */
  readonly delivered: { from: string; to: string; text: string; msgRandom: number; offlinePush: unknown }[] = [];
  /** api -> error code answered to the next calls (kept until cleared). */
  readonly failing = new Map<string, { code: number; info: string }>();
  /** APIs that never answer. */
  readonly hanging = new Set<string>();
  latencyMs: number;
  callback?: CallbackTarget;
  /** Answer every call with this HTTP status (a proxy's error page). */
  httpStatus?: number;
  private server: Server | undefined;
  private seen = new Map<string, number>();
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly options: ImEmulatorOptions) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  user(id: string, u: ImUser): this {
    this.users.set(id, u);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this.origin;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  waitForCalls(n: number): Promise<ImCall[]> {
    return waitForCount(this.events, 'call', this.calls, n);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://im');
    const api = url.pathname.replace(/^\/v4\//, '');
    const query = Object.fromEntries(url.searchParams);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') ?? {};
    } catch {
      body = {};
    }
    if (this.hanging.has(api)) {
      this.events.emit('hung', api);
      return;
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (this.httpStatus) {
      res.writeHead(this.httpStatus, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>');
      return;
    }
    const answer = req.method !== 'POST' ? fail(60002, 'POST only') : this.answer(api, query, body);
    this.calls.push({ api, query, body, answered: answer.ErrorCode as number });
    this.events.emit('call');
    const text = JSON.stringify(answer);
    res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  }

  private answer(api: string, q: Record<string, string>, body: Record<string, unknown>): Record<string, unknown> {
    for (const k of ['sdkappid', 'identifier', 'usersig', 'random', 'contenttype']) if (!q[k]) return fail(60002, `missing ${k}`);
    const random = Number(q.random);
    if (!Number.isInteger(random) || random < 0 || random > 0xffffffff || q.contenttype !== 'json') return fail(60002, 'bad random or contenttype');
    const app = this.options.apps.find((a) => String(a.sdkAppId) === q.sdkappid);
    if (!app) return fail(70020, 'sdkappid not found, please check that the SDKAppID matches the IM data centre you access');
    const v = verifyUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId: q.identifier!, userSig: q.usersig! });
    if (!v.valid) {
      const code = { EXPIRED: 70001, SIGNATURE_MISMATCH: 70009, USERID_MISMATCH: 70013, SDKAPPID_MISMATCH: 70014 }[v.verdict as string] ?? 70003;
      return fail(code, `usersig check failed: ${v.verdict}`);
    }
    if (!(app.admins ?? ['administrator']).includes(q.identifier!)) return fail(60010, 'identifier is not admin');
    const forced = this.failing.get(api) ?? this.failing.get('*');
    if (forced) return fail(forced.code, forced.info);
    if (api === 'im_open_login_svc/account_check') {
      const items = Array.isArray(body.CheckItem) ? (body.CheckItem as { UserID: string }[]) : [];
      return {
        ...OK,
        ResultItem: items.map((i) => ({
          UserID: i.UserID,
          ResultCode: 0,
          ResultInfo: '',
          AccountStatus: this.users.get(i.UserID)?.imported ? 'Imported' : 'NotImported',
        })),
      };
    }
    if (api === 'openim/query_online_status') {
      const ids = Array.isArray(body.To_Account) ? (body.To_Account as string[]) : [];
      const known = ids.filter((id) => this.users.get(id)?.imported);
      return {
        ...OK,
        QueryResult: known.map((id) => {
          const u = this.users.get(id)!;
          return { To_Account: id, Status: u.status ?? 'Offline', ...(body.IsNeedDetail === 1 && u.detail && { Detail: u.detail }) };
        }),
        ...(known.length < ids.length && { ErrorList: ids.filter((id) => !known.includes(id)).map((id) => ({ To_Account: id, ErrorCode: 70107 })) }),
      };
    }
    if (api === 'openim/sendmsg') {
      const to = String(body.To_Account ?? '');
      const from = String(body.From_Account ?? '');
      if (typeof body.MsgRandom !== 'number') return fail(90005, 'MsgRandom missing');
      if (!this.users.get(to)?.imported) return fail(90012, 'To_Account not found');
      const text = JSON.stringify(body.MsgBody);
      const key = `${from}|${body.MsgRandom}|${createHash('sha1').update(text).digest('hex')}`;
      const now = Date.now();
      const msgTime = Math.floor(now / 1000);
      const msgKey = `1_${body.MsgRandom}_${msgTime}`;
      const last = this.seen.get(key);
      this.seen.set(key, now);
      if (last !== undefined && now - last < 120_000) return { ...OK, MsgTime: msgTime, MsgKey: msgKey };
      this.delivered.push({ from, to, text, msgRandom: body.MsgRandom, offlinePush: body.OfflinePushInfo });
      const u = this.users.get(to)!;
      if (this.callback && u.status === 'PushOnline') {
        const push = u.push ?? { ErrCode: 0, ErrInfo: '', PushPlatform: 'iPhone' };
        void sendCallback(this.callback, 'Push.OfflinePush', {
          Events: [
            {
              CallbackCommand: 'Push.OfflinePush',
              EventType: 1,
              EventTime: now,
              To_Account: to,
              From_Account: from,
              MsgKey: msgKey,
              MsgRandom: body.MsgRandom,
              PushPlatform: push.PushPlatform ?? 'iPhone',
              PushStage: '2',
              ErrCode: push.ErrCode,
              ErrInfo: push.ErrInfo,
            },
          ],
        }).then(() => this.events.emit('callback'));
      }
      return { ...OK, MsgTime: msgTime, MsgKey: msgKey };
    }
    return fail(60009, 'unknown API');
  }
}

/** POST one callback the way IM does: query parameters, Sign = sha256(token + RequestTime) when a token is set. */
export async function sendCallback(
  target: CallbackTarget,
  command: string,
  body: unknown,
  options: { requestTime?: number; sign?: string; raw?: string } = {},
): Promise<{ status: number; body: string }> {
  const requestTime = String(options.requestTime ?? Math.floor(Date.now() / 1000));
  const q = new URLSearchParams({
    SdkAppid: String(target.sdkAppId),
    CallbackCommand: command,
    contenttype: 'json',
    ClientIP: '203.0.113.7',
    OptPlatform: 'iOS',
  });
  if (target.token !== undefined || options.sign !== undefined) {
    q.set('RequestTime', requestTime);
    q.set('Sign', options.sign ?? createHash('sha256').update(`${target.token}${requestTime}`).digest('hex'));
  }
  const res = await fetch(`${target.url}?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: options.raw ?? JSON.stringify(body) });
  return { status: res.status, body: await res.text() };
}

export const stateChange = (userId: string, action: 'Login' | 'Logout' | 'Disconnect', at: number, extra: Record<string, unknown> = {}) => ({
  CallbackCommand: 'State.StateChange',
  EventTime: at,
  Info: { Action: action, To_Account: userId, Reason: action === 'Login' ? 'Register' : action === 'Logout' ? 'Unregister' : 'LinkClose' },
  ...extra,
});
