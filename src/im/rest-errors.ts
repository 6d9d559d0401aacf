// Every Tencent IM REST error imops expects, as data keyed by code (reference/im-rest.md §1.4, §2, §4.1, §7).
// The words for each problem live in src/text/en/im.ts (`en.im.problems`).

/** What went wrong, in the terms an on-call engineer acts on. */
export const IM_PROBLEMS = [
  'not_admin',
  'admin_sig',
  'wrong_region',
  'plan_expired',
  'ip_not_allowed',
  'rate_limited',
  'sdkappid_invalid',
  'disabled',
  'request_invalid',
  'account_not_found',
  'server_busy',
  'timeout',
  'network',
  'http',
  'bad_response',
  'unknown',
] as const;
export type ImProblem = (typeof IM_PROBLEMS)[number];

/**
 * What imops itself saw when a call failed without an answer from IM to quote (a timeout, an unreadable answer):
 * facts, worded by the catalogues (`t.im.details`), never shown as IM's own words.
 */
export type ImDetail =
  | { kind: 'timeout'; ms: number }
  | { kind: 'cut_off' }
  | { kind: 'connection_failed' }
  /** The socket's error code (ECONNREFUSED, ENOTFOUND…) or, without one, the network library's message: data. */
  | { kind: 'network_error'; error: string }
  | { kind: 'http_status'; status: number }
  | { kind: 'not_json' }
  | { kind: 'not_object' }
  | { kind: 'no_result_item' }
  | { kind: 'no_status' };
export type ImDetailKind = ImDetail['kind'];

/** The detail as one line for the operator's log (English, never a reply). */
export function detailForLog(d: ImDetail): string {
  switch (d.kind) {
    case 'timeout':
      return `no answer within ${d.ms} ms`;
    case 'network_error':
      return d.error;
    case 'http_status':
      return `HTTP ${d.status}`;
    default:
      return d.kind;
  }
}

export interface ImRestErrorRow {
  problem: ImProblem;
  /** Worth one bounded retry (a busy or rate-limited server), not a configuration problem. */
  retry: boolean;
}

const row = (problem: ImProblem, retry = false): ImRestErrorRow => ({ problem, retry });

export const IM_REST_ERRORS: Readonly<Record<number, ImRestErrorRow>> = {
  60002: row('request_invalid'),
  60003: row('request_invalid'),
  60004: row('admin_sig'),
  60005: row('admin_sig'),
  60006: row('sdkappid_invalid'),
  60007: row('rate_limited', true),
  60008: row('server_busy', true),
  60009: row('request_invalid'),
  60010: row('not_admin'),
  60011: row('rate_limited', true),
  60012: row('sdkappid_invalid'),
  60013: row('server_busy', true),
  60014: row('server_busy', true),
  60015: row('request_invalid'),
  60016: row('disabled'),
  60017: row('disabled'),
  60018: row('rate_limited', true),
  60019: row('rate_limited', true),
  60020: row('plan_expired'),
  60021: row('ip_not_allowed'),
  70001: row('admin_sig'),
  70003: row('admin_sig'),
  70005: row('admin_sig'),
  70009: row('admin_sig'),
  70013: row('admin_sig'),
  70014: row('admin_sig'),
  70016: row('wrong_region'),
  70020: row('wrong_region'),
  70107: row('account_not_found'),
  70169: row('server_busy', true),
  70402: row('request_invalid'),
  70403: row('not_admin'),
  70500: row('server_busy', true),
  90009: row('not_admin'),
  90012: row('account_not_found'),
  90048: row('account_not_found'),
  20003: row('account_not_found'),
  91000: row('server_busy', true),
};

export function imRestErrorRow(code: number | undefined): ImRestErrorRow {
  return (code !== undefined && IM_REST_ERRORS[code]) || row('unknown');
}
