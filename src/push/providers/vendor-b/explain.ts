// Turning a vendor's answer into a verdict, shared by OPPO, vivo and Meizu: the transport rows every vendor
// table carries (timeout, network, HTTP 429 / 5xx, a non-JSON answer), the entry for a code imops does not know
// (shown verbatim, never success), and the PushResult with the vendor's own code and words.
import type { Device, PushResult } from '../../types.js';
import type { PushVerdict } from '../../verdicts.js';
import { pushResult, scrub } from '../result.js';
import type { ReasonEntry } from '../types.js';
import type { VendorAnswer } from './http-client.js';

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
export function transportFailure(table: ReadonlyMap<string, ReasonEntry>, answer: VendorAnswer): Failure {
  const pick = (reason: string, status?: number, message?: string): Failure => ({
    entry: table.get(reason)!,
    reason,
    ...(message !== undefined && { message }),
    ...(status !== undefined && { status }),
  });
  if (answer.kind === 'timeout') return pick(TRANSPORT.timeout, undefined, `no answer within ${answer.timeoutMs} ms`);
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
