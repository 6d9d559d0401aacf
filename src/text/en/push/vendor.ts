// The words every Android vendor shares (src/push/providers/vendor/): transport failures, OAuth, results.

/** Answers without a vendor code (vendor/result.ts TRANSPORT): each row's cause and fix. */
export type TransportReason = 'TIMEOUT' | 'NETWORK_ERROR' | 'HTTP_429' | 'HTTP_5XX' | 'HTTP_ERROR' | 'NOT_JSON';

export interface TransportWords {
  /** `name`: who was asked ("OPPO push"). */
  cause: (name: string) => string;
  /** `host`: its default server; `setting`: the config key that moves it ("providers.oppo.url"). */
  fix: (name: string, host: string, setting: string) => string;
}

/** Why an OAuth server could not judge the credential (`push certs --live`). */
export type OAuthUnanswered = { kind: 'timeout'; ms: number } | { kind: 'network'; code: string } | { kind: 'unavailable'; status: number };

/** "did not answer within 300 ms", "could not be reached (ECONNREFUSED)", "answered HTTP 503". */
function unanswered(w: OAuthUnanswered): string {
  if (w.kind === 'timeout') return `did not answer within ${w.ms} ms`;
  if (w.kind === 'network') return `could not be reached (${w.code})`;
  return `answered HTTP ${w.status}`;
}

/** `("the vendor's words")` after a code, or nothing. */
const said = (message: string | undefined) => (message ? ` ("${message}")` : '');

/** The rows every vendor table has for answers without a vendor code. */
const transport: Record<TransportReason, TransportWords> = {
  TIMEOUT: {
    cause: (name) => `${name} did not answer in time.`,
    fix: (_name, host, setting) => `Try again; if it repeats, check the network path from this server to ${host} (or ${setting}) and raise its timeoutMs.`,
  },
  NETWORK_ERROR: {
    cause: (name) => `imops could not reach ${name} (connection refused, DNS or TLS failure).`,
    fix: (_name, host, setting) =>
      `Check that this server can reach ${host} (or ${setting}), any proxy or firewall in between, and caFile when a proxy re-signs TLS.`,
  },
  HTTP_429: {
    cause: (name) => `${name} (or a gateway in front of it) answered HTTP 429: too many requests.`,
    fix: () => 'Wait a minute before testing again; do not retry in a loop (vendor counters count requests).',
  },
  HTTP_5XX: {
    cause: (name) => `${name} answered with a server error (HTTP 5xx).`,
    fix: (name) => `Try again in a few minutes; if it lasts, check the ${name} developer console for service notices.`,
  },
  HTTP_ERROR: {
    cause: (name) => `${name} answered with an HTTP error and no ${name} result code (often a proxy's page or a wrong path).`,
    fix: (name, host, setting) => `Check ${setting}: it must be the origin only (imops adds ${name}'s paths), such as https://${host}.`,
  },
  NOT_JSON: {
    cause: (name) => `${name} answered, but not with its JSON result, so imops cannot tell whether the push was accepted.`,
    fix: (name, _host, setting) => `Check ${setting} points at ${name} (or a proxy that passes its answers through unchanged), and try again.`,
  },
};

