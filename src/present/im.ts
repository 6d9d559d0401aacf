// IM findings -> Reply / JSON: `im status`, `im send-test`, and the words of a failed REST call.
import type { ImFailure, ImStatusFinding, SendTestFinding } from '../checks/im.js';
import type { AppConfig } from '../config/types.js';
import type { ImDetail, PlatformStatus } from '../im/index.js';
import type { Catalogue } from '../text/en/index.js';
import { fields, text, type Action, type Block, type Reply, type Status } from './reply.js';

/** What imops saw itself when a call failed, in the reader's words. */
export function wordDetail(t: Catalogue, d: ImDetail): string {
  return (t.im.details[d.kind] as (d: ImDetail) => string)(d);
}

export function explainFailure(t: Catalogue, app: AppConfig, failure: ImFailure): { cause: string; fix: string } {
  const ctx = {
    app: app.name,
    sdkAppId: app.sdkAppId,
    admin: app.im?.admin ?? '',
    origin: app.im?.origin ?? '',
    ...(app.im?.region && { region: app.im.region }),
    api: failure.api,
    ...(failure.code !== undefined && { code: failure.code }),
    ...(failure.info && { info: failure.info }),
    ...(failure.detail && { seen: wordDetail(t, failure.detail) }),
  };
  const words = t.im.problems[failure.problem];
  return { cause: words.cause(ctx), fix: words.fix(ctx) };
}

/** Cause and fix of a status finding. */
export function explainStatus(t: Catalogue, app: AppConfig, f: ImStatusFinding): { cause: string; fix: string } {
  if (f.verdict === 'IM_ERROR') return explainFailure(t, app, f.failure ?? { problem: 'unknown', api: 'openim/query_online_status' });
  const v = t.im.verdicts[f.verdict];
  return { cause: withDevices(t, v.cause(f.userId), f.platforms), fix: v.fix };
}

/** A state's cause, followed by the multi-device caveat when one device is Online and another PushOnline. */
export function withDevices(t: Catalogue, cause: string, platforms: readonly PlatformStatus[]): string {
  const online = platforms.filter((p) => p.status === 'Online').map((p) => p.platform);
  const push = platforms.filter((p) => p.status === 'PushOnline').map((p) => p.platform);
  return online.length > 0 && push.length > 0 ? t.im.sentences(cause, t.im.multiDevice(online, push)) : cause;
}

const STATUS: Record<ImStatusFinding['verdict'], Status> = {
  ONLINE: 'info',
  PUSH_ONLINE: 'success',
  OFFLINE: 'failure',
  ACCOUNT_NOT_FOUND: 'failure',
  IM_ERROR: 'error',
};

export function statusJson(t: Catalogue, app: AppConfig, f: ImStatusFinding) {
  return {
    app: f.app,
    userId: f.userId,
    account: f.account,
    status: f.status,
    platforms: f.platforms,
    verdict: f.verdict,
    ...explainStatus(t, app, f),
    ...(f.failure?.code !== undefined && { imErrorCode: f.failure.code }),
  };
}

export function statusFields(t: Catalogue, f: Pick<ImStatusFinding, 'account' | 'status' | 'platforms'>): Block[] {
  const l = t.im.labels;
  const blocks: Block[] = [
    fields(
      [l.account, f.account === 'Imported' ? l.imported : f.account === 'NotImported' ? l.notImported : l.unknown],
      [l.status, f.status ? t.im.state(f.status) : l.unknown],
      [l.platforms, f.platforms.length ? t.im.platforms(f.platforms) : undefined],
    ),
  ];
  return blocks;
}

export function statusReply(t: Catalogue, app: AppConfig, f: ImStatusFinding, actions: Action[] = []): Reply {
  const { cause, fix } = explainStatus(t, app, f);
  return {
    status: STATUS[f.verdict],
    title: t.im.titles[f.verdict](f.userId),
    visibility: 'ephemeral',
    blocks: [fields([t.labels.app, `${app.name} (${app.sdkAppId})`]), ...statusFields(t, f)],
    cause,
    fix,
    ...(f.failure?.code !== undefined && { code: `IM ${f.failure.code}` }),
    ...(actions.length > 0 && { actions }),
  };
}

export function sendTestReply(t: Catalogue, app: AppConfig, f: SendTestFinding): Reply {
  const w = t.im.sendTest;
  if (f.kind === 'failed') {
    return {
      status: 'error',
      title: w.failedTitle(f.userId),
      visibility: 'ephemeral',
      blocks: [],
      ...explainFailure(t, app, f.failure),
      ...(f.failure.code !== undefined && { code: `IM ${f.failure.code}` }),
    };
  }
  const blocks: Block[] = [
    fields([w.labels.from, f.sent.from], [w.labels.text, f.sent.text], [w.labels.msgKey, f.sent.msgKey]),
    text(w.history(f.userId, f.sent.from)),
  ];
  const failed = f.reports.find((r) => !r.ok);
  let status: Status = 'success';
  let cause: string | undefined;
  let fix: string | undefined;
  if (f.reports.length > 0) {
    blocks.push({
      type: 'list',
      title: w.labels.result,
      items: f.reports.map((r) => (r.ok ? w.pushOk(r.platform ?? '?') : w.pushFailed(r.platform ?? '?', String(r.errCode ?? ''), r.errInfo ?? ''))),
    });
    if (failed) {
      status = 'failure';
      cause = w.pushFailed(failed.platform ?? '?', String(failed.errCode ?? ''), failed.errInfo ?? '');
      fix = w.pushFailedFix;
    }
  } else if (!f.callbacks) {
    status = 'info';
    cause = w.noCallbacks;
    fix = w.noCallbacksFix;
  } else if (f.waited > 0) {
    status = 'warning';
    cause = w.noReport(f.waited);
    fix = w.noReportFix;
  }
  return { status, title: w.sentTitle(f.userId), visibility: 'ephemeral', blocks, ...(cause && { cause }), ...(fix && { fix }) };
}

export function sendTestJson(t: Catalogue, app: AppConfig, f: SendTestFinding) {
  if (f.kind === 'failed') {
    return {
      app: f.app,
      userId: f.userId,
      ok: false,
      sent: false,
      ...explainFailure(t, app, f.failure),
      ...(f.failure.code !== undefined && { imErrorCode: f.failure.code }),
    };
  }
  const reply = sendTestReply(t, app, f);
  return {
    app: f.app,
    userId: f.userId,
    ok: f.reports.every((r) => r.ok),
    sent: true,
    from: f.sent.from,
    text: f.sent.text,
    msgRandom: f.sent.msgRandom,
    ...(f.sent.msgKey && { msgKey: f.sent.msgKey }),
    waited: f.waited,
    push: f.reports,
    ...(reply.cause && { cause: reply.cause }),
    ...(reply.fix && { fix: reply.fix }),
  };
}
