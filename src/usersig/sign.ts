/** The v2 signing core shared by generation and verification (reference/usersig.md §1.2, §1.7). */
import { createHmac } from 'node:crypto';

export interface SignedFields {
  userId: string;
  sdkAppId: number;
  time: number;
  expire: number;
  /** Standard base64 of the userbuf, exactly as it appears in the JSON. */
  userbuf?: string;
}

/** The exact text the HMAC covers: fixed field order, LF after every line, no userbuf line when there is none. */
export function contentToSign(f: SignedFields): string {
  return (
    `TLS.identifier:${f.userId}\nTLS.sdkappid:${f.sdkAppId}\nTLS.time:${f.time}\nTLS.expire:${f.expire}\n` +
    (f.userbuf !== undefined ? `TLS.userbuf:${f.userbuf}\n` : '')
  );
}

export function hmacSha256(key: string | Buffer, content: string): Buffer {
  return createHmac('sha256', key).update(content, 'utf8').digest();
}

/** The JSON document in tls-sig-api-v2's key order and JSON.stringify's formatting, for byte identity. */
export function documentJson(f: SignedFields, sig: string): string {
  return (
    `{"TLS.ver":"2.0","TLS.identifier":${JSON.stringify(f.userId)},"TLS.sdkappid":${f.sdkAppId},"TLS.time":${f.time},"TLS.expire":${f.expire}` +
    (f.userbuf !== undefined ? `,"TLS.userbuf":"${f.userbuf}"` : '') +
    `,"TLS.sig":"${sig}"}`
  );
}
