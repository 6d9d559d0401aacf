// A loopback Meizu push server: POST /garcia/api/server/push/varnished/pushByPushId (form appId, pushIds,
// messageJson, sign = MD5 hex of the other parameters sorted by name as k=v, then the appSecret). Answers carry
// `code` as a string; per-pushId failures come back as `code "200"` with a `value` map, as Meizu does.
import { createHash, randomBytes } from 'node:crypto';
import type { ServerCert } from './tls.js';
import { startVendorServer, type Forced, type RecordedRequest, type VendorServer } from './vendor-http.js';

export const MEIZU_PUSH = '/garcia/api/server/push/varnished/pushByPushId';

export interface MeizuEmulator extends VendorServer {
  /** pushIds answered per pushId with this code in `value` (110002 unsubscribed, 110010 switched off, …). */
  perPushId: Map<string, string>;
  sends(): RecordedRequest[];
  forceSend(...answers: Forced[]): void;
}

const answer = (code: string, message = '', value: Record<string, string[]> = {}) => ({
  body: { code, message, value, msgId: code === '200' ? `NS${randomBytes(8).toString('hex')}` : '', redirect: '' },
});

export async function startMeizuEmulator(apps: Record<string, string>, tls?: ServerCert): Promise<MeizuEmulator> {
  const perPushId = new Map<string, string>();
  const server = await startVendorServer(
    {
      [MEIZU_PUSH]: (req) => {
        if (!req.contentType.startsWith('application/x-www-form-urlencoded')) return answer('1005', '参数错误');
        const f = { ...(req.form ?? {}) };
        const { sign, ...params } = f;
        if (!params.appId || !params.pushIds || !params.messageJson || !sign) return answer('110004', '参数不能为空');
        const secret = apps[params.appId];
        if (secret === undefined) return answer('110000', 'appId不合法');
        const text = Object.keys(params)
          .sort()
          .map((k) => `${k}=${params[k]}`)
          .join('');
        if (createHash('md5').update(`${text}${secret}`).digest('hex') !== sign) return answer('1006', '签名认证失败');
        let message: { noticeBarInfo?: { title?: string; content?: string } };
        try {
          message = JSON.parse(params.messageJson);
        } catch {
          return answer('1005', 'messageJson格式错误');
        }
        const title = message.noticeBarInfo?.title ?? '';
        const content = message.noticeBarInfo?.content ?? '';
        if (title.length < 1 || title.length > 32 || content.length < 1 || content.length > 100) return answer('1005', '标题或内容长度不合法');
        const value: Record<string, string[]> = {};
        for (const id of params.pushIds.split(',')) {
          const code = perPushId.get(id) ?? (/^[A-Z0-9]{1,3}[0-9a-f]{40,44}$/.test(id) ? undefined : '110003');
          if (code) (value[code] ??= []).push(id);
        }
        return answer('200', '', value);
      },
    },
    tls,
  );
  const baseReset = server.reset;
  return Object.assign(server, {
    perPushId,
    sends: () => server.requests.filter((r) => r.path === MEIZU_PUSH),
    forceSend: (...a: Forced[]) => server.force(MEIZU_PUSH, ...a),
    reset: () => {
      baseReset();
      perPushId.clear();
    },
  });
}

export function meizuToken(): string {
  return `RA5${randomBytes(21).toString('hex')}`;
}
