// A loopback vivo push server: POST /message/auth (JSON appId, appKey, timestamp, sign = MD5 hex of appId +
// appKey + timestamp + appSecret) issuing authTokens, and POST /message/send (JSON, header authToken) answering
// vivo's `result` codes in an HTTP 200 body.
import { createHash, randomBytes } from 'node:crypto';
import type { ServerCert } from './tls.js';
import { startVendorServer, type TokenVendorServer, tokenVendorServer } from './vendor-http.js';

export const VIVO_AUTH = '/message/auth';
export const VIVO_SEND = '/message/send';

export interface VivoApp {
  appKey: string;
  appSecret: string;
}

/** regIds vivo calls illegal (10302) are `unknownTokens`; expireTokens makes issued authTokens answer 10000. */
export type VivoEmulator = TokenVendorServer;

const fail = (result: number, desc: string) => ({ body: { result, desc } });

export async function startVivoEmulator(apps: Record<string, VivoApp>, tls?: ServerCert): Promise<VivoEmulator> {
  const valid = new Map<string, string>();
  const issued: string[] = [];
  const unknownTokens = new Set<string>();
  const server = await startVendorServer(
    {
      [VIVO_AUTH]: (req) => {
        const b = (req.json ?? {}) as Record<string, unknown>;
        if (!req.contentType.startsWith('application/json')) return fail(10200, '参数不合法');
        if (typeof b.appId !== 'number' || typeof b.appKey !== 'string' || typeof b.timestamp !== 'number' || typeof b.sign !== 'string') {
          return fail(10200, 'appId、appKey、timestamp、sign 不能为空');
        }
        const app = apps[String(b.appId)];
        if (!app || app.appKey !== b.appKey) return fail(10200, 'appId不存在');
        if (Math.abs(b.timestamp - Date.now()) > 600_000) return fail(10207, 'timestamp不合法');
        const expected = createHash('md5').update(`${b.appId}${b.appKey}${b.timestamp}${app.appSecret}`).digest('hex');
        if (b.sign !== expected) return fail(10206, 'sign不正确');
        const token = `vivo-auth-${randomBytes(12).toString('hex')}`;
        valid.set(token, String(b.appId));
        issued.push(token);
        return { body: { result: 0, desc: '请求成功', authToken: token } };
      },
      [VIVO_SEND]: (req) => {
        const token = req.headers.authtoken;
        if (typeof token !== 'string' || !valid.has(token)) return fail(10000, '权限认证失败');
        const b = (req.json ?? {}) as Record<string, unknown>;
        if (b.appId !== undefined && String(b.appId) !== valid.get(token)) return fail(10094, 'appId与authToken不匹配');
        for (const k of ['regId', 'title', 'content', 'requestId']) if (typeof b[k] !== 'string' || !(b[k] as string)) return fail(10055, `${k}不能为空`);
        if (b.notifyType === undefined || b.skipType === undefined) return fail(10055, 'notifyType/skipType不能为空');
        if ((b.requestId as string).length > 64) return fail(10055, 'requestId过长');
        const regId = b.regId as string;
        if (unknownTokens.has(regId) || !/^\d{23}$/.test(regId)) {
          return { body: { result: 10302, desc: 'regId不合法', invalidUser: { status: 1, userid: regId } } };
        }
        return { body: { result: 0, desc: '请求成功', taskId: `${Date.now()}${randomBytes(3).readUIntBE(0, 3)}` } };
      },
    },
    tls,
  );
  return tokenVendorServer(server, { auth: VIVO_AUTH, send: VIVO_SEND }, { issued, unknownTokens, valid });
}

export function vivoToken(): string {
  return `1${Array.from({ length: 22 }, () => Math.floor(Math.random() * 10)).join('')}`;
}
