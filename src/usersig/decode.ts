/**
 * Decoding a pasted UserSig into its fields, one stage at a time, so the first stage that fails names the problem.
 * Shared by verify (which then checks app, user, HMAC and time) and inspect (which has no key). Never throws.
 * A failure is a verdict, a reason and its facts (outcomes.ts); the words are in src/text/<locale>/usersig.ts.
 */
import { decodeTencentBase64, gunzipBounded, hasZlibHeader, inflateBounded, MAX_INFLATED_BYTES } from './codec.js';
import type { DecodeProblem, GeneratorKind, JsonValue } from './outcomes.js';
import { decodeUserbuf } from './privmap.js';
import { isoOf, MAX_UNIX_SECONDS } from './time.js';
import type { DecodedFields, PrivateMapInfo, UserSigFormat } from './types.js';

/** A UserSig is 150-400 characters, a PrivateMapKey a little more; longer input is refused before any work. */
export const MAX_INPUT_CHARS = 8192;

export interface ReadFields extends DecodedFields {
  /** Raw unix seconds, for time checks. */
  time?: number;
}

export interface V2Document {
  userId: string;
  sdkAppId: number;
  time: number;
  expire: number;
  sig: Buffer;
  userbuf?: string;
  privateMap?: PrivateMapInfo;
}

/** What a failed stage could still read, for display. */
interface DecodeExtra {
  fields?: ReadFields;
  format?: UserSigFormat;
  generator?: GeneratorKind | undefined;
}

export type DecodeFailure = DecodeProblem & DecodeExtra & { ok: false; imErrorCode?: number };

export type Decoded = { ok: true; doc: V2Document; fields: ReadFields; generator?: GeneratorKind | undefined } | DecodeFailure;

const ALPHABET = /^[A-Za-z0-9*_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(problem: DecodeProblem, imErrorCode?: number, extra: DecodeExtra = {}): DecodeFailure {
  return { ok: false, ...problem, ...(imErrorCode !== undefined ? { imErrorCode } : {}), ...extra };
}

export interface DecodeOptions {
  /** Name the library that likely produced it (inspect wants this; verify does not pay for it). */
  identify?: boolean;
}

export function decodeUserSig(input: unknown, options: DecodeOptions = {}): Decoded {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail({ verdict: 'EMPTY', reason: 'blank', facts: {} }, 70002);
  }
  const text = input.trim();
  if (text.length > MAX_INPUT_CHARS) {
    return fail({ verdict: 'MALFORMED', reason: 'too_long', facts: { length: text.length } }, 70003);
  }
  if (!ALPHABET.test(text)) return malformed(text);
  const pad = text.indexOf('_');
  if (pad !== -1 && (pad < text.length - 2 || !/^_+$/.test(text.slice(pad)))) {
    return fail({ verdict: 'MALFORMED', reason: 'padding_inside', facts: { position: pad + 1, length: text.length } }, 70003);
  }
  if (text.length % 4 !== 0) return misaligned(text);
  return decodeBytes(decodeTencentBase64(text), text.length, options.identify === true);
}

function malformed(text: string): Decoded {
  if (text.startsWith('{')) {
    const plain = parseObject(text);
    if (plain && isV1(plain)) return legacyV1(plain, 'v1-plain-json');
    if (plain && ('TLS.ver' in plain || 'TLS.sig' in plain)) {
      return fail({ verdict: 'MALFORMED', reason: 'decoded_json', facts: {} }, 70003, { fields: readFields(plain) });
    }
  }
  const i = text.search(/[^A-Za-z0-9*_-]/);
  const c = text[i]!;
  const at = { position: i + 1, length: text.length };
  if (/^[+/=]$/.test(c)) return fail({ verdict: 'MALFORMED', reason: 'standard_base64', facts: { ...at, char: c } }, 70003);
  if (c === '%' && /^%[0-9A-Fa-f]{2}/.test(text.slice(i))) {
    return fail({ verdict: 'MALFORMED', reason: 'url_encoded', facts: { ...at, escape: text.slice(i, i + 3) } }, 70003);
  }
  if (/\s/.test(c)) {
    const whitespace = c === ' ' ? 'space' : c === '\t' ? 'tab' : 'line_break';
    return fail({ verdict: 'MALFORMED', reason: 'inner_space', facts: { ...at, whitespace } }, 70003);
  }
  if (c === '"' || c === "'" || c === '`') return fail({ verdict: 'MALFORMED', reason: 'quoted', facts: at }, 70003);
  return fail({ verdict: 'MALFORMED', reason: 'foreign_char', facts: { ...at, char: c } }, 70003);
}

/** Length not a multiple of 4: either the padding was stripped (content intact) or the text was cut off. */
function misaligned(text: string): Decoded {
  if (text.length % 4 !== 1) {
    const attempt = decodeBytes(decodeTencentBase64(text), text.length);
    if (attempt.ok) {
      return fail({ verdict: 'MALFORMED', reason: 'padding_stripped', facts: { length: text.length } }, 70003, { fields: attempt.fields });
    }
  }
  return fail({ verdict: 'TRUNCATED', reason: 'text_short', facts: { length: text.length } }, 70003);
}

