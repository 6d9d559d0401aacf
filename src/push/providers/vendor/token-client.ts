// The client shape of the vendors that sign an auth request for an access token and send with it (OPPO, vivo):
// the process-wide token cache keyed by the credentials (hashed), the vendor's result code read the same way
// for the auth and the send, and a token the vendor calls expired renewed once with the send retried once.
import { type AccessTokenCache, type TokenOutcome, tokenKey, withAccessToken } from './access-token.js';
import { VendorHttp, type VendorHttpAnswer, type VendorHttpResult, type VendorHttpSettings } from './http.js';
import { type CodeFields, codeFailure, type Failure } from './result.js';

/** What a send came to: the vendor's answer (JSON), or the failing step (the token request or the send). */
export type TokenSend = { ok: true; json: unknown; retried: boolean } | { ok: false; step: 'auth' | 'send'; failure: Failure; retried: boolean };

export abstract class SignedTokenClient<C> {
  readonly http: VendorHttp;

  constructor(
    protected readonly vendor: CodeFields,
    protected readonly settings: VendorHttpSettings & { url: string },
    private readonly tokens: AccessTokenCache,
    protected readonly now: () => number,
  ) {
    this.http = new VendorHttp(settings);
  }

  /** The credentials a token belongs to (the cache key holds only their hash). */
  protected abstract credentials(cert: C): string[];

  /** A fresh token from the vendor (not cached): `push certs --live` and the cache use it. */
  abstract fetchToken(cert: C): Promise<TokenOutcome<Failure>>;

  /** The failure the vendor's answer stands for, or undefined when its result code is success. */
  failure(answer: VendorHttpResult): Failure | undefined {
    return codeFailure(answer, this.vendor);
  }

  /** `post` with the cached token; when the vendor answers `expiredCode`, the token is renewed and `post` retried once. */
  protected async withToken(cert: C, expiredCode: string, post: (token: string) => Promise<VendorHttpResult>): Promise<TokenSend> {
    const sent = await withAccessToken(
      this.tokens,
      tokenKey(this.vendor.provider, this.settings.url, ...this.credentials(cert)),
      () => this.fetchToken(cert),
      async (token) => {
        const answer = await post(token);
        return { answer, failure: this.failure(answer) };
      },
      (r) => r.failure?.reason === expiredCode,
      this.now,
    );
    if (!sent.ok) return { ok: false, step: 'auth', failure: sent.failure, retried: sent.retried };
    const { answer, failure } = sent.result;
    if (failure) return { ok: false, step: 'send', failure, retried: sent.retried };
    return { ok: true, json: (answer as VendorHttpAnswer).json, retried: sent.retried };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
