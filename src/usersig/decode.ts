/**
 * Decoding a pasted UserSig into its fields, one stage at a time, so the first stage that fails names the problem.
 * Shared by verify (which then checks app, user, HMAC and time) and inspect (which has no key). Never throws.
 */
import { decodeTencentBase64, gunzipBounded, hasZlibHeader, inflateBounded } from './codec.js';
import { decodeUserbuf } from './privmap.js';
import { isoOf, MAX_UNIX_SECONDS } from './time.js';
import type { DecodedFields, DecodeVerdict, PrivateMapInfo, UserSigFormat } from './types.js';

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

export type Decoded =
  | { ok: true; doc: V2Document; fields: ReadFields; generator?: string }
  | { ok: false; verdict: DecodeVerdict; cause: string; fix: string; imErrorCode?: number; fields?: ReadFields; format?: UserSigFormat; generator?: string };

const ALPHABET = /^[A-Za-z0-9*_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const REGENERATE = 'generate a new one (imops usersig gen) and pass it to the client unchanged';

function fail(verdict: DecodeVerdict, cause: string, fix: string, imErrorCode?: number, extra: Partial<Decoded & { ok: false }> = {}): Decoded {
  return { ok: false, verdict, cause, fix, ...(imErrorCode !== undefined ? { imErrorCode } : {}), ...extra };
}

export interface DecodeOptions {
  /** Name the library that likely produced it (inspect wants this; verify does not pay for it). */
  identify?: boolean;
}

export function decodeUserSig(input: unknown, options: DecodeOptions = {}): Decoded {
  if (typeof input !== 'string' || input.trim() === '') {
    return fail('EMPTY', 'The UserSig is empty: nothing but whitespace was given, so the client sent no credential.',
      'Check the code that passes the UserSig to login(): it is usually an unset variable, a failed fetch from your server, or a field read under the wrong name.', 70002);
  }
  const text = input.trim();
  if (text.length > MAX_INPUT_CHARS) {
    return fail('MALFORMED', `The text is ${text.length} characters long; a UserSig is a few hundred. This is not a single UserSig.`,
      'Paste only the UserSig string (it starts with "eJ").', 70003);
  }
  if (!ALPHABET.test(text)) return malformed(text);
  const pad = text.indexOf('_');
  if (pad !== -1 && (pad < text.length - 2 || !/^_+$/.test(text.slice(pad)))) {
    return fail('MALFORMED', `The UserSig has the padding character "_" at position ${pad + 1} of ${text.length}, in the middle: two UserSigs were pasted together, or text was appended to one.`,
      'Pass exactly one UserSig, unchanged; it ends at its last "_" if it has any.', 70003);
  }
  if (text.length % 4 !== 0) return misaligned(text);
  return decodeBytes(decodeTencentBase64(text), text.length, options.identify === true);
}

function malformed(text: string): Decoded {
  if (text.startsWith('{')) {
    const plain = parseObject(text);
    if (plain && isV1(plain)) return legacyV1(plain, 'v1-plain-json');
    if (plain && ('TLS.ver' in plain || 'TLS.sig' in plain)) {
      return fail('MALFORMED', 'This is the decoded JSON inside a UserSig, not the UserSig itself. The client must send the compressed, encoded string.',
        `Pass the UserSig string as generated (it starts with "eJ"); ${REGENERATE}.`, 70003, { fields: plain ? readFields(plain) : undefined });
    }
  }
  const i = text.search(/[^A-Za-z0-9*_-]/);
  const c = text[i]!;
  const at = `at position ${i + 1} of ${text.length}`;
  if (/^[+/=]$/.test(c)) {
    return fail('MALFORMED', `The UserSig contains "${c}" ${at}: it is in standard base64. Tencent's encoding uses "*", "-" and "_" instead of "+", "/" and "="; something converted it, or it was produced by code that skipped that substitution.`,
      'Pass the UserSig exactly as the official library returns it (or replace + with *, / with - and = with _). Do not re-encode it.', 70003);
  }
  if (c === '%' && /^%[0-9A-Fa-f]{2}/.test(text.slice(i))) {
    return fail('MALFORMED', `The UserSig contains "${text.slice(i, i + 3)}" ${at}: it was URL-encoded (perhaps twice). Its characters (*, -, _) are already safe in URLs.`,
      'URL-decode it once where it is received, or do not encode it when building the URL; then pass it on unchanged.', 70003);
  }
  if (/\s/.test(c)) {
    const what = c === ' ' ? 'a space' : c === '\t' ? 'a tab' : 'a line break';
    return fail('MALFORMED', `The UserSig contains ${what} ${at}: it was wrapped or split when it was copied (e-mail, chat, a terminal or a config file with line folding).`,
      'Join it back into one line without spaces, or copy it again from the source.', 70003);
  }
  if (c === '"' || c === "'" || c === '`') {
    return fail('MALFORMED', `The UserSig contains a quote ${at}: the quotes around it were copied or stored as part of the value.`,
      'Remove the quotes; store and send only the UserSig characters.', 70003);
  }
  const shown = c.charCodeAt(0) < 0x20 ? `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}` : `"${c}"`;
  return fail('MALFORMED', `The UserSig contains ${shown} ${at}, a character that never appears in a UserSig (only A-Z a-z 0-9 * - _). This is not a UserSig, or it was altered.`,
    `Check where the value comes from; ${REGENERATE}.`, 70003);
}

/** Length not a multiple of 4: either the padding was stripped (content intact) or the text was cut off. */
function misaligned(text: string): Decoded {
  if (text.length % 4 !== 1) {
    const attempt = decodeBytes(decodeTencentBase64(text), text.length);
    if (attempt.ok) {
      return fail('MALFORMED', `The trailing padding ("_") was removed from the UserSig (it is ${text.length} characters; a whole one is a multiple of 4). The content is intact, but the IM server decodes strictly and may reject it.`,
        'Keep the UserSig exactly as generated, including the trailing underscores (some URL or form handling strips them).', 70003, { fields: attempt.fields });
    }
  }
  return fail('TRUNCATED', `The UserSig was cut off: it is ${text.length} characters, which no whole UserSig can be (a multiple of 4). Usually a database column, buffer, URL or header limit dropped the end.`,
    `Find where it is stored or sent and make room for the full length (UserSigs are up to a few hundred characters); ${REGENERATE}.`, 70003);
}

function decodeBytes(bytes: Buffer, chars: number, identify = false): Decoded {
  if (bytes.length < 2) {
    return fail('TRUNCATED', `The UserSig is only ${chars} characters: almost everything is missing.`, `Pass the whole UserSig; ${REGENERATE}.`, 70003);
  }
  if (!hasZlibHeader(bytes)) return notZlib(bytes);
  const inflated = inflateBounded(bytes);
  if (!inflated.ok) {
    if (inflated.problem === 'truncated') {
      return fail('TRUNCATED', `The compressed data ends early: the UserSig was cut off after ${chars} characters (the text is well-formed, but the end is missing). Usually a database column, buffer, URL or header limit.`,
        `Make room for the full UserSig where it is stored or sent; ${REGENERATE}.`, 70003);
    }
    if (inflated.problem === 'too-large') {
      return fail('BAD_JSON', `The UserSig ${inflated.detail}; a real one inflates to a few hundred bytes. It is not a UserSig (possibly a deliberately hostile input).`,
        `Do not use it; ${REGENERATE}.`, 70003);
    }
    return fail('NOT_ZLIB', `The compressed data inside the UserSig is damaged (zlib: ${inflated.detail}): characters were changed after it was generated, or it is not a UserSig.`,
      `Pass the UserSig unchanged from where it was generated; ${REGENERATE}.`, 70003);
  }
  const out = inflated.bytes;
  let json: string;
  try {
    json = utf8.decode(out);
  } catch {
    return fail('BAD_JSON', 'The UserSig decompresses, but not into text: it is not a UserSig (or it was produced by broken code).', `${capitalize(REGENERATE)}.`, 70003);
  }
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) {
    return fail('BAD_JSON', `The UserSig decompresses to JSON nested more than ${MAX_JSON_DEPTH} levels deep; a real one is a flat object. It is not a UserSig (possibly a deliberately hostile input).`,
      `Do not use it; ${REGENERATE}.`, 70003);
  }
  const doc = parseObject(json);
  if (!doc) {
    const hint = /"TLS\.identifier":/.test(json)
      ? ' It looks like a UserSig whose UserID broke the JSON: the official C# library does not escape quotes or backslashes in the UserID.'
      : '';
    return fail('BAD_JSON', `The UserSig decompresses, but the content is not a JSON object.${hint}`,
      `Generate it with a library that escapes the JSON (imops, or the official Node, Go, Java or Python library) and use a UserID of letters, digits, _ and -.`, 70003);
  }
  return readDocument(doc, identify ? generatorOf(bytes, json) : undefined);
}

