// Fleet findings as replies: a sweep's verdict histogram (a bar chart in chat), an import's counts, the watch's
// alerts. Words from the catalogue.
import type { ImportFinding, ImportProblem } from '../checks/import.js';
import type { SweepFinding } from '../checks/sweep.js';
import type { WatchAlert, WatchFinding } from '../checks/watch.js';
import { platformList } from '../push/providers/index.js';
import type { Catalogue } from '../text/en/index.js';
import { inLocale } from '../text/words.js';
import { code, fields, text, type Block, type Reply } from './reply.js';
import { certificateLabel, platformName } from './push.js';

const IMPORT_REJECTIONS_SHOWN = 50;

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toString()}%`;

/** A compact bar chart of verdict counts, widest bar 20 cells, monospace. */
export function verdictChart(byVerdict: Partial<Record<string, number>>, width = 20): string {
  const rows = Object.entries(byVerdict)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const label = Math.max(...rows.map(([v]) => v.length), 0);
  const digits = Math.max(...rows.map(([, n]) => String(n).length), 0);
  return rows
    .map(([v, n]) => `${v.padEnd(label)}  ${'█'.repeat(Math.max(1, Math.round((n / max) * width))).padEnd(width)}  ${String(n).padStart(digits)}`)
    .join('\n');
}

export function sweepReply(t: Catalogue, f: SweepFinding): Reply {
  const S = t.sweep;
  const L = S.labels;
  const cert = f.certificate.id;
  const counted = f.tested - (f.byVerdict.RATE_LIMITED ?? 0);
  const failed = Math.round(f.failureRate * counted);
  if (f.sampled === 0) {
    return {
      status: 'warning',
      title: S.title.empty(cert),
      visibility: 'ephemeral',
      blocks: [fields([L.app, f.app.name], [L.certificate, certificateLabel(t, f.app, cert)])],
      cause: S.noDevicesCause(cert, f.app.name),
      fix: S.noDevicesFix,
    };
  }
  const blocks: Block[] = [
    fields(
      [L.app, f.app.name],
      [L.certificate, certificateLabel(t, f.app, cert)],
      [L.mode, S.mode[f.mode] ?? f.mode],
      [L.sampled, S.sampledValue(f.sampled, f.sample)],
      [L.tested, String(f.tested)],
      [L.failureRate, S.rateValue(failed, counted, pct(f.failureRate))],
      [L.pruned, f.pruned > 0 ? String(f.pruned) : undefined],
      [L.elapsed, S.elapsedValue(f.elapsedMs)],
    ),
    code(verdictChart(f.byVerdict)),
  ];
  const examples = Object.entries(f.examples).filter(([v]) => v !== 'DELIVERED');
  if (examples.length > 0)
    blocks.push({ type: 'list', title: L.examples, items: examples.map(([v, tokens]) => `${v}: ${t.pushWords.common.list(tokens ?? [])}`) });
  for (const r of f.explanations) {
    blocks.push({
      type: 'item',
      status: 'failure',
      title: S.verdictItem(r.verdict, f.byVerdict[r.verdict] ?? 0),
      fields: [],
      cause: inLocale(r.cause, t),
      fix: inLocale(r.fix, t),
    });
  }
  if (f.untested > 0) blocks.push(text(S.untestedNote(f.untested, Math.round(f.budgetMs / 1000))));
  if (f.rateLimitedAnswers > 0) blocks.push(text(S.rateLimitedNote(f.rateLimitedAnswers)));
  if (f.pruned > 0) blocks.push(text(S.prunedNote(f.pruned)));
  else if ((f.byVerdict.TOKEN_UNREGISTERED ?? 0) > 0) blocks.push(text(S.pruneHint(f.byVerdict.TOKEN_UNREGISTERED ?? 0)));
  return {
    status: f.failing ? 'failure' : failed > 0 ? 'warning' : 'success',
    title: f.failing ? S.title.failed(cert, pct(f.failureRate), pct(f.maxFailureRate)) : S.title.passed(cert, pct(f.failureRate), counted),
    visibility: 'ephemeral',
    blocks,
    cause: f.failing ? S.failedCause(pct(f.failureRate), pct(f.maxFailureRate)) : S.passedCause(pct(f.failureRate)),
    ...(f.failing && { fix: S.worstFix }),
  };
}

export function importProblem(t: Catalogue, p: ImportProblem): string {
  const P = t.importDevices.problem;
  switch (p.kind) {
    case 'not_json':
      return P.not_json;
    case 'not_object':
      return P.not_object;
    case 'too_long':
      return P.too_long(p.max);
    case 'missing':
      return P.missing(p.field);
    case 'not_string':
      return P.not_string(p.field, p.max);
    case 'platform':
      return P.platform(p.value, platformList(t));
    case 'environment':
      return P.environment(p.value);
    case 'last_seen':
      return P.last_seen(p.value);
  }
}

export function importReply(t: Catalogue, f: ImportFinding): Reply {
  const I = t.importDevices;
  const blocks: Block[] = [];
  if (f.withWarnings > 0) blocks.push(text(I.warningsNote(f.withWarnings)));
  if (f.rejected.length > 0) {
    // A terminal shows the first ones; --json lists them all.
    const shown = f.rejected.slice(0, IMPORT_REJECTIONS_SHOWN);
    blocks.push({
      type: 'list',
      title: I.rejectedTitle(f.rejectedCount, shown.length),
      items: shown.map((r) => I.rejectedLine(r.line, importProblem(t, r.problem))),
    });
  }
  return {
    status: f.rejectedCount > 0 ? 'failure' : 'success',
    title: I.title(f.stored, f.updated, f.rejectedCount),
    visibility: 'ephemeral',
    blocks,
    ...(f.rejectedCount > 0 && { cause: I.rejectedCause, fix: I.rejectedFix }),
  };
}

/** An alert's cause and fix (the `watch --once --json` fields and the chat post). */
export function alertWords(t: Catalogue, a: WatchAlert): { cause: string; fix: string } {
  const W = t.watch;
  const f = a.facts;
  switch (f.kind) {
    case 'expiring':
      return { cause: W.expiringCause(f.expiresAt.slice(0, 10), f.days), fix: W.expiringFix };
    case 'credential':
      return { cause: inLocale(f.problem, t), fix: inLocale(f.fix, t) };
    case 'failure_rate':
      return {
        cause: W.failureCause(pct(f.failureRate), f.failed, f.counted, pct(f.maxFailureRate), a.verdict, f.cause && inLocale(f.cause, t)),
        fix: W.failureFix(f.fix && inLocale(f.fix, t), a.certificateId, f.unregistered),
      };
    case 'recovered':
      return { cause: W.recoveredCause(W.condition[f.condition], f.previousVerdict), fix: W.recoveredFix };
  }
}

export function alertTitle(t: Catalogue, a: WatchAlert): string {
  const T = t.watch.alertTitle;
  const f = a.facts;
  switch (f.kind) {
    case 'expiring':
      return T.expiring(a.certificateId, f.days);
    case 'credential':
      return T.credential(a.certificateId, a.verdict);
    case 'failure_rate':
      return T.failure_rate(a.certificateId, pct(f.failureRate));
    case 'recovered':
      return T.recovered(a.certificateId, t.watch.condition[f.condition]);
  }
}

/** What the watch posts to a channel: public (it names a certificate, never a user's device). */
export function alertReply(t: Catalogue, a: WatchAlert): Reply {
  const { cause, fix } = alertWords(t, a);
  return {
    status: a.kind === 'recovered' ? 'success' : a.kind === 'expiring' ? 'warning' : 'failure',
    title: alertTitle(t, a),
    visibility: 'public',
    blocks: [fields([t.watch.appLabel, a.app], [t.watch.platformLabel, platformName(t, a.platform)], [t.watch.verdictLabel, a.verdict])],
    cause,
    fix,
  };
}

/** `imops watch --once --json`. */
export function watchJson(t: Catalogue, f: WatchFinding) {
  return {
    alerts: f.alerts.map((a) => ({ certificateId: a.certificateId, kind: a.kind, verdict: a.verdict, ...alertWords(t, a) })),
  };
}

export function watchTerminal(t: Catalogue, f: WatchFinding): Reply {
  const W = t.watch;
  if (!f.ran) return { status: 'warning', title: W.roundSkipped, visibility: 'ephemeral', blocks: [] };
  const blocks: Block[] = f.alerts.map((a) => {
    const { cause, fix } = alertWords(t, a);
    return { type: 'item', status: a.kind === 'recovered' ? 'success' : 'failure', title: alertTitle(t, a), fields: [], cause, fix };
  });
  blocks.push({
    type: 'list',
    title: W.certificatesTitle,
    items: f.certificates.map((c) =>
      W.roundCertificate(
        `${c.app}/${c.certificateId}`,
        t.pushWords.common.credentialState[c.credential],
        c.sweep && c.sweep.tested > 0 ? pct(c.sweep.failureRate) : undefined,
      ),
    ),
  });
  return {
    status: f.alerts.some((a) => a.kind !== 'recovered') ? 'failure' : 'success',
    title: W.roundTitle(f.alerts.length),
    visibility: 'ephemeral',
    blocks,
  };
}
