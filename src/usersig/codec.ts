/**
 * Tencent's "base64url" (standard base64 with `+`→`*`, `/`→`-`, `=`→`_`; not RFC 4648 base64url) and the zlib
 * envelope around a UserSig's JSON. Decompression is bounded: input from chat and HTTP is untrusted.
 */
import { deflateSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * A real UserSig inflates to a few hundred bytes (under 1 KiB with a PrivateMapKey's userbuf); anything near this
 * is hostile or not a UserSig. Kept small so that what an unauthenticated caller can make imops inflate and parse
 * costs about what garbage costs (64 KiB let 132 characters become JSON nested 32,700 deep: 8-12 ms to parse).
 */
export const MAX_INFLATED_BYTES = 4 * 1024;

// A small output chunk is about 30% faster for UserSig-sized documents and gives the same bytes.
const DEFLATE_OPTIONS = { chunkSize: 512 } as const;
const INFLATE_OPTIONS = { chunkSize: 512, maxOutputLength: MAX_INFLATED_BYTES } as const;

const TO_TENCENT: Record<string, string> = { '+': '*', '/': '-', '=': '_' };
const FROM_TENCENT: Record<string, string> = { '*': '+', '-': '/', _: '=' };

export function encodeTencentBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('base64')
    .replace(/[+/=]/g, (c) => TO_TENCENT[c]!);
}

/** Decodes without validating; callers check the alphabet and length first (see decode.ts). */
export function decodeTencentBase64(text: string): Buffer {
  return Buffer.from(
    text.replace(/[*\-_]/g, (c) => FROM_TENCENT[c]!),
    'base64',
  );
}

/** zlib-wrapped deflate at the default level: what the official Node library (and Python, Java, PHP) write. */
export function deflateDocument(json: string): Buffer {
  return deflateSync(Buffer.from(json, 'utf8'), DEFLATE_OPTIONS);
}

export type InflateResult = { ok: true; bytes: Buffer } | { ok: false; problem: 'truncated' | 'corrupt' | 'too-large'; detail: string };

/** Inflate a zlib stream, refusing output beyond MAX_INFLATED_BYTES (zlib stops as soon as the cap is hit). */
export function inflateBounded(bytes: Uint8Array, raw = false): InflateResult {
  const limit = Error.stackTraceLimit;
  // zlib reports bad input by throwing; capturing the stack is 3/4 of the cost, and hostile input is the common case here.
  Error.stackTraceLimit = 0;
  try {
    const out = raw ? inflateRawSync(bytes, INFLATE_OPTIONS) : inflateSync(bytes, INFLATE_OPTIONS);
    return { ok: true, bytes: out };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return { ok: false, problem: 'too-large', detail: `inflates to more than ${MAX_INFLATED_BYTES / 1024} KiB` };
    }
    if (e.code === 'Z_BUF_ERROR') return { ok: false, problem: 'truncated', detail: e.message };
    return { ok: false, problem: 'corrupt', detail: e.message };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Inflate a gzip member with the same bound; used only to name what a NOT_ZLIB input really is. */
export function gunzipBounded(bytes: Uint8Array): Buffer | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return gunzipSync(bytes, INFLATE_OPTIONS);
  } catch {
    return undefined;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** RFC 1950 header: CM = 8 (deflate), CINFO ≤ 7, and the 16-bit header is a multiple of 31. */
export function hasZlibHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 2) return false;
  const cmf = bytes[0]!;
  const flg = bytes[1]!;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
}
