// Triage result -> Reply / JSON: the most likely cause first, then each check's finding.
import type { TriageFinding, TriageResult } from '../checks/triage.js';
import type { AppConfig } from '../config/types.js';
import type { Catalogue } from '../text/en/index.js';
import { explain } from '../usersig/index.js';
import { explainFailure, withDevices } from './im.js';
import { fields, text, type Action, type Block, type Reply, type Status } from './reply.js';

/** Cause and fix of one finding in the reader's language, times on the reader's clock. */
export function wordFinding(t: Catalogue, app: AppConfig, userId: string, f: TriageFinding): { cause: string; fix: string } {
  if (f.verdict === 'TIMEOUT') return t.triage.timeout(f.limitMs ?? 0);
  if (f.skipped) return t.triage.skipped[f.skipped];
  if (f.failure && f.verdict === 'IM_ERROR') return explainFailure(t, app, f.failure);
  if (f.check === 'online' && f.verdict !== 'IM_ERROR') {
    const v = t.im.verdicts[f.verdict as keyof Catalogue['im']['verdicts']];
    if (v) return { cause: withDevices(t, v.cause(userId), f.platforms ?? []), fix: f.ok ? '' : v.fix };
  }
  if (f.check === 'usersig' && f.usersig) {
    const { cause, fix } = explain(t.usersigVerdicts, f.usersig, t.time);
    return { cause, fix: f.ok ? '' : fix };
  }
  return t.triage.word(f, userId, t.time);
}

export function triageJson(t: Catalogue, app: AppConfig, r: TriageResult) {
  const findings = r.findings.map((f) => {
    const { elapsedMs, skipped, limitMs, usersig, ...facts } = f;
    const words = wordFinding(t, app, r.userId, f);
    return {
      ...facts,
      // The verification's codes and its words in the reader's language; never the UserSig itself.
      ...(usersig && {
        usersig: {
          verdict: usersig.verdict,
          reason: usersig.reason,
          ...explain(t.usersigVerdicts, usersig, t.time),
          ...(usersig.imErrorCode !== undefined && { imErrorCode: usersig.imErrorCode }),
          ...(usersig.fields.expiresAt !== undefined && { expiresAt: usersig.fields.expiresAt }),
        },
      }),
      ...words,
      elapsedMs,
      ...(skipped && { skipped }),
      ...(limitMs !== undefined && { limitMs }),
    };
  });
  const s = r.summary;
  const summary = s
    ? { verdict: s.verdict, check: s.check, ...wordFinding(t, app, r.userId, s) }
    : { verdict: 'NO_PROBLEM_FOUND', cause: t.triage.summaryNoneCause(r.userId), fix: t.triage.summaryNoneFix };
  return { app: r.app, userId: r.userId, summary, findings, elapsedMs: r.elapsedMs };
}

const level = (f: TriageFinding): Status => (f.verdict === 'TIMEOUT' || f.verdict === 'IM_ERROR' ? 'warning' : f.ok ? 'success' : 'failure');

function facts(t: Catalogue, f: TriageFinding): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [{ label: t.labels.verdict, value: f.verdict }];
  if (f.platforms?.length) out.push({ label: t.im.labels.platforms, value: t.im.platforms(f.platforms) });
  if (f.devices?.length) {
    out.push({ label: t.labels.device, value: t.triage.list(f.devices.slice(0, 5).map((d) => `${d.platform} ${d.certificateId} ${d.token}`)) });
  }
  if (f.events?.length) {
    const events = f.events
      .slice(0, 5)
      .map((x) => `${t.time.at(x.at)} ${x.action ?? x.command}${x.platform ? ` ${x.platform}` : ''}${x.push && !x.push.ok ? ` ${x.push.errCode ?? ''}` : ''}`);
    out.push({ label: t.triage.events, value: t.triage.list(events) });
  }
  return out;
}

export function triageReply(t: Catalogue, app: AppConfig, r: TriageResult, actions: Action[] = []): Reply {
  const s = r.summary;
  const head = s ? wordFinding(t, app, r.userId, s) : { cause: t.triage.summaryNoneCause(r.userId), fix: t.triage.summaryNoneFix };
  const blocks: Block[] = [fields([t.labels.app, `${app.name} (${app.sdkAppId})`], [t.labels.userId, r.userId])];
  for (const f of r.findings) {
    const w = wordFinding(t, app, r.userId, f);
    blocks.push({ type: 'item', status: level(f), title: t.triage.checks[f.check], fields: facts(t, f), cause: w.cause, ...(w.fix && { fix: w.fix }) });
  }
  blocks.push(text(t.triage.elapsed(r.elapsedMs)));
  return {
    status: s ? 'failure' : 'success',
    title: s ? t.triage.titleFound(r.userId, t.triage.checks[s.check], s.verdict) : t.triage.titleNone(r.userId),
    visibility: 'ephemeral',
    blocks,
    cause: head.cause,
    fix: head.fix,
    ...(s?.failure?.code !== undefined && { code: `IM ${s.failure.code}` }),
    ...(actions.length > 0 && { actions }),
  };
}
