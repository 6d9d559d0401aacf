// UserSig findings as replies.
import type { Explained, Generated, Inspected, PrivmapGenerated, Verified } from '../checks/usersig.js';
import type { Catalogue } from '../text/en/index.js';
import { explain, toImErrorInfo } from '../usersig/index.js';
import type { PrivateMapInfo } from '../usersig/types.js';
import { command, when, type Surface } from './common.js';
import { code, errorReply, fields, text, type Block, type Reply } from './reply.js';

const iso = (unix: number) => new Date(unix * 1000).toISOString();

export function generatedReply(t: Catalogue, g: Generated, nowMs: number): Reply {
  const L = t.labels;
  return {
    status: 'success',
    title: t.usersig.generatedTitle(g.userId),
    visibility: 'ephemeral',
    blocks: [
      code(g.userSig),
      fields(
        [L.sdkAppId, String(g.app.sdkAppId)],
        [L.userId, g.userId],
        [L.app, g.app.name],
        [L.generated, when(t, iso(g.generatedAt), nowMs)],
        [L.expires, when(t, iso(g.generatedAt + g.expireSeconds), nowMs)],
        [L.validity, t.time.span(g.expireSeconds)],
      ),
    ],
    footer: t.usersig.generatedFooter,
  };
}

function privateMapBlocks(t: Catalogue, pm: PrivateMapInfo | undefined, nowMs: number): Block[] {
  if (!pm) return [];
  const L = t.labels;
  return [
    fields(
      [L.room, pm.roomId !== undefined ? String(pm.roomId) : pm.strRoomId !== undefined ? L.stringRoom(pm.strRoomId) : undefined],
      [L.privileges, L.privilegesValue(pm.privileges, pm.privilegeNames)],
      [L.roomAccessExpires, when(t, pm.expiresAt, nowMs)],
    ),
  ];
}

export function verificationReply(t: Catalogue, f: Verified, nowMs: number): Reply {
  const v = f.verification;
  const d = v.fields;
  const L = t.labels;
  const blocks: Block[] = [
    fields(
      [L.verdict, v.verdict],
      [L.sdkAppId, d.sdkAppId !== undefined ? String(d.sdkAppId) : undefined],
      [L.userId, d.userId],
      [L.generated, when(t, d.generatedAt, nowMs)],
      [L.expires, when(t, d.expiresAt, nowMs)],
      [L.validity, d.expireSeconds !== undefined ? t.time.span(d.expireSeconds) : undefined],
      [L.checkedAgainst, L.checkedAgainstValue(f.app.name, f.userId)],
    ),
    ...privateMapBlocks(t, d.privateMap, nowMs),
  ];
  if (v.valid) return { status: 'success', title: t.usersig.validTitle(f.userId), visibility: 'ephemeral', blocks };
  return {
    status: 'failure',
    title: t.usersig.invalidTitle(v.verdict),
    visibility: 'ephemeral',
    blocks,
    ...explain(t.usersigVerdicts, v, t.time),
    ...(v.imErrorCode !== undefined && { code: `IM ${v.imErrorCode}` }),
  };
}

export function inspectionReply(t: Catalogue, f: Inspected, nowMs: number, surface: Surface = 'chat'): Reply {
  const i = f.inspection;
  const d = i.fields;
  const L = t.labels;
  const blocks: Block[] = [
    fields(
      [L.format, i.format],
      [L.kind, i.kind ? t.kinds[i.kind] : undefined],
      [L.sdkAppId, d.sdkAppId !== undefined ? `${d.sdkAppId}${f.configuredApp ? L.ofApp(f.configuredApp) : ''}` : undefined],
      [L.userId, d.userId],
      [L.generated, when(t, d.generatedAt, nowMs)],
      [L.expires, when(t, d.expiresAt, nowMs)],
      [L.validity, d.expireSeconds !== undefined ? t.time.span(d.expireSeconds) : undefined],
      [L.likelyGeneratedBy, i.generator ? t.usersigGenerators[i.generator] : undefined],
    ),
    ...privateMapBlocks(t, d.privateMap, nowMs),
    text(t.usersig.decodedNote(command(surface, 'usersig verify'))),
  ];
  const withCode = i.imErrorCode !== undefined ? { code: `IM ${i.imErrorCode}` } : {};
  if (!i.decoded)
    return {
      status: 'failure',
      title: t.usersig.cannotDecode(i.verdict),
      visibility: 'ephemeral',
      blocks,
      ...explain(t.usersigVerdicts, i, t.time),
      ...withCode,
    };
  if (d.expired)
    return {
      status: 'warning',
      title: t.usersig.decodedExpired(d.userId ?? '?'),
      visibility: 'ephemeral',
      blocks,
      ...explain(t.usersigVerdicts, i, t.time),
      code: 'IM 70001',
    };
  return { status: 'info', title: t.usersig.decoded(d.userId ?? '?'), visibility: 'ephemeral', blocks };
}

/** An error code's explanation holds nothing private, and is worth sharing with the channel. */
export function explainReply(t: Catalogue, e: Explained, clipRaw: (s: string) => string, surface: Surface = 'chat'): Reply {
  if (e.kind === 'not_a_code') {
    return errorReply(t.usersig.notACode.title, t.usersig.notACode.cause(clipRaw(e.raw)), t.usersig.notACode.fix, { visibility: 'public' });
  }
  if (e.kind === 'unknown') {
    return {
      status: 'warning',
      title: t.usersig.unknownCode.title(e.code),
      visibility: 'public',
      blocks: [],
      cause: t.usersig.unknownCode.cause,
      fix: t.usersig.unknownCode.fix,
    };
  }
  const info = toImErrorInfo(e.entry, t.imErrors);
  const system = info.source.startsWith('TRTC') ? 'TRTC' : 'IM';
  return {
    status: 'info',
    title: t.usersig.knownCode(system, e.code, info.name),
    visibility: 'public',
    blocks: [
      text(info.meaning),
      fields(
        [t.labels.reportedBy, t.usersig.errorSources[info.source]],
        [t.labels.checkWith, info.verdicts?.length ? t.labels.checkWithValue(command(surface, 'usersig verify'), info.verdicts) : undefined],
      ),
    ],
    cause: info.cause,
    fix: info.fix,
    code: `${system} ${e.code}`,
  };
}

export function privmapReply(t: Catalogue, p: PrivmapGenerated, nowMs: number): Reply {
  const i = p.inspection.fields;
  const L = t.labels;
  return {
    status: 'success',
    title: t.usersig.privmapTitle(p.userId),
    visibility: 'ephemeral',
    blocks: [
      code(p.privateMapKey),
      fields(
        [L.sdkAppId, String(p.app.sdkAppId)],
        [L.userId, p.userId],
        [L.app, p.app.name],
        [L.generated, when(t, i.generatedAt, nowMs)],
        [L.expires, when(t, i.expiresAt, nowMs)],
        [L.validity, i.expireSeconds !== undefined ? t.time.span(i.expireSeconds) : undefined],
      ),
      ...privateMapBlocks(t, i.privateMap, nowMs),
    ],
  };
}
