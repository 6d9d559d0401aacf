// Every verdict a device's test push can end in, as data: the catalogue test walks it, and a vendor's reason
// table may only use what is listed here (design.md "Push check results" and "Round 2 contracts").
export const PUSH_VERDICTS = [
  'DELIVERED',
  'NO_DEVICES',
  'UNKNOWN_CERTIFICATE',
  'PLATFORM_MISMATCH',
  'TOKEN_ENVIRONMENT_MISMATCH',
  'BAD_DEVICE_TOKEN',
  'TOKEN_NOT_FOR_TOPIC',
  'TOKEN_UNREGISTERED',
  'CREDENTIAL_INVALID',
  'CREDENTIAL_EXPIRED',
  'CERT_ENVIRONMENT_MISMATCH',
  'TOPIC_INVALID',
  'SENDER_MISMATCH',
  'THIRD_PARTY_AUTH',
  'PAYLOAD_REJECTED',
  'RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'NETWORK',
  // Round 2, shared by the Android vendors.
  'QUOTA_EXCEEDED',
  'CHANNEL_INVALID',
  'APP_NOT_APPROVED',
  'CONTENT_REJECTED',
  'CLOCK_SKEW',
] as const;

export type PushVerdict = (typeof PUSH_VERDICTS)[number];

const KNOWN: ReadonlySet<string> = new Set(PUSH_VERDICTS);

export function isPushVerdict(value: string): value is PushVerdict {
  return KNOWN.has(value);
}
