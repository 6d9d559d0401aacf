// A loopback Huawei Push Kit: the OAuth token endpoint (POST /oauth2/v3/token, client credentials) and the v1 send
// API (POST /v1/{appId}/messages:send) on one HTTPS port. It checks what a correct client sends (form grant,
// Bearer token it issued for the same app, the message structure, a test message with click_action) and answers
// with Push Kit's own codes; per-token programs give every other answer.
import { randomBytes } from 'node:crypto';
import { oauthVendorState } from './oauth-vendor.js';
import type { ServerCert } from './tls.js';
import { formOf, jsonOf, startHttpsJson, type Answer } from './https-json.js';
import { waitForCount } from './wait.js';

export type HuaweiBehaviour =
  | { kind: 'code'; code: string; msg?: string; status?: number }
  /** 80100000 with this token in illegal_tokens. */
  | { kind: 'illegal' }
  | { kind: 'http'; status: number; text?: string; retryAfter?: number }
  | { kind: 'hang' };

export type HuaweiOAuthBehaviour = { kind: 'accept' } | { kind: 'error'; status: number; json: unknown } | { kind: 'http'; status: number } | { kind: 'hang' };

export interface HuaweiSendRequest {
  appId: string;
  authorization?: string;
  validateOnly: unknown;
  token?: string;
  body: Record<string, unknown> | undefined;
}

export interface HuaweiEmulator {
  readonly url: string;
  readonly tokenRequests: { grantType?: string; clientId?: string; contentType?: string }[];
  readonly requests: HuaweiSendRequest[];
  /** A device token's answer; `dryRun: false` leaves validate_only requests accepted. */
  program(token: string, behaviour: HuaweiBehaviour, options?: { dryRun?: boolean }): void;
  programOAuth(behaviour: HuaweiOAuthBehaviour): void;
  /** Every access token issued so far now answers 80200003. */
  expireTokens(): void;
  reset(): void;
  waitForRequests(count: number): Promise<HuaweiSendRequest[]>;
  close(): Promise<void>;
}

/** clients: OAuth client ID -> its secret and the App ID it belongs to. */
export async function startHuaweiEmulator(options: {
  tls: ServerCert;
  clients: Record<string, { secret: string; appId: string }>;
  expiresIn?: number;
}): Promise<HuaweiEmulator> {
  const state = oauthVendorState<
    HuaweiOAuthBehaviour,
    { behaviour: HuaweiBehaviour; dryRun: boolean },
    HuaweiEmulator['tokenRequests'][number],
    HuaweiSendRequest
  >();
  const { issued, programs, tokenRequests, requests } = state;
  const error = (status: number, code: string, msg: string): Answer => ({ status, json: { code, msg, requestId: randomBytes(8).toString('hex') } });

  const server = await startHttpsJson(options.tls, (req) => {
    if (req.method === 'POST' && req.path === '/oauth2/v3/token') {
      const form = formOf(req.body);
      tokenRequests.push({ grantType: form.grant_type, clientId: form.client_id, contentType: req.headers['content-type'] });
      if (state.oauth.kind === 'hang') return 'hang';
      if (state.oauth.kind === 'http') return { status: state.oauth.status, text: 'upstream error' };
      if (state.oauth.kind === 'error') return { status: state.oauth.status, json: state.oauth.json };
      const client = form.client_id ? options.clients[form.client_id] : undefined;
      if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') || form.grant_type !== 'client_credentials') {
        return { status: 400, json: { error: 1101, sub_error: 20001, error_description: 'invalid request' } };
      }
      if (!client || client.secret !== form.client_secret)
        return { status: 400, json: { error: 1101, sub_error: 20203, error_description: 'invalid client secret' } };
      const token = `CV${randomBytes(24).toString('base64')}`;
      issued.set(token, { appId: client.appId, expired: false });
      return { status: 200, json: { access_token: token, expires_in: options.expiresIn ?? 3600, token_type: 'Bearer' } };
    }
    const m = /^\/v1\/([^/]+)\/messages:send$/.exec(req.path);
    if (req.method !== 'POST' || !m) return { status: 404, text: 'Not Found' };
    const appId = decodeURIComponent(m[1]!);
    const body = jsonOf(req.body);
    const message = body?.message as Record<string, unknown> | undefined;
    const tokens = Array.isArray(message?.token) ? (message.token as unknown[]) : undefined;
    const token = typeof tokens?.[0] === 'string' ? (tokens[0] as string) : undefined;
    const record: HuaweiSendRequest = { appId, authorization: req.headers.authorization, validateOnly: body?.validate_only, token, body };
    requests.push(record);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const access = bearer ? issued.get(bearer) : undefined;
    if (!access || access.appId !== appId) return error(401, '80200001', 'Oauth authentication error');
    if (access.expired) return error(401, '80200003', 'Oauth token expired');
    if (!body || !message || typeof message.android !== 'object') return error(400, '80100003', 'Incorrect message structure');
    if (!tokens || tokens.length === 0 || tokens.length > 1000)
      return error(400, '80300010', 'The number of tokens in the message body exceeds the default value');
    const android = message.android as Record<string, unknown>;
    const n = android.notification as Record<string, unknown> | undefined;
    const click = n?.click_action as Record<string, unknown> | undefined;
    if (
      !n ||
      typeof n.title !== 'string' ||
      typeof n.body !== 'string' ||
      ![1, 2, 3].includes(click?.type as number) ||
      typeof body.validate_only !== 'boolean'
    ) {
      return error(400, '80100001', 'Some parameters are incorrect');
    }
    if (android.target_user_type !== 1) return error(400, '80100001', 'emulator: a test push must set target_user_type 1');
    const program = token ? programs.get(token) : undefined;
    if (program && (program.dryRun || body.validate_only === false)) {
      const b = program.behaviour;
      if (b.kind === 'hang') return 'hang';
      if (b.kind === 'http') return { status: b.status, text: b.text ?? '', ...(b.retryAfter && { headers: { 'retry-after': String(b.retryAfter) } }) };
      if (b.kind === 'illegal')
        return { status: 200, json: { code: '80100000', msg: JSON.stringify({ success: 0, failure: 1, illegal_tokens: [token] }), requestId: 'r1' } };
      return error(b.status ?? 400, b.code, b.msg ?? 'programmed');
    }
    if (!token || !/^(?:[A-Za-z0-9_-]{100,200}|\d{32})$/.test(token)) return error(400, '80300007', 'All the tokens are invalid');
    return { status: 200, json: { code: '80000000', msg: 'Success', requestId: randomBytes(8).toString('hex') } };
  });

  return {
    url: server.url,
    ...state.controls,
    program(token, behaviour, opts = {}) {
      programs.set(token, { behaviour, dryRun: opts.dryRun ?? true });
    },
    waitForRequests: (count) => waitForCount(server.events, 'request', requests, count),
    close: () => server.close(),
  };
}

/** A random token shaped like a Huawei Push Kit token (about 130 characters of [A-Za-z0-9_-]). */
export function huaweiToken(): string {
  // One in fifty random tokens has neither "-" nor "_", and is then also a well-formed Xiaomi regId (base64):
  // tests that tell the providers apart by a token's text need one that can only be Huawei's.
  for (;;) {
    const token = `IQAAAAC${randomBytes(92).toString('base64url')}`.slice(0, 130);
    if (/[-_]/.test(token)) return token;
  }
}
