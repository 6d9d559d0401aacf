// FCM's answers: the FCM v1 error codes, the canonical statuses firebase-admin falls back to, and the
// firebase-admin codes it throws (push-failures.md §3), each with a verdict, a cause and a fix (the cause and fix
// in the catalogues: t.providers.fcm.reasons).
import { type Catalogue, say } from '../../../text/index.js';
import type { PushVerdict } from '../../verdicts.js';
import { reasonTable, wordedRows } from '../reason-table.js';
import type { ReasonEntry } from '../types.js';

type FcmCode = keyof Catalogue['providers']['fcm']['reasons'];

/**
 * FCM v1 error codes (the FcmError detail), the canonical statuses firebase-admin falls back to, and the
 * firebase-admin `messaging/…` and `app/…` codes it throws. Several server codes share one firebase-admin
 * code, so the v1 code, when firebase-admin lets it through in the message, wins over the firebase-admin one.
 * The words are in the catalogues (t.providers.fcm.reasons).
 */
const FCM_ROWS: { reason: FcmCode; status?: number; verdict: PushVerdict }[] = [
  // FCM HTTP v1 ErrorCode
  { reason: 'UNSPECIFIED_ERROR', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'INVALID_ARGUMENT', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'UNREGISTERED', status: 404, verdict: 'TOKEN_UNREGISTERED' },
  { reason: 'SENDER_ID_MISMATCH', status: 403, verdict: 'SENDER_MISMATCH' },
  { reason: 'QUOTA_EXCEEDED', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'UNAVAILABLE', status: 503, verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'INTERNAL', status: 500, verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'THIRD_PARTY_AUTH_ERROR', status: 401, verdict: 'THIRD_PARTY_AUTH' },
  { reason: 'APNS_AUTH_ERROR', status: 401, verdict: 'THIRD_PARTY_AUTH' },
  // Canonical statuses that carry a different meaning than the firebase-admin code they map to
  { reason: 'UNAUTHENTICATED', status: 401, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'PERMISSION_DENIED', status: 403, verdict: 'CREDENTIAL_INVALID' },
  // firebase-admin codes
  { reason: 'messaging/registration-token-not-registered', status: 404, verdict: 'TOKEN_UNREGISTERED' },
  { reason: 'messaging/installation-id-not-registered', status: 404, verdict: 'TOKEN_UNREGISTERED' },
  { reason: 'messaging/invalid-registration-token', status: 400, verdict: 'BAD_DEVICE_TOKEN' },
  { reason: 'messaging/invalid-argument', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/mismatched-credential', status: 403, verdict: 'SENDER_MISMATCH' },
  { reason: 'messaging/message-rate-exceeded', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'messaging/device-message-rate-exceeded', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'messaging/topics-message-rate-exceeded', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'messaging/third-party-auth-error', status: 401, verdict: 'THIRD_PARTY_AUTH' },
  { reason: 'messaging/authentication-error', status: 401, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'messaging/server-unavailable', status: 503, verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'messaging/internal-error', status: 500, verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'messaging/unknown-error', verdict: 'PROVIDER_UNAVAILABLE' },
  { reason: 'messaging/payload-size-limit-exceeded', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/invalid-data-payload-key', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/invalid-options', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/invalid-package-name', status: 400, verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/invalid-recipient', verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/invalid-payload', verdict: 'PAYLOAD_REJECTED' },
  { reason: 'messaging/too-many-topics', verdict: 'RATE_LIMITED' },
  { reason: 'messaging/topics-subscription-rate-exceeded', status: 429, verdict: 'RATE_LIMITED' },
  { reason: 'app/invalid-credential', verdict: 'CREDENTIAL_INVALID' },
  { reason: 'invalid_grant', status: 400, verdict: 'CREDENTIAL_INVALID' },
  { reason: 'app/network-error', verdict: 'NETWORK' },
  { reason: 'app/network-timeout', verdict: 'NETWORK' },
];

export const FCM_REASONS = reasonTable(
  'fcm',
  wordedRows(FCM_ROWS, (t) => t.providers.fcm.reasons),
);

const INVALID_TOKEN_TEXT = /registration token|not a valid FCM/i;

/**
 * The catalogue entry for an FCM failure. firebase-admin folds several server codes into one of its own, so the
 * message is read for what it hides: the v1 errorCode, an invalid token, the caller's own OAuth failure, a
 * permission problem, or invalid_grant.
 */
export function explainFcmError(code: string | undefined, message: string): ReasonEntry {
  const text = message ?? '';
  const pick = (reason: string) => FCM_REASONS.get(reason)!;
  if (code === 'messaging/invalid-argument' && INVALID_TOKEN_TEXT.test(text)) {
    return { ...pick('messaging/invalid-registration-token'), reason: 'INVALID_ARGUMENT' };
  }
  if (code === 'messaging/third-party-auth-error' && /invalid authentication credentials|missing required authentication|UNAUTHENTICATED/i.test(text)) {
    return pick('UNAUTHENTICATED');
  }
  if (code === 'messaging/mismatched-credential' && /permission|PERMISSION_DENIED|denied/i.test(text) && !/SenderId/i.test(text)) {
    return pick('PERMISSION_DENIED');
  }
  if (code?.startsWith('app/') && /invalid_grant/.test(text)) return pick('invalid_grant');
  if (code && FCM_REASONS.has(code)) return pick(code);
  const v1 =
    /\b(UNSPECIFIED_ERROR|INVALID_ARGUMENT|UNREGISTERED|SENDER_ID_MISMATCH|QUOTA_EXCEEDED|UNAVAILABLE|INTERNAL|THIRD_PARTY_AUTH_ERROR|APNS_AUTH_ERROR)\b/.exec(
      text,
    )?.[1];
  if (v1) return pick(v1);
  return {
    provider: 'fcm',
    reason: code ?? 'unknown',
    verdict: 'PROVIDER_UNAVAILABLE',
    cause: say((t) => t.providers.fcm.unknownCode.cause(code)),
    fix: say((t) => t.providers.fcm.unknownCode.fix),
  };
}
