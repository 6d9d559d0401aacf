// A loopback Xiaomi Mi Push: POST /v3/message/regid (form) on HTTPS. It checks `Authorization: key=<AppSecret>`
// (lower-case "key"), the package the secret belongs to, the channel ID against the app's channels, and the
// title / description limits, and answers with Mi Push's own codes, `bad_regids`, `day_acked` / `day_quota`.
import { randomBytes } from 'node:crypto';
import type { ServerCert } from './tls.js';
import { formOf, startHttpsJson, type Answer } from './https-json.js';

export type XiaomiBehaviour =
  | { kind: 'code'; code: number; reason: string; description?: string }
  | { kind: 'badRegid' }
  | { kind: 'http'; status: number; text?: string }
  | { kind: 'hang' };

export interface XiaomiRequest {
  authorization?: string;
  form: Record<string, string>;
}

export interface XiaomiEmulator {
  readonly url: string;
  readonly requests: XiaomiRequest[];
  program(regId: string, behaviour: XiaomiBehaviour): void;
  reset(): void;
  close(): Promise<void>;
}

/** apps: AppSecret -> package name and the channel IDs created in the console. */
export async function startXiaomiEmulator(options: {
  tls: ServerCert;
  apps: Record<string, { packageName: string; channels: string[] }>;
}): Promise<XiaomiEmulator> {
  const programs = new Map<string, XiaomiBehaviour>();
  const requests: XiaomiRequest[] = [];
  let acked = 0;
  const fail = (code: number, reason: string, description = reason): Answer => ({
    status: 200,
    json: { result: 'error', code, reason, description, trace_id: `Xcm${randomBytes(6).toString('hex')}` },
  });

  const server = await startHttpsJson(options.tls, (req) => {
    if (req.method === 'GET' && req.path === '/') return { status: 200, text: 'ok' };
    if (req.method !== 'POST' || req.path !== '/v3/message/regid') return { status: 404, text: 'Not Found' };
    const form = formOf(req.body);
    requests.push({ authorization: req.headers.authorization, form });
    const secret = /^key=(.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const app = secret ? options.apps[secret] : undefined;
    if (!app) return fail(21301, 'Authentication failed', '认证失败');
    if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return fail(10016, 'missing required parameter');
    if (form.restricted_package_name !== app.packageName) return fail(22022, 'package name illegal');
    const title = form.title ?? '';
    const description = form.description ?? '';
    if (
      !form.registration_id ||
      title.trim() === '' ||
      description.trim() === '' ||
      title.length >= 50 ||
      description.length >= 128 ||
      form.pass_through !== '0'
    ) {
      return fail(10017, 'illegal parameter value');
    }
    const channel = form['extra.channel_id'];
    if (channel !== undefined && !app.channels.includes(channel)) return fail(27001, 'channel related information mismatch', '通道相关信息不匹配');
    const b = programs.get(form.registration_id);
    if (b?.kind === 'hang') return 'hang';
    if (b?.kind === 'http') return { status: b.status, text: b.text ?? '' };
    if (b?.kind === 'code') return fail(b.code, b.reason, b.description);
    acked++;
    const data: Record<string, unknown> = { id: `slm${randomBytes(8).toString('hex')}`, day_acked: String(acked), day_quota: '1000' };
    if (b?.kind === 'badRegid') data.bad_regids = form.registration_id;
    return {
      status: 200,
      json: { result: 'ok', code: 0, trace_id: `Xcm${randomBytes(6).toString('hex')}`, data, description: '成功', info: 'Received push messages for 1 REGID' },
    };
  });

  return {
    url: server.url,
    requests,
    program: (regId, b) => void programs.set(regId, b),
    reset() {
      programs.clear();
      requests.length = 0;
    },
    close: () => server.close(),
  };
}

/** A random regId shaped like Xiaomi's (base64, about 108 characters, the usual prefix). */
export function xiaomiToken(): string {
  return `d//igwEhgBGCI2TG6lWql${randomBytes(66).toString('base64')}`.slice(0, 108);
}