function notZlib(bytes: Buffer): Decoded {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const ok = gunzipBounded(bytes) !== undefined;
    return fail('NOT_ZLIB', `The UserSig is gzip-compressed${ok ? '' : ' (and damaged)'}; a UserSig must be zlib-compressed (a different header and trailer), which the IM server requires.`,
      'Compress with zlib (Node: zlib.deflateSync, not gzipSync; Python: zlib.compress), or use the official library or imops to generate it.', 70003);
  }
  if (bytes[0] === 0x7b /* { */) {
    return fail('NOT_ZLIB', 'The UserSig is base64-encoded JSON without compression; a UserSig must be zlib-compressed before encoding.',
      'Compress the JSON with zlib before encoding (Node: zlib.deflateSync), or use the official library or imops to generate it.', 70003);
  }
  const raw = inflateBounded(bytes, true);
  if (raw.ok && raw.bytes.length > 0 && raw.bytes[0] === 0x7b) {
    return fail('NOT_ZLIB', 'The UserSig is raw deflate without the zlib header and checksum (deflateRawSync or a bare DEFLATE stream); the IM server requires the zlib wrapper.',
      'Use zlib-wrapped deflate (Node: zlib.deflateSync, not deflateRawSync), or use the official library or imops to generate it.', 70003);
  }
  return fail('NOT_ZLIB', `The UserSig decodes, but to data that is not compressed with zlib (it starts with bytes ${bytes.subarray(0, 2).toString('hex')}, not 78). It is not a UserSig, or it was altered.`,
    `Check where the value comes from; ${REGENERATE}.`, 70003);
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

