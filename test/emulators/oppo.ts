// A loopback OPPO push server: POST /server/v1/auth (form app_key, timestamp, sign = SHA-256 hex of
// app_key + timestamp + master_secret) issuing auth_tokens, and POST /server/v1/message/notification/unicast
// (form auth_token, message = JSON) answering OPPO's codes in an HTTP 200 body, as OPPO does.
import { createHash, randomBytes } from 'node:crypto';
import type { ServerCert } from './tls.js';
import { startVendorServer, type TokenVendorServer, tokenVendorServer } from './vendor-http.js';

export const OPPO_AUTH = '/server/v1/auth';
export const OPPO_UNICAST = '/server/v1/message/notification/unicast';

/** Registration IDs OPPO does not know (answer 10000); expireTokens makes issued auth_tokens answer code 11. */
export type OppoEmulator = TokenVendorServer;

const fail = (code: number, message: string) => ({ body: { code, message } });

export async function startOppoEmulator(apps: Record<string, string>, tls?: ServerCert): Promise<OppoEmulator> {
  const valid = new Set<string>();
  const issued: string[] = [];
  const unknownTokens = new Set<string>();
  const server = await startVendorServer(
    {
      [OPPO_AUTH]: (req) => {
        const f = req.form ?? {};
        if (!f.app_key) return fail(15, 'Missing AppKey');
        const secret = apps[f.app_key];
        if (secret === undefined) return fail(14, 'Invalid AppKey');
        if (!f.sign) return fail(17, 'Missing Signature');
        if (!f.timestamp) return fail(18, 'Missing Timestamp');
        if (!/^\d{13}$/.test(f.timestamp) || Math.abs(Number(f.timestamp) - Date.now()) > 600_000) return fail(19, 'Invalid Timestamp');
        const expected = createHash('sha256').update(`${f.app_key}${f.timestamp}${secret}`).digest('hex');
        if (f.sign !== expected) return fail(16, 'Invalid Signature');
        const token = `oppo-auth-${randomBytes(12).toString('hex')}`;
        valid.add(token);
        issued.push(token);
        return { body: { code: 0, message: 'Success', data: { auth_token: token, create_time: Date.now() } } };
      },
      [OPPO_UNICAST]: (req) => {
        if (!req.contentType.startsWith('application/x-www-form-urlencoded')) return fail(41, 'Invalid Arguments: form expected');
        const f = req.form ?? {};
        if (!f.auth_token) return fail(29, 'Missing auth token');
        if (!valid.has(f.auth_token)) return fail(11, 'Invalid AuthToken');
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(f.message ?? '') as Record<string, unknown>;
        } catch {
          return fail(41, 'Invalid Arguments: message');
        }
        const n = (message.notification ?? {}) as Record<string, unknown>;
        if (message.target_type !== 2 || typeof message.target_value !== 'string') return fail(40, 'Missing Arguments: target');
        if (typeof n.title !== 'string' || !n.title || typeof n.content !== 'string' || !n.content) return fail(40, 'Missing Arguments: title/content');
        if (n.title.length > 50 || n.content.length > 200) return fail(41, 'Invalid Arguments: title/content too long');
        const regId = message.target_value;
        if (unknownTokens.has(regId) || !/^(?:[A-Za-z]{2,5}_)?(?:[A-Za-z]{2}_)?[0-9a-f]{32}$/i.test(regId)) return fail(10000, 'Invalid RegistrationId');
        return { body: { code: 0, message: 'Success', data: { messageId: `0${randomBytes(8).toString('hex')}`, status: 'call_success' } } };
      },
    },
    tls,
  );
  return tokenVendorServer(server, { auth: OPPO_AUTH, send: OPPO_UNICAST }, { issued, unknownTokens, valid });
}

export function oppoToken(prefix = ''): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}
