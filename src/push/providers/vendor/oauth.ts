// The OAuth 2.0 client-credentials request Huawei and Honor use: a form POST of grant_type, client_id and
// client_secret, answered with access_token + expires_in, or refused with `error` / `error_description` (Huawei
// adds a numeric `sub_error`). The secret goes in the body only and never comes back in a failure.
import type { PushResult } from '../../types.js';
import type { LiveCheck, ReasonEntry, TestContext } from '../types.js';
import { expiresAt, type TokenOutcome } from './access-token.js';
import { oneLine, vendorFailureResult, type VendorLoaded } from './result.js';
import type { VendorHttp } from './http.js';

export type OAuthFailure =
  /** The vendor answered and refused: its own code (`error`, with `sub_error` when sent) and words. */
  | { kind: 'refused'; status: number; error: string; subError?: string; description: string }
  /** 429, or a 5xx: the token endpoint is busy or down, the credential was not judged. */
  | { kind: 'unavailable'; status: number; description: string }
  | { kind: 'timeout'; ms: number }
  | { kind: 'network'; code: string };

export async function clientCredentials(
  http: VendorHttp,
  url: string,
  clientId: string,
  clientSecret: string,
  now: () => number,
): Promise<TokenOutcome<OAuthFailure>> {
  const r = await http.request(url, { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
  if (r.kind === 'timeout') return { ok: false, failure: { kind: 'timeout', ms: r.ms } };
  if (r.kind === 'network') return { ok: false, failure: { kind: 'network', code: r.code } };
  const body = (r.json && typeof r.json === 'object' ? r.json : {}) as Record<string, unknown>;
  const token = body.access_token;
  if (r.status === 200 && typeof token === 'string' && token !== '') return { ok: true, token, expiresAt: expiresAt(now(), body.expires_in) };
  const words = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const description = scrubSecret(oneLine(words(body.error_description) ?? words(body.message) ?? (r.json === undefined ? r.text : '')), clientSecret);
  if (r.status === 429 || r.status >= 500) return { ok: false, failure: { kind: 'unavailable', status: r.status, description } };
  return {
    ok: false,
    failure: {
      kind: 'refused',
      status: r.status,
      error: words(body.error) ?? `HTTP ${r.status}`,
      ...(words(body.sub_error) !== undefined && { subError: words(body.sub_error) }),
      description,
    },
  };
}

/** A vendor (or a proxy) that echoes the request must not put the secret in front of anyone. */
export function scrubSecret(text: string, secret: string): string {
  return secret.length >= 4 ? text.split(secret).join('[secret]') : text;
}

/** Who is asked for the token, for the words of a failure. */
export interface OAuthVendor {
  provider: string;
  /** "Huawei", "Honor". */
  vendor: string;
  /** "providers.huawei.authUrl". */
  setting: string;
  authUrl: string;
  explain: (error: string) => ReasonEntry;
}

/** A token request that failed, as a PushResult: nothing was sent. */
export function oauthFailureResult(
  context: TestContext<{ platform: string }, VendorLoaded>,
  failure: OAuthFailure,
  v: OAuthVendor,
  secrets: string[],
): PushResult {
  const step = `${v.vendor}'s OAuth token request`;
  if (failure.kind === 'timeout' || failure.kind === 'network') {
    const reason = failure.kind === 'timeout' ? 'timeout' : failure.code;
    return vendorFailureResult(context, {
      step,
      reason,
      entry: {
        provider: v.provider,
        reason,
        verdict: 'NETWORK',
        cause:
          failure.kind === 'timeout'
            ? `The OAuth server did not answer within ${failure.ms} ms. Nothing was sent.`
            : `imops could not reach the OAuth server (${failure.code}). Nothing was sent.`,
        fix: `Check that the server can reach ${v.authUrl} (${v.setting}), and any proxy or firewall in between.`,
      },
    });
  }
  if (failure.kind === 'unavailable') {
    const reason = `HTTP ${failure.status}`;
    return vendorFailureResult(
      context,
      {
        step,
        reason,
        status: failure.status,
        message: failure.description,
        entry: {
          provider: v.provider,
          reason,
          verdict: failure.status === 429 ? 'RATE_LIMITED' : 'PROVIDER_UNAVAILABLE',
          cause:
            failure.status === 429
              ? 'The OAuth server refused more token requests for now. Nothing was sent.'
              : 'The OAuth server is unavailable. Nothing was sent.',
          fix: 'Try again in a few minutes.',
        },
      },
      secrets,
    );
  }
  const reason = failure.error;
  const message = [failure.subError !== undefined ? `sub_error ${failure.subError}` : '', failure.description].filter(Boolean).join(': ');
  return vendorFailureResult(
    context,
    { step, reason, status: failure.status, message, entry: { ...v.explain(reason), reason }, extra: 'Nothing was sent.' },
    secrets,
  );
}

/** `push certs --live` for an OAuth vendor: ask for an access token and explain a refusal. */
export async function liveOAuth(outcome: TokenOutcome<OAuthFailure>, v: OAuthVendor, clientId: string, secret: string, now: number): Promise<LiveCheck> {
  if (outcome.ok) {
    const minutes = Math.max(0, Math.round((outcome.expiresAt - now) / 60_000));
    return { summary: `${v.vendor} issued an access token for client ${clientId} (valid about ${minutes} more minutes).`, problems: [] };
  }
  const f = outcome.failure;
  if (f.kind === 'refused') {
    const e = v.explain(f.error);
    const words = scrubSecret([f.subError !== undefined ? `sub_error ${f.subError}` : '', f.description].filter(Boolean).join(': '), secret);
    return {
      summary: `${v.vendor} refused an access token for client ${clientId}.`,
      problems: [
        {
          level: 'failure',
          verdict: e.verdict,
          problem: `${v.vendor}'s OAuth server answered ${f.error}${words ? ` ("${words}")` : ''}: ${e.cause}`,
          fix: e.fix,
        },
      ],
    };
  }
  const what =
    f.kind === 'timeout' ? `did not answer within ${f.ms} ms` : f.kind === 'network' ? `could not be reached (${f.code})` : `answered HTTP ${f.status}`;
  return {
    summary: `${v.vendor}'s OAuth server ${what}: the credential was not checked.`,
    problems: [
      {
        level: 'warning',
        verdict: f.kind === 'unavailable' ? 'PROVIDER_UNAVAILABLE' : 'NETWORK',
        problem: `The OAuth server ${v.authUrl} ${what}, so the client ID and secret could not be checked.`,
        fix: `Check the network path to ${v.setting} and run \`imops push certs --live\` again.`,
      },
    ],
  };
}
