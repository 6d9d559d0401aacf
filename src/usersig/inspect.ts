import { decodeUserSig, type ReadFields } from './decode.js';
import type { TimeWords } from '../text/time.js';
import { explain, type GeneratorKind, type InspectOutcome, type OutcomeWords } from './outcomes.js';
import { nowSeconds } from './time.js';
import type { DecodedFields, Inspection, UserSigFormat } from './types.js';

export interface InspectOptions {
  /** Unix seconds to judge "expired" at; default now. */
  now?: number;
}

/** What inspect found, as facts: the words come from a catalogue (src/text/<locale>/usersig.ts). */
export type DetectedInspection = InspectOutcome & {
  /** True when the text decoded into a complete document (v2, or a readable v1). */
  decoded: boolean;
  imErrorCode?: number;
  format?: UserSigFormat;
  kind?: 'userSig' | 'privateMapKey';
  generator?: GeneratorKind;
  fields: DecodedFields & {
    /** Relative to the inspection time; absent when the fields could not be read. */
    expired?: boolean;
  };
};

/** Decode a UserSig without a key: what it claims (app, user, times, room grant). Never throws; never asserts authenticity. */
export function detectInspection(userSig: string, options: InspectOptions = {}): DetectedInspection {
  try {
    return inspect(userSig, nowSeconds(options?.now));
  } catch (err) {
    return {
      decoded: false,
      verdict: 'MALFORMED',
      reason: 'unexpected_error',
      facts: { errorName: (err as Error)?.name ?? 'error', during: 'inspect' },
      fields: {},
    };
  }
}

/** The library's Inspection: the detected facts worded by a catalogue; `generators` names the likely generator. */
export function toInspection(d: DetectedInspection, words: OutcomeWords, generators: Record<GeneratorKind, string>, time: TimeWords): Inspection {
  const { cause, fix } = explain(words, d, time);
  const out: Inspection = { decoded: d.decoded, verdict: d.verdict, cause, fix };
  if (d.imErrorCode !== undefined) out.imErrorCode = d.imErrorCode;
  if (d.format) out.format = d.format;
  if (d.kind) out.kind = d.kind;
  if (d.generator) out.generator = generators[d.generator];
  const f = d.fields;
  if (f.sdkAppId !== undefined) out.sdkAppId = f.sdkAppId;
  if (f.userId !== undefined) out.userId = f.userId;
  if (f.generatedAt !== undefined) out.generatedAt = f.generatedAt;
  if (f.expiresAt !== undefined) out.expiresAt = f.expiresAt;
  if (f.expireSeconds !== undefined) out.expireSeconds = f.expireSeconds;
  if (f.expired !== undefined) out.expired = f.expired;
  if (f.privateMap !== undefined) out.privateMap = f.privateMap;
  return out;
}

function inspect(userSig: string, now: number): DetectedInspection {
  const d = decodeUserSig(userSig, { identify: true });
  if (!d.ok) {
    const { ok: _ok, imErrorCode, fields, format, generator, ...problem } = d;
    const base: DetectedInspection = { decoded: d.verdict === 'LEGACY_V1', ...problem, fields: {} };
    if (imErrorCode !== undefined) base.imErrorCode = imErrorCode;
    if (format) base.format = format;
    if (generator) base.generator = generator;
    return withFields(base, fields, now);
  }
  const { doc } = d;
  const expiresAt = doc.time + doc.expire;
  const grant = doc.privateMap;
  const claims = { signedAppId: doc.sdkAppId, userId: doc.userId, expiresAt, expired: now > expiresAt, secondsAway: Math.abs(expiresAt - now) };
  const outcome: InspectOutcome = grant
    ? {
        verdict: 'DECODED',
        reason: 'private_map_key',
        facts: {
          ...claims,
          room: grant.strRoomId !== undefined ? { strRoomId: grant.strRoomId } : { roomId: grant.roomId ?? 0 },
          privilegeNames: grant.privilegeNames,
        },
      }
    : { verdict: 'DECODED', reason: 'user_sig', facts: claims };
  const base: DetectedInspection = { decoded: true, ...outcome, format: 'v2', kind: grant ? 'privateMapKey' : 'userSig', fields: {} };
  if (d.generator) base.generator = d.generator;
  return withFields(base, d.fields, now);
}

function withFields(base: DetectedInspection, f: ReadFields | undefined, now: number): DetectedInspection {
  if (!f) return base;
  const fields = base.fields;
  if (f.sdkAppId !== undefined) fields.sdkAppId = f.sdkAppId;
  if (f.userId !== undefined) fields.userId = f.userId;
  if (f.generatedAt !== undefined) fields.generatedAt = f.generatedAt;
  if (f.expiresAt !== undefined) fields.expiresAt = f.expiresAt;
  if (f.expireSeconds !== undefined) fields.expireSeconds = f.expireSeconds;
  if (f.time !== undefined && f.expireSeconds !== undefined) fields.expired = now > f.time + f.expireSeconds;
  if (f.privateMap !== undefined) fields.privateMap = f.privateMap;
  return base;
}
