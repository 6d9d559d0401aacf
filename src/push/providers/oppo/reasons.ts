// OPPO push's answers (vendors.md §4.3, OPPO "调用地址，公共参数和返回码"): each return code with a verdict. The
// cause and fix of each, in the terms of the OPPO open platform console (open.oppomobile.com > 推送服务), are in
// the catalogues (src/text/<locale>/push/oppo.ts).
import { say } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import { transportRows } from '../vendor/result.js';

const ROWS = [
  { reason: '-2', verdict: 'RATE_LIMITED' },
  { reason: '-1', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: '11', verdict: 'CREDENTIAL_INVALID' },
  { reason: '12', verdict: 'PAYLOAD_REJECTED' },
  { reason: '13', verdict: 'QUOTA_EXCEEDED' },
  { reason: '14', verdict: 'CREDENTIAL_INVALID' },
  { reason: '15', verdict: 'CREDENTIAL_INVALID' },
  { reason: '16', verdict: 'CREDENTIAL_INVALID' },
  { reason: '17', verdict: 'CREDENTIAL_INVALID' },
  { reason: '18', verdict: 'PAYLOAD_REJECTED' },
  { reason: '19', verdict: 'CLOCK_SKEW' },
  { reason: '20', verdict: 'PAYLOAD_REJECTED' },
  { reason: '21', verdict: 'PAYLOAD_REJECTED' },
  { reason: '22', verdict: 'PAYLOAD_REJECTED' },
  { reason: '23', verdict: 'PAYLOAD_REJECTED' },
  { reason: '24', verdict: 'PAYLOAD_REJECTED' },
  { reason: '25', verdict: 'PAYLOAD_REJECTED' },
  { reason: '26', verdict: 'APP_NOT_APPROVED' },
  { reason: '27', verdict: 'APP_NOT_APPROVED' },
  { reason: '28', verdict: 'APP_NOT_APPROVED' },
  { reason: '29', verdict: 'CREDENTIAL_INVALID' },
  { reason: '30', verdict: 'APP_NOT_APPROVED' },
  { reason: '31', verdict: 'PAYLOAD_REJECTED' },
  { reason: '32', verdict: 'PAYLOAD_REJECTED' },
  { reason: '33', verdict: 'QUOTA_EXCEEDED' },
  { reason: '34', verdict: 'QUOTA_EXCEEDED' },
  { reason: '40', verdict: 'PAYLOAD_REJECTED' },
  { reason: '41', verdict: 'PAYLOAD_REJECTED' },
  { reason: '51', verdict: 'PAYLOAD_REJECTED' },
  { reason: '55', verdict: 'RATE_LIMITED' },
  { reason: '59', verdict: 'APP_NOT_APPROVED' },
  { reason: '67', verdict: 'CHANNEL_INVALID' },
  { reason: '10000', verdict: 'BAD_DEVICE_TOKEN' },
] as const satisfies readonly { reason: string; verdict: PushVerdict }[];

export const OPPO_REASONS = reasonTable('oppo', [
  ...wordedRows(ROWS, (t) => t.providers.oppo.reasons),
  ...transportRows(
    say((t) => t.providers.oppo.serviceName),
    'api.push.oppomobile.com',
    'providers.oppo.url',
  ),
]);
