// The OAuth 2.0 client-credentials request Huawei and Honor use: a form POST of grant_type, client_id and
// client_secret, answered with access_token + expires_in, or refused with `error` / `error_description` (Huawei
// adds a numeric `sub_error`). The secret goes in the body only and never comes back in a failure.
import type { OAuthUnanswered } from '../../../text/en/push/vendor.js';
import { say, type Text } from '../../../text/index.js';
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
  /** "Huawei", "Honor" (Words from the provider's words file). */
  vendor: Text;
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
  const step = say((t, $) => t.pushWords.vendor.oauth.step($(v.vendor)));
  if (failure.kind === 'timeout' || failure.kind === 'network') {
    const reason = failure.kind === 'timeout' ? 'timeout' : failure.code;
    return vendorFailureResult(context, {
      step,
      reason,
      entry: {
        provider: v.provider,
        reason,
        verdict: 'NETWORK',
        cause: say((t) => (failure.kind === 'timeout' ? t.pushWords.vendor.oauth.timedOut(failure.ms) : t.pushWords.vendor.oauth.unreachable(failure.code))),
        fix: say((t) => t.pushWords.vendor.oauth.reachFix(v.authUrl, v.setting)),
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
          cause: say((t) => (failure.status === 429 ? t.pushWords.vendor.oauth.throttled : t.pushWords.vendor.oauth.unavailable)),
          fix: say((t) => t.pushWords.vendor.oauth.tryLater),
        },
      },
      secrets,
    );
  }
  const reason = failure.error;
  const message = [failure.subError !== undefined ? `sub_error ${failure.subError}` : '', failure.description].filter(Boolean).join(': ');
  return vendorFailureResult(
    context,
    { step, reason, status: failure.status, message, entry: { ...v.explain(reason), reason }, extra: say((t) => t.pushWords.vendor.oauth.nothingSent) },
    secrets,
  );
}

/** `push certs --live` for an OAuth vendor: ask for an access token and explain a refusal. */
export async function liveOAuth(outcome: TokenOutcome<OAuthFailure>, v: OAuthVendor, clientId: string, secret: string, now: number): Promise<LiveCheck> {
  if (outcome.ok) {
    const minutes = Math.max(0, Math.round((outcome.expiresAt - now) / 60_000));
    return { summary: say((t, $) => t.pushWords.vendor.oauth.issued($(v.vendor), clientId, minutes)), problems: [] };
  }
  const f = outcome.failure;
  if (f.kind === 'refused') {
    const e = v.explain(f.error);
    const words = scrubSecret([f.subError !== undefined ? `sub_error ${f.subError}` : '', f.description].filter(Boolean).join(': '), secret);
    return {
      summary: say((t, $) => t.pushWords.vendor.oauth.refused($(v.vendor), clientId)),
      problems: [
        {
          level: 'failure',
          verdict: e.verdict,
          problem: say((t, $) => t.pushWords.vendor.oauth.answered($(v.vendor), f.error, words || undefined, $(e.cause))),
          fix: e.fix,
        },
      ],
    };
  }
  const what: OAuthUnanswered =
    f.kind === 'timeout' ? { kind: 'timeout', ms: f.ms } : f.kind === 'network' ? { kind: 'network', code: f.code } : { kind: 'unavailable', status: f.status };
  return {
    summary: say((t, $) => t.pushWords.vendor.oauth.notChecked($(v.vendor), what)),
    problems: [
      {
        level: 'warning',
        verdict: f.kind === 'unavailable' ? 'PROVIDER_UNAVAILABLE' : 'NETWORK',
        problem: say((t) => t.pushWords.vendor.oauth.notCheckedProblem(v.authUrl, what)),
        fix: say((t) => t.pushWords.vendor.oauth.notCheckedFix(v.setting)),
      },
    ],
  };
}

/** Who an OAuth client asks, and how its refusals are explained. */
export interface OAuthClientVendor {
  provider: string;
  /** "Huawei", "Honor" (Words). */
  vendor: Text;
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
