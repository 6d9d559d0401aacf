// The OAuth 2.0 client-credentials request Huawei and Honor use: a form POST of grant_type, client_id and
// client_secret, answered with access_token + expires_in, or refused with `error` / `error_description` (Huawei
// adds a numeric `sub_error`). The secret goes in the body only and never comes back in a failure.
import type { PushResult } from '../../types.js';
import type { LiveCheck, ReasonEntry, TestContext } from '../types.js';
import { AccessTokenCache, expiresAt, type TokenOutcome, tokenKey, type WithToken, withAccessToken } from './access-token.js';
import { oneLine, vendorFailureResult, type VendorLoaded } from './result.js';
import { joinUrl, VendorHttp, type VendorHttpSettings } from './http.js';

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

/** Who an OAuth client asks, and how its refusals are explained. */
export interface OAuthClientVendor {
  provider: string;
  vendor: string;
  /** The token endpoint's path on `authUrl`. */
  tokenPath: string;
  explain: (error: string) => ReasonEntry;
}

/**
 * The client of a vendor that trades a client ID and secret for an access token (Huawei, Honor): one HTTP client
 * for the provider block, and its own token cache keyed by the credential (hashed).
 */
export class OAuthClient<C extends { clientId: string; clientSecret: string }> {
  readonly http: VendorHttp;
  /** A refusal is remembered 30 s, so a sweep over many devices does not ask again for every device. */
  readonly tokens = new AccessTokenCache({ failureTtlMs: 30_000 });

  constructor(
    readonly settings: VendorHttpSettings & { url: string; authUrl: string },
    private readonly oauth: OAuthClientVendor,
    protected readonly now: () => number = Date.now,
  ) {
    this.http = new VendorHttp(settings);
  }

  private key(cert: C): string {
    return tokenKey(this.oauth.provider, this.settings.authUrl, cert.clientId, cert.clientSecret);
  }

  private fetchToken(cert: C): Promise<TokenOutcome<OAuthFailure>> {
    return clientCredentials(this.http, joinUrl(this.settings.authUrl, this.oauth.tokenPath), cert.clientId, cert.clientSecret, this.now);
  }

  accessToken(cert: C): Promise<TokenOutcome<OAuthFailure>> {
    return this.tokens.get(this.key(cert), () => this.fetchToken(cert), this.now);
  }

  /** `use` with the access token; when `expired(result)`, the token is dropped and `use` run once more. */
  withToken<R>(cert: C, use: (token: string) => Promise<R>, expired: (result: R) => boolean): Promise<WithToken<OAuthFailure, R>> {
    return withAccessToken(this.tokens, this.key(cert), () => this.fetchToken(cert), use, expired, this.now);
  }

  vendor(): OAuthVendor {
    const { provider, vendor, explain } = this.oauth;
    return { provider, vendor, setting: `providers.${provider}.authUrl`, authUrl: this.settings.authUrl, explain };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
