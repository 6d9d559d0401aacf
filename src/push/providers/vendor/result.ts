// Turning a vendor's answer into a PushResult the same way for every Android vendor: the vendor's own code in
// provider.reason (as text) and its words in provider.message (one line, no device token, no secret), the
// catalogue's cause and fix, and the certificate's standing warnings (a missing message classification). Also
// the shared failure rows every vendor table carries (timeout, network, HTTP 429 / 5xx, a non-JSON answer), the
// entry for a code imops does not know (shown verbatim, never success), and the transport failure of a sender.
// Every sentence is the catalogue's (t.pushWords.vendor): results carry Words. Parameters that take a sentence or a
// name accept Text, so a caller with English not yet moved (a plain string) still works.
import type { TransportReason } from '../../../text/en/push/vendor.js';
import { type Catalogue, say, type Text, type Words } from '../../../text/index.js';
import type { Device, PushResult } from '../../types.js';
import type { PushVerdict } from '../../verdicts.js';
import { pushResult, scrub, stripSecrets } from '../result.js';
import type { PushPlatform } from '../index.js';
import type { LiveCheck, ReasonEntry, TestContext } from '../types.js';
import type { TokenOutcome } from './access-token.js';
import type { VendorHttpResult } from './http.js';
import { field } from './json.js';

/** What every vendor's inspection hands its sender: the warnings every test result repeats. */
export interface VendorLoaded {
  /** Sentences such as the marketing-quota warning when the classification field is missing. */
  notes: Text[];
}

export interface VendorFailure {
  /** The vendor's own code as text ("80300007", "10034", "invalid_client", "HTTP 503"). */
  reason: string;
  /** Its words, verbatim (cleaned of tokens and secrets by vendorResult). */
  message?: string;
  status?: number;
  /** Where the answer came from, for the cause: "Huawei Push Kit dry run (validate_only)". */
  step: Text;
  entry: ReasonEntry;
  /** Added after the catalogue's cause (day_quota figures, the token's own problems…). */
  extra?: Text;
}

/** A code the vendor sent that imops has no row for: shown verbatim, never a success. `vendor`: "Huawei". */
export function unknownReason(provider: string, vendor: Text, reason: string, fix: Text, verdict: PushVerdict = 'PROVIDER_UNAVAILABLE'): ReasonEntry {
  return { provider, reason, verdict, cause: say((t, $) => t.pushWords.vendor.unknownAnswer($(vendor), reason)), fix };
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
  const looks = tokenProblems.length > 0 && tokenVerdicts.includes(f.entry.verdict);
  const cause = say((t, $) => {
    const v = t.pushWords.vendor;
    return v.sentences([
      v.failedWith($(f.step), f.reason, message, $(f.entry.cause)),
      f.extra ? $(f.extra) : '',
      looks ? v.tokenLooksWrong(v.sentences(tokenProblems.map($))) : '',
      warning(loaded, t, $),
    ]);
  });
  return pushResult(device, context.certificate.platform as PushResult['platform'], f.entry.verdict, cause, f.entry.fix, {
    ...(f.status !== undefined && { status: f.status }),
    reason: f.reason,
    ...(message !== undefined && { message }),
  });
}

export function vendorDelivered(
  context: TestContext<{ platform: string }, VendorLoaded>,
  cause: Text,
  fix: Text,
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
    say((t, $) => t.pushWords.vendor.sentences([$(cause), warning(context.loaded, t, $)])),
    fix,
    { status, reason, ...(m !== undefined && { message: m }) },
    id,
  );
}

/** The certificate's standing warnings as one sentence in `t`'s language, or '' when there are none. */
function warning(loaded: VendorLoaded | undefined, t: Catalogue, $: (text: Text) => string): string {
  const v = t.pushWords.vendor;
  return loaded?.notes.length ? v.warning(v.sentences(loaded.notes.map($))) : '';
}

/** What every vendor says when nothing shows on the phone although the vendor accepted the push. */
export const VENDOR_NOTHING_SHOWS: Words = say((t) => t.pushWords.vendor.nothingShows);

/** A provider's display name in every language ("Huawei Push Kit" / "华为 Push Kit"), for the `name` of a helper. */
export function providerName(id: PushPlatform): Words {
  return say((t) => t.providers[id].names.display);
}

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

/**
 * The rows every vendor table has for answers without a vendor code. `name` says who was asked ("OPPO push", or
 * Words such as providerName('oppo')); `host` is its default server and `setting` e.g. providers.oppo.url.
 */
