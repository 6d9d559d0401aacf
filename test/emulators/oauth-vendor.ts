// What the loopback OAuth vendors (Huawei, Honor) keep between requests: the access tokens they issued (and
// whether the test expired them), the per-token programs, the token endpoint's programmed behaviour, and the
// requests seen; plus the controls every such emulator offers the tests.

export interface OAuthVendorState<O extends { kind: string }, P, T, R> {
  issued: Map<string, { appId: string; expired: boolean }>;
  programs: Map<string, P>;
  /** The token endpoint's behaviour (`{ kind: 'accept' }` after a reset). */
  oauth: O | { kind: 'accept' };
  tokenRequests: T[];
  requests: R[];
  /** The test controls: programOAuth, expireTokens (every issued token refused from now on), reset. */
  controls: { tokenRequests: T[]; requests: R[]; programOAuth(b: O | { kind: 'accept' }): void; expireTokens(): void; reset(): void };
}

export function oauthVendorState<O extends { kind: string }, P, T, R>(): OAuthVendorState<O, P, T, R> {
  const state: OAuthVendorState<O, P, T, R> = {
    issued: new Map(),
    programs: new Map(),
    oauth: { kind: 'accept' },
    tokenRequests: [],
    requests: [],
    controls: {
      tokenRequests: [],
      requests: [],
      programOAuth: (b) => {
        state.oauth = b;
      },
      expireTokens: () => {
        for (const t of state.issued.values()) t.expired = true;
      },
      reset: () => {
        state.programs.clear();
        state.oauth = { kind: 'accept' };
        state.tokenRequests.length = 0;
        state.requests.length = 0;
      },
    },
  };
  state.controls.tokenRequests = state.tokenRequests;
  state.controls.requests = state.requests;
  return state;
}