function decodeBytes(bytes: Buffer, chars: number, identify = false): Decoded {
  if (bytes.length < 2) {
    return fail({ verdict: 'TRUNCATED', reason: 'almost_empty', facts: { length: chars } }, 70003);
  }
  if (!hasZlibHeader(bytes)) return notZlib(bytes);
  const inflated = inflateBounded(bytes);
  if (!inflated.ok) {
    if (inflated.problem === 'truncated') {
      return fail({ verdict: 'TRUNCATED', reason: 'stream_ends_early', facts: { length: chars } }, 70003);
    }
    if (inflated.problem === 'too-large') {
      return fail({ verdict: 'BAD_JSON', reason: 'too_large', facts: { maxKiB: MAX_INFLATED_BYTES / 1024 } }, 70003);
    }
    return fail({ verdict: 'NOT_ZLIB', reason: 'damaged_stream', facts: { zlibError: inflated.detail } }, 70003);
  }
  const out = inflated.bytes;
  let json: string;
  try {
    json = utf8.decode(out);
  } catch {
    return fail({ verdict: 'BAD_JSON', reason: 'not_text', facts: {} }, 70003);
  }
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) {
    return fail({ verdict: 'BAD_JSON', reason: 'too_deep', facts: { maxDepth: MAX_JSON_DEPTH } }, 70003);
  }
  const doc = parseObject(json);
  if (!doc) {
    // The official C# library does not escape quotes or backslashes in the UserID.
    const reason = /"TLS\.identifier":/.test(json) ? 'unescaped_userid' : 'not_object';
    return fail({ verdict: 'BAD_JSON', reason, facts: {} }, 70003);
  }
  return readDocument(doc, identify ? generatorOf(bytes, json) : undefined);
}

function notZlib(bytes: Buffer): Decoded {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return fail({ verdict: 'NOT_ZLIB', reason: 'gzip', facts: { damaged: gunzipBounded(bytes) === undefined } }, 70003);
  }
  if (bytes[0] === 0x7b /* { */) {
    return fail({ verdict: 'NOT_ZLIB', reason: 'uncompressed_json', facts: {} }, 70003);
  }
  const raw = inflateBounded(bytes, true);
  if (raw.ok && raw.bytes.length > 0 && raw.bytes[0] === 0x7b) {
    return fail({ verdict: 'NOT_ZLIB', reason: 'raw_deflate', facts: {} }, 70003);
  }
  return fail({ verdict: 'NOT_ZLIB', reason: 'not_compressed', facts: { firstBytes: bytes.subarray(0, 2).toString('hex') } }, 70003);
}

type Json = Record<string, unknown>;

/** A UserSig's JSON is one flat object (a PrivateMapKey's too); deeper nesting is refused before JSON.parse. */
const MAX_JSON_DEPTH = 8;

/** Whether objects and arrays in `text` nest deeper than `max`, in one pass that ignores brackets inside strings. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

function parseObject(text: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

const V1_MARKERS = ['TLS.sdk_appid', 'TLS.expire_after', 'TLS.version', 'TLS.account_type', 'TLS.appid_at_3rd'];

function isV1(doc: Json): boolean {
  if (doc['TLS.ver'] === '2.0') return false;
  if (V1_MARKERS.some((k) => k in doc)) return true;
  const sig = doc['TLS.sig'];
  if (typeof sig === 'string' && doc['TLS.ver'] === undefined) {
    const raw = Buffer.from(sig, 'base64');
    return raw.length > 32 && raw[0] === 0x30;
  }
  return false;
}

function legacyV1(doc: Json, format: UserSigFormat): DecodeFailure {
  const int = (v: unknown) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);
  const sdkAppId = int(doc['TLS.sdk_appid']);
  const expire = int(doc['TLS.expire_after']);
  let time = int(doc['TLS.time']);
  if (time === undefined && typeof doc['TLS.time'] === 'string') {
    const t = Date.parse(doc['TLS.time']);
    if (Number.isFinite(t)) time = Math.floor(t / 1000);
  }
  const fields: ReadFields = {
    ...(sdkAppId !== undefined ? { sdkAppId } : {}),
    ...(typeof doc['TLS.identifier'] === 'string' ? { userId: doc['TLS.identifier'] } : {}),
    ...(time !== undefined ? { time, generatedAt: isoOf(time) } : {}),
    ...(expire !== undefined ? { expireSeconds: expire } : {}),
    ...(time !== undefined && expire !== undefined ? { expiresAt: isoOf(time + expire) } : {}),
  };
  return fail({ verdict: 'LEGACY_V1', reason: format === 'v1-plain-json' ? 'plain_json' : 'ecdsa', facts: {} }, 70009, { fields, format });
}

/** Best effort: whatever the document holds with the right type, for display even when something else is wrong. */
function readFields(doc: Json): ReadFields {
  const f: ReadFields = {};
  const id = doc['TLS.identifier'];
  if (typeof id === 'string') f.userId = id;
  const app = doc['TLS.sdkappid'];
  if (isUint(app, 0xffffffff)) f.sdkAppId = app;
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  if (isUint(time, MAX_UNIX_SECONDS)) {
    f.time = time;
    f.generatedAt = isoOf(time);
  }
  if (isUint(expire, MAX_UNIX_SECONDS)) {
    f.expireSeconds = expire;
    if (f.time !== undefined) f.expiresAt = isoOf(f.time + expire);
  }
  return f;
}