export function transportRows(name: Text, host: string, setting: string): VendorRow[] {
  const row = (reason: TransportReason, verdict: PushVerdict, status?: number): VendorRow => ({
    reason,
    ...(status !== undefined && { status }),
    verdict,
    cause: say((t, $) => t.pushWords.vendor.transport[reason].cause($(name))),
    fix: say((t, $) => t.pushWords.vendor.transport[reason].fix($(name), host, setting)),
  });
  return [
    row(TRANSPORT.timeout, 'NETWORK'),
    row(TRANSPORT.network, 'NETWORK'),
    row(TRANSPORT.rateLimited, 'RATE_LIMITED', 429),
    row(TRANSPORT.serverError, 'PROVIDER_UNAVAILABLE'),
    row(TRANSPORT.httpError, 'PROVIDER_UNAVAILABLE'),
    row(TRANSPORT.notJson, 'PROVIDER_UNAVAILABLE'),
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
export function unknownCode(provider: string, name: Text, code: string, message: string | undefined, docs: Text): ReasonEntry {
  return {
    provider,
    reason: code,
    verdict: 'PROVIDER_UNAVAILABLE',
    cause: say((t, $) => t.pushWords.vendor.unknownCode.cause($(name), code, message)),
    fix: say((t, $) => t.pushWords.vendor.unknownCode.fix($(name), code, $(docs))),
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

/**
 * The PushResult for a failure; `notes` (quota warnings, token problems) are added to the cause. `name` says who
 * was asked ("OPPO push", or Words); `step` is 'auth' or 'send' (worded by the catalogue) or any other Text.
 */
export function failureResult(
  device: Device,
  platform: PushResult['platform'],
  name: Text,
  step: Text,
  f: Failure,
  notes: readonly Text[],
  verdict: PushVerdict = f.entry.verdict,
): PushResult {
  const words = f.message !== undefined ? scrub(f.message, device.token) : undefined;
  const transport = (Object.values(TRANSPORT) as string[]).includes(f.reason);
  const cause = say((t, $) => {
    const v = t.pushWords.vendor;
    const stepWords = step === 'auth' || step === 'send' ? v.steps[step] : $(step);
    const entry = $(f.entry.cause);
    const first = !f.unknown && !transport ? v.failedWithCode($(name), stepWords, f.reason, words, entry) : entry;
    return v.sentences([first, ...notes.map($)]);
  });
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
  /** "OPPO push" (or Words). */
  name: Text;
  table: ReadonlyMap<string, ReasonEntry>;
  /** The body field holding the result code ("code", "result") and the one holding its words. */
  code: string;
  message: string;
  /** Where the codes are documented, for an unknown code's fix. */
  docs: Text;
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
  timedOut: Text;
  unreachable: Text;
  /** The URL asked, and its setting ("providers.huawei.url"). */
  url: string;
  setting: string;
}

/** A push request that got no answer (a timeout or a network failure): NETWORK, with what to check. */
export function unansweredResult(
  context: TestContext<{ platform: string }, VendorLoaded>,
  step: Text,
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
      cause: say((t, $) =>
        r.kind === 'timeout'
          ? t.pushWords.vendor.unanswered.timedOut($(v.timedOut), r.ms)
          : t.pushWords.vendor.unanswered.unreachable($(v.unreachable), r.code),
      ),
      fix: say((t) => t.pushWords.vendor.unanswered.fix(v.url, v.setting)),
    },
  });
}

/** The verdicts that blame the device token (its own problems are then shown too). */
export const TOKEN_VERDICTS: ReadonlySet<PushVerdict> = new Set<PushVerdict>(['BAD_DEVICE_TOKEN', 'TOKEN_UNREGISTERED']);

/**
 * `push certs --live` for a vendor with a signed auth request (OPPO, vivo): ask for a fresh token (not cached)
 * and explain a refusal. `issued` ends "OPPO issued an auth_token (…)"; `name` starts "OPPO refused…". Both take
 * Text (a plain string is English).
 */
export async function liveTokenCheck<C>(
  client: { fetchToken(cert: C): Promise<TokenOutcome<Failure>>; close(): Promise<void> },
  cert: C,
  name: Text,
  issued: Text,
): Promise<LiveCheck> {
  try {
    const got = await client.fetchToken(cert);
    if (got.ok) return { summary: say((t, $) => t.pushWords.vendor.liveToken.issued($(name), $(issued))), problems: [] };
    const f = got.failure;
    return {
      summary: say((t, $) => t.pushWords.vendor.liveToken.refused($(name))),
      problems: [
        {
          level: 'failure',
          verdict: f.entry.verdict,
          problem: say((t, $) => t.pushWords.vendor.liveToken.answered($(name), f.reason, f.message, $(f.entry.cause))),
          fix: f.entry.fix,
        },
      ],
    };
  } finally {
    await client.close();
  }
}
