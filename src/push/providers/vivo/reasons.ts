// vivo push's answers (vendors.md §5, vivo 消息推送服务端API 2.9.x): each `result` code with a verdict. The cause
// and fix of each, in the terms of the vivo developer console (dev.vivo.com.cn > 推送服务), are in the catalogues
// (src/text/<locale>/push/vivo.ts). vivo's full table was not available: a code not listed here is shown verbatim
// with vivo's `desc`.
import { say } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import { transportRows } from '../vendor/result.js';

const ROWS = [
  { reason: '10000', verdict: 'CREDENTIAL_INVALID' },
  { reason: '10070', verdict: 'QUOTA_EXCEEDED' },
  { reason: '10071', verdict: 'CHANNEL_INVALID' },
  { reason: '10072', verdict: 'RATE_LIMITED' },
  { reason: '10073', verdict: 'QUOTA_EXCEEDED' },
  { reason: '10085', verdict: 'CONTENT_REJECTED' },
  { reason: '10104', verdict: 'CONTENT_REJECTED' },
  { reason: '10094', verdict: 'CREDENTIAL_INVALID' },
  { reason: '10200', verdict: 'CREDENTIAL_INVALID' },
  { reason: '10206', verdict: 'CREDENTIAL_INVALID' },
  { reason: '10207', verdict: 'CLOCK_SKEW' },
  { reason: '10250', verdict: 'RATE_LIMITED' },
  { reason: '10252', verdict: 'PAYLOAD_REJECTED' },
  { reason: '10254', verdict: 'QUOTA_EXCEEDED' },
  { reason: '10302', verdict: 'BAD_DEVICE_TOKEN' },
] as const satisfies readonly { reason: string; verdict: PushVerdict }[];

export const VIVO_REASONS = reasonTable('vivo', [
  ...wordedRows(ROWS, (t) => t.providers.vivo.reasons),
  ...transportRows(
    say((t) => t.providers.vivo.serviceName),
    'api-push.vivo.com.cn',
    'providers.vivo.url',
  ),
]);
