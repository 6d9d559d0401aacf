// Turning a vendor's answer into a PushResult the same way for every Android vendor: the vendor's own code in
// provider.reason (as text) and its words in provider.message (one line, no device token, no secret), the
// catalogue's cause and fix, and the certificate's standing warnings (a missing message classification). Also
// the shared failure rows every vendor table carries (timeout, network, HTTP 429 / 5xx, a non-JSON answer), the
// entry for a code imops does not know (shown verbatim, never success), and the transport failure of a sender.
import type { Device, PushResult } from '../../types.js';
import type { PushVerdict } from '../../verdicts.js';
import { pushResult, scrub, stripSecrets } from '../result.js';
import type { LiveCheck, ReasonEntry, TestContext } from '../types.js';
import type { TokenOutcome } from './access-token.js';
import type { VendorHttpResult } from './http.js';
import { field } from './json.js';

/** What every vendor's inspection hands its sender: the warnings every test result repeats. */
export interface VendorLoaded {
  /** Sentences such as the marketing-quota warning when the classification field is missing. */
  notes: string[];
}

export interface VendorFailure {
  /** The vendor's own code as text ("80300007", "10034", "invalid_client", "HTTP 503"). */
  reason: string;
  /** Its words, verbatim (cleaned of tokens and secrets by vendorResult). */
  message?: string;
  status?: number;
  /** Where the answer came from, for the cause: "Huawei Push Kit dry run (validate_only)". */
  step: string;
  entry: ReasonEntry;
  /** Added after the catalogue's cause (day_quota figures, the token's own problems…). */
  extra?: string;
}

/** A code the vendor sent that imops has no row for: shown verbatim, never a success. */
export function unknownReason(provider: string, vendor: string, reason: string, fix: string, verdict: PushVerdict = 'PROVIDER_UNAVAILABLE'): ReasonEntry {
  return { provider, reason, verdict, cause: `${vendor} answered with ${reason}, a code imops does not know.`, fix };
}

export function cleanVendorText(text: string, token: string, secrets: readonly string[] = []): string {
  let out = stripSecrets(scrub(text, token));
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]');
  return oneLine(out);
}

export function vendorFailureResult(context: TestContext<{ platform: string }, VendorLoaded>, f: VendorFailure, secrets: readonly string[] = []): PushResult {
  const { device, loaded, tokenProblems } = context;
  const message = f.message === undefined ? undefined : cleanVendorText(f.message, device.token, secrets);
  const tokenVerdicts: PushVerdict[] = ['BAD_DEVICE_TOKEN', 'TOKEN_UNREGISTERED', 'SENDER_MISMATCH'];
  const looks = tokenProblems.length && tokenVerdicts.includes(f.entry.verdict) ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : '';
  const said = message ? ` ("${message}")` : '';
  const cause = `${f.step} failed with ${f.reason}${said}: ${f.entry.cause}${f.extra ? ` ${f.extra}` : ''}${looks}${notes(loaded)}`;
  return pushResult(device, context.certificate.platform as PushResult['platform'], f.entry.verdict, cause, f.entry.fix, {
    ...(f.status !== undefined && { status: f.status }),
    reason: f.reason,
    ...(message !== undefined && { message }),
  });
}

export function vendorDelivered(
  context: TestContext<{ platform: string }, VendorLoaded>,
  cause: string,
  fix: string,
  status: number,
  reason: string,
  message: string | undefined,
  id?: string,
): PushResult {
  const m = message === undefined ? undefined : cleanVendorText(message, context.device.token);
  return pushResult(
    context.device,
    context.certificate.platform as PushResult['platform'],
    'DELIVERED',
    `${cause}${notes(context.loaded)}`,
    fix,
    { status, reason, ...(m !== undefined && { message: m }) },
    id,
  );
}

function notes(loaded: VendorLoaded | undefined): string {
  return loaded?.notes.length ? ` Warning: ${loaded.notes.join(' ')}` : '';
}

/** What every vendor says when nothing shows on the phone although the vendor accepted the push. */
export const VENDOR_NOTHING_SHOWS =
  'Nothing to fix on the push side. If nothing shows on the phone: the vendor accepted the message but delivers it asynchronously; check that notifications are allowed for the app on the phone, that the phone is online with the vendor push service, and that the user is logged in (after logout IM sends no offline push).';

/** A vendor's text for a message: one line, bounded, secrets taken out by the caller. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export type VendorRow = Omit<ReasonEntry, 'provider'>;

/** Reasons imops gives itself when there is no vendor code to show. */
export const TRANSPORT = {
  timeout: 'TIMEOUT',
  network: 'NETWORK_ERROR',
  rateLimited: 'HTTP_429',
  serverError: 'HTTP_5XX',
  httpError: 'HTTP_ERROR',
  notJson: 'NOT_JSON',
} as const;

