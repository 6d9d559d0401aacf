// APNs' answers: every `reason` Apple lists (push-failures.md §1.2), each with the verdict a support engineer sees
// and a cause and fix written for them (in the catalogues: t.providers.apns.reasons). A reason Apple adds later is
// one row here and its words in each catalogue (the type checker asks for them).
import { type Catalogue, say } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';

type ApnsReason = keyof Catalogue['providers']['apns']['reasons'];

/** Every reason with Apple's status and the verdict; the words are in the catalogues (t.providers.apns.reasons). */
const APNS_ROWS: { reason: ApnsReason; status: number; verdict: PushVerdict }[] = [
  { reason: 'BadCollapseId', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'BadDeviceToken', status: 400, verdict: 'BAD_DEVICE_TOKEN' },
  { reason: 'BadExpirationDate', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'BadMessageId', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'BadPriority', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'BadTopic', status: 400, verdict: 'TOPIC_INVALID' },
  { reason: 'DeviceTokenNotForTopic', status: 400, verdict: 'TOKEN_NOT_FOR_TOPIC' },
  { reason: 'DuplicateHeaders', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'IdleTimeout', status: 400, verdict: 'NETWORK' },
  { reason: 'InvalidPushType', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'MissingDeviceToken', status: 400, verdict: 'BAD_DEVICE_TOKEN' },
  { reason: 'MissingTopic', status: 400, verdict: 'TOPIC_INVALID' },
  { reason: 'PayloadEmpty', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'TopicDisallowed', status: 400, verdict: 'TOPIC_INVALID' },
  { reason: 'BadCertificate', status: 403, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'BadCertificateEnvironment', status: 403, verdict: 'CERT_ENVIRONMENT_MISMATCH' },
  { reason: 'ExpiredProviderToken', status: 403, verdict: 'CREDENTIAL_EXPIRED' },
  { reason: 'Forbidden', status: 403, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'InvalidProviderToken', status: 403, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'MissingProviderToken', status: 403, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'UnrelatedKeyIdInToken', status: 403, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'BadEnvironmentKeyInToken', status: 403, verdict: 'CERT_ENVIRONMENT_MISMATCH' },
  { reason: 'BadEnvironmentKeyIdInToken', status: 403, verdict: 'CERT_ENVIRONMENT_MISMATCH' },
  { reason: 'BadPath', status: 404, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'MethodNotAllowed', status: 405, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'ExpiredToken', status: 410, verdict: 'TOKEN_UNREGISTERED' },
  { reason: 'Unregistered', status: 410, verdict: 'TOKEN_UNREGISTERED' },
  { reason: 'PayloadTooLarge', status: 413, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'TooManyProviderTokenUpdates', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'TooManyRequests', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'InternalServerError', status: 500, verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'ServiceUnavailable', status: 503, verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'Shutdown', status: 503, verdict: 'PROVIDER_UNAVAILABLE' },
];

export const APNS_REASONS = reasonTable(
  'apns',
  wordedRows(APNS_ROWS, (t) => t.providers.apns.reasons),
);

/** The two reasons that can mean "this token belongs to the other APNs environment": worth one retry there. */
export const APNS_ENVIRONMENT_REASONS: ReadonlySet<string> = new Set(['BadDeviceToken', 'BadEnvironmentKeyInToken', 'BadEnvironmentKeyIdInToken']);

/** How an unknown reason is read by its status (t.providers.apns.unknownReason). */
type Fallback = Exclude<keyof Catalogue['providers']['apns']['unknownReason'], 'said'>;

/** The catalogue entry for an APNs answer; reasons Apple adds later fall back by HTTP status. */
export function explainApnsReason(reason: string | undefined, status: number | undefined): ReasonEntry {
  const known = reason ? APNS_REASONS.get(reason) : undefined;
  if (known) return known;
  const base = { provider: 'apns' as const, reason: reason ?? String(status ?? 'unknown'), status };
  const fallback = (verdict: PushVerdict, kind: Fallback): ReasonEntry => ({
    ...base,
    verdict,
    cause: say((t) => {
      const w = t.providers.apns.unknownReason;
      return w[kind].cause(w.said(status, reason));
    }),
    fix: say((t) => t.providers.apns.unknownReason[kind].fix),
  });
  if (status === 403) return fallback('CREDENTIAL_INVALID', 'credential');
  if (status === 410) return fallback('TOKEN_UNREGISTERED', 'unregistered');
  if (status === 429) return fallback('RATE_LIMITED', 'rateLimited');
  if (status !== undefined && status >= 500) return fallback('PROVIDER_UNAVAILABLE', 'unavailable');
  return fallback('PAYLOAD_REJECTED', 'rejected');
}