export const vendor = {
  /** Sentences one after another (empty ones left out): in English, one space between them. */
  sentences: (parts: readonly string[]): string => parts.filter(Boolean).join(' '),

  /** Steps the shared helpers name themselves (a signed-token client's failing step). */
  steps: { auth: 'auth', send: 'send' },

  /** A vendor step that failed with the vendor's code: "Huawei Push Kit send failed with 80300007 ("…"): <cause>". */
  failedWith: (step: string, reason: string, message: string | undefined, cause: string) => `${step} failed with ${reason}${said(message)}: ${cause}`,
  /** The same, naming the vendor and its step apart: "OPPO push send failed with code 11 ("…"): <cause>". */
  failedWithCode: (name: string, step: string, code: string, message: string | undefined, cause: string) =>
    `${name} ${step} failed with code ${code}${said(message)}: ${cause}`,
  /** Added to a cause that blames the token, with the token's own problems (sentences). */
  tokenLooksWrong: (problems: string) => `The token itself looks wrong: ${problems}`,
  /** The certificate's standing warnings (a missing message classification), added to every result. */
  warning: (notes: string) => `Warning: ${notes}`,

  /** The fix of every accepted vendor push. */
  nothingShows:
    'Nothing to fix on the push side. If nothing shows on the phone: the vendor accepted the message but delivers it asynchronously; check that notifications are allowed for the app on the phone, that the phone is online with the vendor push service, and that the user is logged in (after logout IM sends no offline push).',

  /** A code the vendor sent that imops has no row for ("Huawei", "Huawei's OAuth server"). */
  unknownAnswer: (vendor: string, reason: string) => `${vendor} answered with ${reason}, a code imops does not know.`,
  /** A refusal code imops does not know, with the vendor's words; `docs`: where the vendor lists its codes. */
  unknownCode: {
    cause: (name: string, code: string, message: string | undefined) =>
      `${name} refused the push with code ${code}${said(message)}, a code imops does not know.`,
    fix: (name: string, code: string, docs: string) =>
      `Look up code ${code} in ${docs}; if it is not clear, ask ${name} developer support with the code and the time of the test, and report it to the imops maintainers so it can be explained here.`,
  },

  /** The rows every vendor table has for answers without a vendor code. */
  transport,

  /** A push request that got no answer; `who`: the vendor as the sender names it. */
  unanswered: {
    timedOut: (who: string, ms: number) => `${who} did not answer within ${ms} ms.`,
    unreachable: (who: string, code: string) => `imops could not reach ${who} (${code}).`,
    fix: (url: string, setting: string) => `Check that the server can reach ${url} (${setting}), and any proxy or firewall in between; then try again.`,
  },

  /** `push certs --live` for a vendor with a signed auth request (OPPO, vivo). */
  liveToken: {
    /** `what`: "an auth_token (AppKey and MasterSecret accepted)". */
    issued: (name: string, what: string) => `${name} issued ${what}`,
    refused: (name: string) => `${name} refused the auth request`,
    answered: (name: string, reason: string, message: string | undefined, cause: string) => `${name} auth answered ${reason}${said(message)}: ${cause}`,
  },

  /** The OAuth client-credentials request of Huawei and Honor; `vendor`: "Huawei". */
  oauth: {
    step: (vendor: string) => `${vendor}'s OAuth token request`,
    server: (vendor: string) => `${vendor}'s OAuth server`,
    timedOut: (ms: number) => `The OAuth server did not answer within ${ms} ms. Nothing was sent.`,
    unreachable: (code: string) => `imops could not reach the OAuth server (${code}). Nothing was sent.`,
    reachFix: (authUrl: string, setting: string) => `Check that the server can reach ${authUrl} (${setting}), and any proxy or firewall in between.`,
    throttled: 'The OAuth server refused more token requests for now. Nothing was sent.',
    unavailable: 'The OAuth server is unavailable. Nothing was sent.',
    tryLater: 'Try again in a few minutes.',
    nothingSent: 'Nothing was sent.',
    issued: (vendor: string, clientId: string, minutes: number) =>
      `${vendor} issued an access token for client ${clientId} (valid about ${minutes} more minutes).`,
    refused: (vendor: string, clientId: string) => `${vendor} refused an access token for client ${clientId}.`,
    answered: (vendor: string, error: string, message: string | undefined, cause: string) =>
      `${vendor}'s OAuth server answered ${error}${said(message)}: ${cause}`,
    notChecked: (vendor: string, w: OAuthUnanswered) => `${vendor}'s OAuth server ${unanswered(w)}: the credential was not checked.`,
    notCheckedProblem: (authUrl: string, w: OAuthUnanswered) =>
      `The OAuth server ${authUrl} ${unanswered(w)}, so the client ID and secret could not be checked.`,
    notCheckedFix: (setting: string) => `Check the network path to ${setting} and run \`imops push certs --live\` again.`,
  },

  /** What the config alone shows about a secret; `field`: its key (clientSecret, appSecret…). */
  secret: {
    placeholder: (field: string) => `${field} is an unexpanded \${…} placeholder: the environment variable it names is not set.`,
    padded: (field: string) => `${field} has spaces or line breaks around it, so the vendor will refuse it.`,
    spaces: (field: string) => `${field} contains spaces, so it was pasted wrong.`,
  },
};