function isUint(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}

const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function readDocument(doc: Json, generator: GeneratorKind | undefined): Decoded {
  if (isV1(doc)) return { ...legacyV1(doc, 'v1-ecdsa'), generator };
  const fields = readFields(doc);
  const missing = (problem: DecodeProblem & { verdict: 'MISSING_FIELD' }): Decoded => fail(problem, 70005, { fields, format: 'v2', generator });
  const ver = doc['TLS.ver'];
  if (ver === undefined) return missing({ verdict: 'MISSING_FIELD', reason: 'no_version', facts: {} });
  if (ver !== '2.0') return missing({ verdict: 'MISSING_FIELD', reason: 'bad_version', facts: { value: describe(ver) } });
  const id = doc['TLS.identifier'];
  if (id === undefined) return missing({ verdict: 'MISSING_FIELD', reason: 'no_identifier', facts: {} });
  if (typeof id !== 'string') return missing({ verdict: 'MISSING_FIELD', reason: 'bad_identifier', facts: { value: describe(id) } });
  const app = doc['TLS.sdkappid'];
  if (app === undefined) return missing({ verdict: 'MISSING_FIELD', reason: 'no_sdkappid', facts: {} });
  if (!isUint(app, 0xffffffff)) return missing({ verdict: 'MISSING_FIELD', reason: 'bad_sdkappid', facts: { value: describe(app) } });
  const time = doc['TLS.time'];
  if (time === undefined) return missing({ verdict: 'MISSING_FIELD', reason: 'no_time', facts: {} });
  if (!isUint(time, MAX_UNIX_SECONDS)) return missing({ verdict: 'MISSING_FIELD', reason: 'bad_time', facts: { value: describe(time) } });
  const expire = doc['TLS.expire'];
  // The official Go library leaves TLS.expire out when the validity is 0 (its JSON drops zero fields).
  if (expire === undefined) return missing({ verdict: 'MISSING_FIELD', reason: 'no_expire', facts: {} });
  if (!isUint(expire, MAX_UNIX_SECONDS)) return missing({ verdict: 'MISSING_FIELD', reason: 'bad_expire', facts: { value: describe(expire) } });
  const sigText = doc['TLS.sig'];
  if (sigText === undefined) return missing({ verdict: 'MISSING_FIELD', reason: 'no_sig', facts: {} });
  if (typeof sigText !== 'string' || !STD_BASE64.test(sigText) || Buffer.byteLength(sigText) !== 44) {
    return missing({ verdict: 'MISSING_FIELD', reason: 'bad_sig', facts: { value: describe(sigText) } });
  }
  const base: V2Document = { userId: id, sdkAppId: app, time, expire, sig: Buffer.from(sigText, 'base64') };
  const userbuf = doc['TLS.userbuf'];
  if (userbuf !== undefined) {
    if (typeof userbuf !== 'string' || !STD_BASE64.test(userbuf)) {
      return missing({ verdict: 'MISSING_FIELD', reason: 'bad_userbuf', facts: { value: describe(userbuf) } });
    }
    const grant = decodeUserbuf(Buffer.from(userbuf, 'base64'));
    if (!grant.ok) return missing({ verdict: 'MISSING_FIELD', reason: 'unreadable_userbuf', facts: { problem: grant.problem } });
    base.userbuf = userbuf;
    base.privateMap = grant.info;
    fields.privateMap = grant.info;
  }
  return { ok: true, doc: base, fields, generator };
}

/** A value from parsed JSON, as data for the words. */
function describe(v: unknown): JsonValue {
  if (v === null) return { type: 'null' };
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'number') return { type: 'number', value: v };
  if (typeof v === 'boolean') return { type: 'boolean' };
  return Array.isArray(v) ? { type: 'list' } : { type: 'object' };
}

/** Which official library family wrote it: zlib level (78 9c default, 78 01 fastest or stored) and JSON layout. */
function generatorOf(bytes: Buffer, json: string): GeneratorKind | undefined {
  const header = bytes.subarray(0, 2).toString('hex');
  const order = [...json.matchAll(/"(TLS\.[a-z_]+)"\s*:/g)].map((m) => m[1]);
  const before = (a: string, b: string) => order.indexOf(a) !== -1 && order.indexOf(a) < order.indexOf(b);
  if (header === '7801') {
    if (before('TLS.sdkappid', 'TLS.identifier')) return 'cpp';
    if ((bytes[2]! & 0x06) === 0) return 'go_stored';
    return 'zlib_fastest';
  }
  if (header !== '789c') return undefined;
  if (json.includes('", "') || json.includes('": ')) return 'python';
  if (json.includes('\\/')) return 'php';
  if (before('TLS.time', 'TLS.expire')) return 'node';
  return 'default_level';
}