/** The rows every vendor table has for answers without a vendor code. `setting` is e.g. providers.oppo.url. */
export function transportRows(name: string, host: string, setting: string): VendorRow[] {
  return [
    {
      reason: TRANSPORT.timeout,
      verdict: 'NETWORK',
      cause: `${name} did not answer in time.`,
      fix: `Try again; if it repeats, check the network path from this server to ${host} (or ${setting}) and raise its timeoutMs.`,
    },
    {
      reason: TRANSPORT.network,
      verdict: 'NETWORK',
      cause: `imops could not reach ${name} (connection refused, DNS or TLS failure).`,
      fix: `Check that this server can reach ${host} (or ${setting}), any proxy or firewall in between, and caFile when a proxy re-signs TLS.`,
    },
    {
      reason: TRANSPORT.rateLimited,
      status: 429,
      verdict: 'RATE_LIMITED',
      cause: `${name} (or a gateway in front of it) answered HTTP 429: too many requests.`,
      fix: 'Wait a minute before testing again; do not retry in a loop (vendor counters count requests).',
    },
    {
      reason: TRANSPORT.serverError,
      verdict: 'PROVIDER_UNAVAILABLE',
      cause: `${name} answered with a server error (HTTP 5xx).`,
      fix: `Try again in a few minutes; if it lasts, check the ${name} developer console for service notices.`,
    },
    {
      reason: TRANSPORT.httpError,
      verdict: 'PROVIDER_UNAVAILABLE',
      cause: `${name} answered with an HTTP error and no ${name} result code (often a proxy's page or a wrong path).`,
      fix: `Check ${setting}: it must be the origin only (imops adds ${name}'s paths), such as https://${host}.`,
    },
    {
      reason: TRANSPORT.notJson,
      verdict: 'PROVIDER_UNAVAILABLE',
      cause: `${name} answered, but not with its JSON result, so imops cannot tell whether the push was accepted.`,
      fix: `Check ${setting} points at ${name} (or a proxy that passes its answers through unchanged), and try again.`,
    },
  ];
}

/** What a failed exchange was, for the result. */
export interface Failure {
  entry: ReasonEntry;
  /** The vendor's own code as text, or one of TRANSPORT. */
  reason: string;
  /** The vendor's own words (verbatim), when it sent some. */
  message?: string;
  status?: number | string;
  /** The code is not in the vendor's table (the entry is unknownCode's). */
  unknown?: boolean;
}

/** A code imops does not know: the vendor's code and words verbatim, a generic fix, never success. */
export function unknownCode(provider: string, name: string, code: string, message: string | undefined, docs: string): ReasonEntry {
  return {
    provider,
    reason: code,
    verdict: 'PROVIDER_UNAVAILABLE',
    cause: `${name} refused the push with code ${code}${message ? ` ("${message}")` : ''}, a code imops does not know.`,
    fix: `Look up code ${code} in ${docs}; if it is not clear, ask ${name} developer support with the code and the time of the test, and report it to the imops maintainers so it can be explained here.`,
  };
}

/** The failure for an answer that carries no vendor code: timeout, network, HTTP status, non-JSON body. */
export function transportFailure(table: ReadonlyMap<string, ReasonEntry>, answer: VendorHttpResult): Failure {
  const pick = (reason: string, status?: number, message?: string): Failure => ({
    entry: table.get(reason)!,
    reason,
    ...(message !== undefined && { message }),
    ...(status !== undefined && { status }),
  });
  if (answer.kind === 'timeout') return pick(TRANSPORT.timeout, undefined, `no answer within ${answer.ms} ms`);
  if (answer.kind === 'network') return pick(TRANSPORT.network, undefined, answer.code);
  const snippet = answer.text.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
  if (answer.status === 429) return pick(TRANSPORT.rateLimited, 429, answer.retryAfter ? `Retry-After: ${answer.retryAfter}` : snippet);
  if (answer.status >= 500) return pick(TRANSPORT.serverError, answer.status, snippet);
  if (answer.status >= 300) return pick(TRANSPORT.httpError, answer.status, snippet);
  return pick(TRANSPORT.notJson, answer.status, snippet);
}

/** The PushResult for a failure; `notes` (quota warnings, token problems) are added to the cause. */
export function failureResult(
  device: Device,
  platform: PushResult['platform'],
  name: string,
  step: string,
  f: Failure,
  notes: string[],
  verdict: PushVerdict = f.entry.verdict,
): PushResult {
  const words = f.message !== undefined ? scrub(f.message, device.token) : undefined;
  const transport = (Object.values(TRANSPORT) as string[]).includes(f.reason);
  const said = !f.unknown && !transport ? `${name} ${step} failed with code ${f.reason}${words ? ` ("${words}")` : ''}: ` : '';
  const cause = `${said}${f.entry.cause}${notes.length ? ` ${notes.join(' ')}` : ''}`;
  return pushResult(device, platform, verdict, cause, f.entry.fix, {
    ...(f.status !== undefined && { status: f.status }),
    reason: f.reason,
    ...(words !== undefined && { message: words }),
  });
}