function legacyV1(doc: Json, format: UserSigFormat): Decoded {
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
  const plain = format === 'v1-plain-json' ? ' in its oldest, uncompressed JSON form' : '';
  return fail('LEGACY_V1', `This is a v1 UserSig${plain}: the ECDSA (public/private key) algorithm IM used before 2019-07-19. It cannot be checked with the app's HMAC key, and an app that uses the v2 key rejects it.`,
    'Generate UserSigs with the v2 (HMAC-SHA256) algorithm: imops usersig gen, or an official tls-sig-api-v2 library, with the key from the IM console. If the app still has only an ECDSA key pair, switch it to the new algorithm in the console first.',
    70009, { fields, format });
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

function readDocument(doc: Json, generator: string | undefined): Decoded {
  if (isV1(doc)) return { ...(legacyV1(doc, 'v1-ecdsa') as Decoded & { ok: false }), generator };
  const fields = readFields(doc);
  const missing = (problem: string, fix = `Generate it with an official tls-sig-api-v2 library or imops; ${REGENERATE}.`): Decoded =>
    fail('MISSING_FIELD', `The UserSig decodes, but ${problem}`, fix, 70005, { fields, format: 'v2', generator });
  const ver = doc['TLS.ver'];
  if (ver === undefined) return missing('it has no "TLS.ver" field, so it is neither a v2 UserSig nor a recognisable v1 one.');
  if (ver !== '2.0') return missing(`its "TLS.ver" is ${describe(ver)}; only "2.0" exists.`);
  const id = doc['TLS.identifier'];
  if (id === undefined) return missing('the UserID field "TLS.identifier" is missing.');
  if (typeof id !== 'string') return missing(`"TLS.identifier" is ${describe(id)}; it must be a string (the UserID).`);
  const app = doc['TLS.sdkappid'];
  if (app === undefined) return missing('the SDKAppID field "TLS.sdkappid" is missing.');
  if (!isUint(app, 0xffffffff)) return missing(`"TLS.sdkappid" is ${describe(app)}; it must be a number (the SDKAppID).`);
  const time = doc['TLS.time'];
  if (time === undefined) return missing('the signing time "TLS.time" is missing.');
  if (!isUint(time, MAX_UNIX_SECONDS)) return missing(`"TLS.time" is ${describe(time)}; it must be unix seconds as a number.`);
  const expire = doc['TLS.expire'];
  if (expire === undefined) {
    return missing('the validity "TLS.expire" is missing. The official Go library leaves it out when the validity is 0 (its JSON drops zero fields), and the IM server rejects that.',
      'Generate it with a positive validity (e.g. 15552000 seconds = 180 days); a validity of 0 is never usable.');
  }
  if (!isUint(expire, MAX_UNIX_SECONDS)) {
    return missing(`the validity "TLS.expire" is ${describe(expire)}; the IM server needs a whole number of seconds, not negative.`,
      'Generate it with a positive whole number of seconds (e.g. 15552000 = 180 days).');
  }
  const sigText = doc['TLS.sig'];
  if (sigText === undefined) return missing('the signature "TLS.sig" is missing.');
  if (typeof sigText !== 'string' || !STD_BASE64.test(sigText) || Buffer.byteLength(sigText) !== 44) {
    return missing(`the signature "TLS.sig" is ${typeof sigText === 'string' ? `${sigText.length} characters` : describe(sigText)}; a v2 signature is 44 characters of base64 (32 bytes).`);
  }
  const base: V2Document = { userId: id, sdkAppId: app, time, expire, sig: Buffer.from(sigText, 'base64') };
  const userbuf = doc['TLS.userbuf'];
  if (userbuf !== undefined) {
    if (typeof userbuf !== 'string' || !STD_BASE64.test(userbuf)) {
      return missing(`"TLS.userbuf" (the PrivateMapKey room grant) is ${typeof userbuf === 'string' ? 'not valid base64' : describe(userbuf)}.`);
    }
    const grant = decodeUserbuf(Buffer.from(userbuf, 'base64'));
    if (!grant.ok) return missing(`it carries a PrivateMapKey room grant ("TLS.userbuf") that cannot be read: ${grant.problem}.`);
    base.userbuf = userbuf;
    base.privateMap = grant.info;
    fields.privateMap = grant.info;
  }
  return { ok: true, doc: base, fields, generator };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}…` : v)}`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Which official library family wrote it: zlib level (78 9c default, 78 01 fastest or stored) and JSON layout. */
function generatorOf(bytes: Buffer, json: string): string | undefined {
  const header = bytes.subarray(0, 2).toString('hex');
  const order = [...json.matchAll(/"(TLS\.[a-z_]+)"\s*:/g)].map((m) => m[1]);
  const before = (a: string, b: string) => order.indexOf(a) !== -1 && order.indexOf(a) < order.indexOf(b);
  if (header === '7801') {
    if (before('TLS.sdkappid', 'TLS.identifier')) return 'the official C++ library (tls-sig-api-v2-cpp)';
    if ((bytes[2]! & 0x06) === 0) return 'the official Go library (tls-sig-api-v2-golang, 2024-11 or later: stored, uncompressed blocks)';
    return 'a zlib "fastest" encoder (C++ or Go library)';
  }
  if (header !== '789c') return undefined;
  if (json.includes('", "') || json.includes('": ')) return 'the official Python library (tls-sig-api-v2-python)';
  if (json.includes('\\/')) return 'the official PHP library (tls-sig-api-v2-php)';
  if (before('TLS.time', 'TLS.expire')) return 'the official Node.js library (tls-sig-api-v2) or imops';
  return 'an official library at the default zlib level (Java, C#, PHP or an older Go release)';
}

