// A loopback Honor Push: the Keycloak token endpoint (POST /auth/realms/developer/protocol/openid-connect/token)
// and POST /api/v1/{appId}/sendMessage on one HTTPS port. It checks the Bearer token it issued, the `timestamp`
// header (epoch ms, near now) and the camelCase body of a test message; answers use Honor's envelope
// (`code` 200, `data.sendResult`, `failTokens`, `expireTokens`).
import { randomBytes } from 'node:crypto';
import { oauthVendorState } from './oauth-vendor.js';
import type { ServerCert } from './tls.js';
import { formOf, jsonOf, startHttpsJson, type Answer } from './https-json.js';

export type HonorBehaviour =
  | { kind: 'expireToken' }
  | { kind: 'failToken' }
  | { kind: 'code'; code: number; message: string; status?: number }
  | { kind: 'http'; status: number; text?: string }
  | { kind: 'hang' };

export type HonorOAuthBehaviour = { kind: 'accept' } | { kind: 'error'; status: number; json: unknown } | { kind: 'hang' };

export interface HonorSendRequest {
  appId: string;
  authorization?: string;
  timestamp?: string;
  body: Record<string, unknown> | undefined;
}

export interface HonorEmulator {
  readonly url: string;
  readonly tokenRequests: { grantType?: string; clientId?: string }[];
  readonly requests: HonorSendRequest[];
  program(token: string, behaviour: HonorBehaviour): void;
  programOAuth(behaviour: HonorOAuthBehaviour): void;
  /** Every access token issued so far is now refused with 401. */
  expireTokens(): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startHonorEmulator(options: { tls: ServerCert; clients: Record<string, { secret: string; appId: string }> }): Promise<HonorEmulator> {
  const state = oauthVendorState<HonorOAuthBehaviour, HonorBehaviour, HonorEmulator['tokenRequests'][number], HonorSendRequest>();
  const { issued, programs, tokenRequests, requests } = state;
  const envelope = (status: number, code: number, message: string, data?: unknown): Answer => ({
    status,
    json: { code, message, ...(data !== undefined && { data }) },
  });

  const server = await startHttpsJson(options.tls, (req) => {
    if (req.method === 'POST' && req.path === '/auth/realms/developer/protocol/openid-connect/token') {
      const form = formOf(req.body);
      tokenRequests.push({ grantType: form.grant_type, clientId: form.client_id });
      if (state.oauth.kind === 'hang') return 'hang';
      if (state.oauth.kind === 'error') return { status: state.oauth.status, json: state.oauth.json };
      if (form.grant_type !== 'client_credentials')
        return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type' } };
      const client = form.client_id ? options.clients[form.client_id] : undefined;
      if (!client || client.secret !== form.client_secret)
        return { status: 401, json: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' } };
      const token = `eyJ${randomBytes(32).toString('base64url')}`;
      issued.set(token, { appId: client.appId, expired: false });
      return { status: 200, json: { access_token: token, expires_in: 3600, token_type: 'Bearer' } };
    }
    const m = /^\/api\/v1\/([^/]+)\/sendMessage$/.exec(req.path);
    if (req.method !== 'POST' || !m) return { status: 404, text: 'Not Found' };
    const appId = decodeURIComponent(m[1]!);
    const body = jsonOf(req.body);
    const timestamp = typeof req.headers.timestamp === 'string' ? req.headers.timestamp : undefined;
    requests.push({ appId, authorization: req.headers.authorization, timestamp, body });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const access = bearer ? issued.get(bearer) : undefined;
    if (!access || access.appId !== appId || access.expired) return envelope(401, 401, 'access token invalid or expired');
    if (!timestamp || !/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > 600_000)
      return envelope(400, 400, 'emulator: timestamp header (epoch ms) missing or off');
    const android = body?.android as Record<string, unknown> | undefined;
    const n = android?.notification as Record<string, unknown> | undefined;
    const click = n?.clickAction as Record<string, unknown> | undefined;
    const tokens = Array.isArray(body?.token) ? (body.token as unknown[]) : [];
    if (!android || !n || typeof n.title !== 'string' || typeof n.body !== 'string' || ![1, 2, 3].includes(click?.type as number) || tokens.length !== 1) {
      return envelope(400, 400, 'emulator: bad message (android.notification title/body/clickAction.type, one token)');
    }
    if (android.targetUserType !== 1 || 'target_user_type' in android) return envelope(400, 400, 'emulator: a test push must set targetUserType 1 (camelCase)');
    const token = String(tokens[0]);
    const b = programs.get(token);
    const requestId = randomBytes(8).toString('hex');
    if (b?.kind === 'hang') return 'hang';
    if (b?.kind === 'http') return { status: b.status, text: b.text ?? '' };
    if (b?.kind === 'code') return envelope(b.status ?? 200, b.code, b.message);
    if (b?.kind === 'expireToken') return envelope(200, 200, 'success', { sendResult: false, requestId, failTokens: [], expireTokens: [token] });
    if (b?.kind === 'failToken') return envelope(200, 200, 'success', { sendResult: false, requestId, failTokens: [token], expireTokens: [] });
    return envelope(200, 200, 'success', { sendResult: true, requestId, failTokens: [], expireTokens: [] });
  });

  return {
    url: server.url,
    ...state.controls,
    program: (token, b) => void programs.set(token, b),
    close: () => server.close(),
  };
}

/** A random token for a Honor device (no public sample exists; any opaque text will do). */
export function honorToken(): string {
  return `0${randomBytes(48).toString('base64url')}`;
}