/** An app key as answers show it: enough to tell apps apart in the vendor console, not the whole key. */
export function maskKey(key: string): string {
  return key.length > 8 ? `${key.slice(0, 4)}…${key.slice(-2)}` : '…';
}

/** Where a vendor puts its result code and words, and what to say of a code imops does not know. */
export interface CodeFields {
  provider: string;
  /** "OPPO push". */
  name: string;
  table: ReadonlyMap<string, ReasonEntry>;
  /** The body field holding the result code ("code", "result") and the one holding its words. */
  code: string;
  message: string;
  /** Where the codes are documented, for an unknown code's fix. */
  docs: string;
}

/** The failure a vendor answer stands for, or undefined when its code is `ok` (and the HTTP status a success). */
export function codeFailure(answer: VendorHttpResult, v: CodeFields, ok = '0'): Failure | undefined {
  if (answer.kind !== 'answer') return transportFailure(v.table, answer);
  const code = field(answer.json, v.code);
  if (code === undefined) return transportFailure(v.table, answer);
  if (code === ok && answer.status < 300) return undefined;
  const message = field(answer.json, v.message) || undefined;
  const entry = v.table.get(code);
  return {
    entry: entry ?? unknownCode(v.provider, v.name, code, message, v.docs),
    reason: code,
    status: answer.status,
    ...(message !== undefined && { message }),
    ...(!entry && { unknown: true }),
  };
}

/**
 * A signed auth request's answer as a token outcome: the vendor's failure, or the token `read` finds in the
 * body; a success without a token is a non-JSON-like answer (the transport row says so).
 */
export function tokenFrom<T extends { token: string; expiresAt: number }>(
  answer: VendorHttpResult,
  v: CodeFields,
  read: (json: unknown) => T | undefined,
): { ok: true; token: string; expiresAt: number } | { ok: false; failure: Failure } {
  const failure = codeFailure(answer, v);
  if (failure) return { ok: false, failure };
  const got = read((answer as Extract<VendorHttpResult, { kind: 'answer' }>).json);
  if (!got) return { ok: false, failure: transportFailure(v.table, { ...(answer as Extract<VendorHttpResult, { kind: 'answer' }>), json: undefined }) };
  return { ok: true, token: got.token, expiresAt: got.expiresAt };
}

/** How a sender names the vendor when a request got no answer. */
export interface Unanswered {
  provider: string;
  /** Who did not answer in time ("Push Kit", "Honor", "Xiaomi") and who could not be reached ("Honor Push"). */
  timedOut: string;
  unreachable: string;
  /** The URL asked, and its setting ("providers.huawei.url"). */
  url: string;
  setting: string;
}

/** A push request that got no answer (a timeout or a network failure): NETWORK, with what to check. */
export function unansweredResult(
  context: TestContext<{ platform: string }, VendorLoaded>,
  step: string,
  r: Exclude<VendorHttpResult, { kind: 'answer' }>,
  v: Unanswered,
): PushResult {
  const reason = r.kind === 'timeout' ? 'timeout' : r.code;
  return vendorFailureResult(context, {
    step,
    reason,
    entry: {
      provider: v.provider,
      reason,
      verdict: 'NETWORK',
      cause: r.kind === 'timeout' ? `${v.timedOut} did not answer within ${r.ms} ms.` : `imops could not reach ${v.unreachable} (${r.code}).`,
      fix: `Check that the server can reach ${v.url} (${v.setting}), and any proxy or firewall in between; then try again.`,
    },
  });
}

/** The verdicts that blame the device token (its own problems are then shown too). */
export const TOKEN_VERDICTS: ReadonlySet<PushVerdict> = new Set<PushVerdict>(['BAD_DEVICE_TOKEN', 'TOKEN_UNREGISTERED']);

/**
 * `push certs --live` for a vendor with a signed auth request (OPPO, vivo): ask for a fresh token (not cached)
 * and explain a refusal. `issued` ends "OPPO issued an auth_token (…)"; `name` starts "OPPO refused…".
 */
export async function liveTokenCheck<C>(
  client: { fetchToken(cert: C): Promise<TokenOutcome<Failure>>; close(): Promise<void> },
  cert: C,
  name: string,
  issued: string,
): Promise<LiveCheck> {
  try {
    const got = await client.fetchToken(cert);
    if (got.ok) return { summary: `${name} issued ${issued}`, problems: [] };
    const f = got.failure;
    return {
      summary: `${name} refused the auth request`,
      problems: [
        {
          level: 'failure',
          verdict: f.entry.verdict,
          problem: `${name} auth answered ${f.reason}${f.message ? ` ("${f.message}")` : ''}: ${f.entry.cause}`,
          fix: f.entry.fix,
        },
      ],
    };
  } finally {
    await client.close();
  }
}
