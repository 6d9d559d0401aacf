// Meizu push's answers (vendors.md §6.3, MEIZUPUSH/PushAPI): the top-level `code` (a string) and the per-pushId
// codes in `value`, which make a `code "200"` answer a failure for that pushId, each with a verdict. The cause and
// fix of each, in the terms of the Flyme push platform (open.flyme.cn > 推送平台), are in the catalogues
// (src/text/<locale>/push/meizu.ts).
import { say } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import { transportRows } from '../vendor/result.js';

/** Codes a `value` map lists pushIds under; their table keys carry this prefix (a few are also top-level codes). */
export const PER_PUSH_ID = 'pushId:';

type Row = { reason: string; verdict: PushVerdict };

const TOP = [
  { reason: '500', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '1001', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '1003', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '1005', verdict: 'PAYLOAD_REJECTED' },
  { reason: '1006', verdict: 'CREDENTIAL_INVALID' },
  { reason: '110000', verdict: 'CREDENTIAL_INVALID' },
  { reason: '110001', verdict: 'CREDENTIAL_INVALID' },
  { reason: '110004', verdict: 'PAYLOAD_REJECTED' },
  { reason: '110009', verdict: 'APP_NOT_APPROVED' },
  { reason: '110010', verdict: 'RATE_LIMITED' },
  { reason: '110019', verdict: 'QUOTA_EXCEEDED' },
  { reason: '110031', verdict: 'CREDENTIAL_INVALID' },
  { reason: '110033', verdict: 'CREDENTIAL_INVALID' },
  { reason: '110051', verdict: 'QUOTA_EXCEEDED' },
  { reason: '110053', verdict: 'QUOTA_EXCEEDED' },
] as const satisfies readonly Row[];

const PER_TARGET = [
  { reason: '201', verdict: 'APP_NOT_APPROVED' },
  { reason: '501', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '513', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '519', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '520', verdict: 'RATE_LIMITED' },
  { reason: '110002', verdict: 'TOKEN_UNREGISTERED' },
  { reason: '110003', verdict: 'BAD_DEVICE_TOKEN' },
  { reason: '110005', verdict: 'BAD_DEVICE_TOKEN' },
  { reason: '110010', verdict: 'APP_NOT_APPROVED' },
  { reason: '110011', verdict: 'QUOTA_EXCEEDED' },
] as const satisfies readonly Row[];

export const MEIZU_REASONS = reasonTable('meizu', [
  ...wordedRows(TOP, (t) => t.providers.meizu.reasons),
  ...wordedRows(PER_TARGET, (t) => t.providers.meizu.perPushId).map((r) => ({ ...r, reason: `${PER_PUSH_ID}${r.reason}` })),
  ...transportRows(
    say((t) => t.providers.meizu.serviceName),
    'server-api-push.meizu.com',
    'providers.meizu.url',
  ),
]);
