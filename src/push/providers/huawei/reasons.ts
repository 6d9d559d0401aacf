// Huawei's answers (vendors.md §1.3): the Push Kit result codes, the HTTP statuses it sends without one, and the
// OAuth token endpoint's refusals, each with a verdict; the cause and fix, in AppGallery Connect's terms, are the
// catalogue's (t.providers.huawei.reasons).
import { say } from '../../../text/index.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';
import { unknownReason } from '../vendor/result.js';

export const HUAWEI_REASONS = reasonTable(
  'huawei',
  wordedRows(
    [
      { reason: '80100000', status: 200, verdict: 'BAD_DEVICE_TOKEN' },
      { reason: '80100001', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '80100002', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '80100003', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '80100004', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '80100013', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '80100016', status: 400, verdict: 'CONTENT_REJECTED' },
      { reason: '80200001', status: 401, verdict: 'CREDENTIAL_INVALID' },
      { reason: '80200003', status: 401, verdict: 'CREDENTIAL_EXPIRED' },
      { reason: '80300002', status: 403, verdict: 'APP_NOT_APPROVED' },
      { reason: '80300007', status: 400, verdict: 'BAD_DEVICE_TOKEN' },
      { reason: '80300008', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '80300010', status: 400, verdict: 'PAYLOAD_REJECTED' },
      { reason: '81000001', status: 500, verdict: 'PROVIDER_UNAVAILABLE' },
      // HTTP statuses Push Kit sends without a result code (vendors.md §1.3).
      { reason: 'HTTP 401', status: 401, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'HTTP 404', status: 404, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 500', status: 500, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 502', status: 502, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 503', status: 503, verdict: 'RATE_LIMITED' },
      // The OAuth token endpoint (oauth-login.cloud.huawei.com/oauth2/v3/token).
      { reason: '1101', status: 400, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'invalid_client', status: 401, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'invalid_request', status: 400, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'unsupported_grant_type', status: 400, verdict: 'CREDENTIAL_INVALID' },
    ],
    (t) => t.providers.huawei.reasons,
  ),
);

const HUAWEI = say((t) => t.providers.huawei.vendor);

export function explainHuawei(reason: string): ReasonEntry {
  return (
    HUAWEI_REASONS.get(reason) ??
    unknownReason(
      'huawei',
      HUAWEI,
      reason,
      say((t) => t.providers.huawei.unknownFix),
    )
  );
}

/** A token-endpoint refusal: its own row when imops knows the code, else a credential failure shown verbatim. */
export function explainHuaweiOAuth(error: string): ReasonEntry {
  return (
    HUAWEI_REASONS.get(error) ??
    unknownReason(
      'huawei',
      say((t) => t.pushWords.vendor.oauth.server(t.providers.huawei.vendor)),
      error,
      say((t) => t.providers.huawei.unknownOAuthFix),
      'CREDENTIAL_INVALID',
    )
  );
}
