// Honor's answers (vendors.md §2.3). Honor's server response-code table was not found, so only the envelope is
// known: `code` 200 with `data.sendResult`, `failTokens` and `expireTokens`, the HTTP statuses, and the OAuth
// (Keycloak) refusals. Any other code is shown verbatim with Honor's words. The cause and fix of each row are the
// catalogue's (t.providers.honor.reasons).
import { say } from '../../../text/index.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';
import { unknownReason } from '../vendor/result.js';

export const HONOR_REASONS = reasonTable(
  'honor',
  wordedRows(
    [
      { reason: 'expireTokens', status: 200, verdict: 'TOKEN_UNREGISTERED' },
      { reason: 'failTokens', status: 200, verdict: 'BAD_DEVICE_TOKEN' },
      { reason: 'sendResult', status: 200, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 401', status: 401, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'HTTP 403', status: 403, verdict: 'APP_NOT_APPROVED' },
      { reason: 'HTTP 404', status: 404, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 429', status: 429, verdict: 'RATE_LIMITED' },
      { reason: 'HTTP 500', status: 500, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 502', status: 502, verdict: 'PROVIDER_UNAVAILABLE' },
      { reason: 'HTTP 503', status: 503, verdict: 'PROVIDER_UNAVAILABLE' },
      // The OAuth token endpoint (Keycloak realm "developer").
      { reason: 'invalid_client', status: 401, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'unauthorized_client', status: 400, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'invalid_request', status: 400, verdict: 'CREDENTIAL_INVALID' },
      { reason: 'unsupported_grant_type', status: 400, verdict: 'CREDENTIAL_INVALID' },
    ],
    (t) => t.providers.honor.reasons,
  ),
);

export function explainHonor(reason: string): ReasonEntry {
  return (
    HONOR_REASONS.get(reason) ??
    unknownReason(
      'honor',
      say((t) => t.providers.honor.vendor),
      reason,
      say((t) => t.providers.honor.unknownFix),
    )
  );
}

export function explainHonorOAuth(error: string): ReasonEntry {
  return (
    HONOR_REASONS.get(error) ??
    unknownReason(
      'honor',
      say((t) => t.pushWords.vendor.oauth.server(t.providers.honor.vendor)),
      error,
      say((t) => t.providers.honor.unknownOAuthFix),
      'CREDENTIAL_INVALID',
    )
  );
}
