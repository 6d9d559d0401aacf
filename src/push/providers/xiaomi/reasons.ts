// Xiaomi's answers (vendors.md §3.3, Xiaomi's server error-code table): each code with a verdict, plus
// `bad_regids` in an accepted answer and the HTTP statuses. The cause and fix of each, in the Xiaomi open
// platform's terms, are in the catalogues (src/text/<locale>/push/xiaomi.ts).
import { say } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';
import { unknownReason } from '../vendor/result.js';

const ROWS = [
  ['bad_regids', 200, 'TOKEN_UNREGISTERED'],
  ['-1', undefined, 'PROVIDER_UNAVAILABLE'],
  ['1', undefined, 'PROVIDER_UNAVAILABLE'],
  ['10001', undefined, 'PROVIDER_UNAVAILABLE'],
  ['10002', undefined, 'PROVIDER_UNAVAILABLE'],
  ['10003', undefined, 'PROVIDER_UNAVAILABLE'],
  ['10008', undefined, 'PAYLOAD_REJECTED'],
  ['10012', undefined, 'PAYLOAD_REJECTED'],
  ['10016', undefined, 'PAYLOAD_REJECTED'],
  ['10017', undefined, 'PAYLOAD_REJECTED'],
  ['10027', undefined, 'RATE_LIMITED'],
  ['10029', undefined, 'BAD_DEVICE_TOKEN'],
  ['10031', undefined, 'APP_NOT_APPROVED'],
  ['10034', undefined, 'QUOTA_EXCEEDED'],
  ['10036', undefined, 'APP_NOT_APPROVED'],
  ['10037', undefined, 'CLOCK_SKEW'],
  ['20301', undefined, 'TOKEN_UNREGISTERED'],
  ['21301', undefined, 'CREDENTIAL_INVALID'],
  ['21302', undefined, 'CREDENTIAL_INVALID'],
  ['21303', undefined, 'APP_NOT_APPROVED'],
  ['22000', undefined, 'CREDENTIAL_INVALID'],
  ['22006', undefined, 'CREDENTIAL_INVALID'],
  ['22007', undefined, 'CREDENTIAL_INVALID'],
  ['22022', undefined, 'SENDER_MISMATCH'],
  ['22102', undefined, 'PROVIDER_UNAVAILABLE'],
  ['26006', undefined, 'APP_NOT_APPROVED'],
  ['27001', undefined, 'CHANNEL_INVALID'],
  ['65003', undefined, 'TOKEN_UNREGISTERED'],
  ['65009', undefined, 'PAYLOAD_REJECTED'],
  ['HTTP 401', 401, 'CREDENTIAL_INVALID'],
  ['HTTP 404', 404, 'PROVIDER_UNAVAILABLE'],
  ['HTTP 429', 429, 'RATE_LIMITED'],
  ['HTTP 500', 500, 'PROVIDER_UNAVAILABLE'],
  ['HTTP 502', 502, 'PROVIDER_UNAVAILABLE'],
  ['HTTP 503', 503, 'PROVIDER_UNAVAILABLE'],
] as const satisfies readonly (readonly [code: string, status: number | undefined, verdict: PushVerdict])[];

export const XIAOMI_REASONS = reasonTable(
  'xiaomi',
  wordedRows(
    ROWS.map(([reason, status, verdict]) => ({ reason, status, verdict })),
    (t) => t.providers.xiaomi.reasons,
  ),
);

export function explainXiaomi(reason: string): ReasonEntry {
  return (
    XIAOMI_REASONS.get(reason) ??
    unknownReason(
      'xiaomi',
      say((t) => t.providers.xiaomi.vendorName),
      reason,
      say((t) => t.providers.xiaomi.unknownFix),
    )
  );
}
