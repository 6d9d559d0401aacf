import { decodeUserSig, type ReadFields } from './decode.js';
import { nowSeconds, span, utc } from './time.js';
import type { Inspection } from './types.js';

export interface InspectOptions {
  /** Unix seconds to judge "expired" at; default now. */
  now?: number;
}

/** Decode a UserSig without a key: what it claims (app, user, times, room grant). Never throws; never asserts authenticity. */
export function inspectUserSig(userSig: string, options: InspectOptions = {}): Inspection {
  try {
    return inspect(userSig, nowSeconds(options?.now));
  } catch (err) {
    return { decoded: false, verdict: 'MALFORMED', cause: `The UserSig could not be decoded (${(err as Error)?.name ?? 'error'}).`, fix: 'Generate a new UserSig and try again.' };
  }
}

function inspect(userSig: string, now: number): Inspection {
  const d = decodeUserSig(userSig, { identify: true });
  if (!d.ok) {
    const base: Inspection = { decoded: d.verdict === 'LEGACY_V1', verdict: d.verdict, cause: d.cause, fix: d.fix };
    if (d.imErrorCode !== undefined) base.imErrorCode = d.imErrorCode;
    if (d.format) base.format = d.format;
    if (d.generator) base.generator = d.generator;
    return withFields(base, d.fields, now);
  }
  const { doc } = d;
  const expiresAt = doc.time + doc.expire;
  const grant = doc.privateMap;
  const state = now > expiresAt
    ? `expired ${span(now - expiresAt)} ago (${utc(expiresAt)})`
    : `expires ${utc(expiresAt)}, in ${span(expiresAt - now)}`;
  const what = grant
    ? `a TRTC PrivateMapKey for room ${grant.strRoomId !== undefined ? JSON.stringify(grant.strRoomId) : String(grant.roomId)} (${grant.privilegeNames.join(', ') || 'no privileges'})`
    : 'a v2 UserSig';
  const base: Inspection = {
    decoded: true,
    verdict: 'DECODED',
    cause: `This is ${what} for SDKAppID ${doc.sdkAppId} and UserID ${JSON.stringify(doc.userId)}; it ${state}. Without the app's key its signature is not checked.`,
    fix: `To check it is authentic and usable, run: imops usersig verify ${doc.userId.includes(' ') ? JSON.stringify(doc.userId) : doc.userId} <userSig>`,
    format: 'v2',
    kind: grant ? 'privateMapKey' : 'userSig',
  };
  if (d.generator) base.generator = d.generator;
  return withFields(base, d.fields, now);
}

function withFields(base: Inspection, f: ReadFields | undefined, now: number): Inspection {
  if (!f) return base;
  if (f.sdkAppId !== undefined) base.sdkAppId = f.sdkAppId;
  if (f.userId !== undefined) base.userId = f.userId;
  if (f.generatedAt !== undefined) base.generatedAt = f.generatedAt;
  if (f.expiresAt !== undefined) base.expiresAt = f.expiresAt;
  if (f.expireSeconds !== undefined) base.expireSeconds = f.expireSeconds;
  if (f.time !== undefined && f.expireSeconds !== undefined) base.expired = now > f.time + f.expireSeconds;
  if (f.privateMap !== undefined) base.privateMap = f.privateMap;
  return base;
}
