// Tencent IM use cases: a user's account and online state (`im status`), and a test message through IM's own
// pipeline (`im send-test`) with the push result its callback reports. Findings are facts; src/present words them.
import type { AppConfig } from '../config/types.js';
import { UsageError } from '../errors.js';
import {
  ImRestError,
  checkAccount,
  queryOnlineStatus,
  sendTestMessage,
  type AccountStatus,
  type ImClient,
  type OnlineStatus,
  type PlatformStatus,
  type SentTest,
} from '../im/index.js';
import type { ImDetail, ImProblem } from '../im/rest-errors.js';
import { say } from '../text/index.js';
import type { ImEvent } from '../store/ports.js';
import type { Check, CheckDeps } from './check.js';
import { requireApp } from './refusal.js';

export const IM_VERDICTS = ['ONLINE', 'PUSH_ONLINE', 'OFFLINE', 'ACCOUNT_NOT_FOUND', 'IM_ERROR'] as const;
export type ImVerdict = (typeof IM_VERDICTS)[number];

/** A failed REST call as facts: never the URL, never the admin UserSig. */
export interface ImFailure {
  problem: ImProblem;
  api: string;
  code?: number;
  /** IM's own words (ErrorInfo), verbatim. */
  info?: string;
  /** What imops saw when IM said nothing: a timeout, an answer that is not JSON. */
  detail?: ImDetail;
}

export function imFailure(err: unknown): ImFailure {
  if (err instanceof ImRestError)
    return {
      problem: err.problem,
      api: err.api,
      ...(err.code !== undefined && { code: err.code }),
      ...(err.info && { info: err.info }),
      ...(err.detail && { detail: err.detail }),
    };
  throw err;
}

export interface ImStatusFinding {
  app: string;
  userId: string;
  account: AccountStatus | null;
  status: OnlineStatus | null;
  platforms: PlatformStatus[];
  verdict: ImVerdict;
  failure?: ImFailure;
}

export function requireIm(deps: CheckDeps, app: AppConfig): ImClient {
  const client = deps.im?.(app);
  if (!client) {
    throw new UsageError(
      say((t) => t.im.usage.noIm(app.name)),
      say((t) => t.im.usage.noImFix),
    );
  }
  return client;
}

/** account_check and query_online_status at once, folded into one verdict. */
export async function imStatus(client: ImClient, userId: string, signal?: AbortSignal): Promise<ImStatusFinding> {
  const [account, online] = await Promise.allSettled([checkAccount(client, userId, signal), queryOnlineStatus(client, userId, signal)]);
  const base = { app: client.app.name, userId, platforms: [] as PlatformStatus[] };
  const acc = account.status === 'fulfilled' ? account.value : null;
  const on = online.status === 'fulfilled' ? online.value : undefined;
  const status = on?.status ?? null;
  const platforms = on?.platforms ?? [];
  const notFound = (e: PromiseSettledResult<unknown>) => e.status === 'rejected' && e.reason instanceof ImRestError && e.reason.problem === 'account_not_found';
  if (acc === 'NotImported' || notFound(account) || (on && on.status === null && on.errorCode === 70107)) {
    return { ...base, account: acc === null && notFound(account) ? 'NotImported' : (acc ?? 'NotImported'), status: null, verdict: 'ACCOUNT_NOT_FOUND' };
  }
  // A configuration problem (admin, region, plan) shows on the first call that fails.
  for (const r of [account, online])
    if (r.status === 'rejected') return { ...base, account: acc, status, platforms, verdict: 'IM_ERROR', failure: imFailure(r.reason) };
  if (on && on.status === null) {
    return {
      ...base,
      account: acc,
      status: null,
      verdict: 'IM_ERROR',
      failure: { problem: 'unknown', api: 'openim/query_online_status', ...(on.errorCode !== undefined && { code: on.errorCode }) },
    };
  }
  const verdict: ImVerdict = status === 'Online' ? 'ONLINE' : status === 'PushOnline' ? 'PUSH_ONLINE' : 'OFFLINE';
  return { ...base, account: acc, status, platforms, verdict };
}

export interface ImStatusInput {
  app?: string;
  userId: string;
}

export const imStatusCheck: Check<ImStatusInput, { app: AppConfig; client: ImClient; userId: string }, ImStatusFinding> = {
  name: 'im.status',
  access: 'push.test',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare(deps, input) {
    const app = requireApp(deps.config, input.app);
    return { app, client: requireIm(deps, app), userId: input.userId };
  },
  run: (_deps, p) => imStatus(p.client, p.userId),
  audit: (p, f) => ({ app: p.app.name, target: p.userId, outcome: f.verdict }),
};

// send-test

/** The longest --wait imops accepts: IM reports a push within seconds, or not at all. */
export const MAX_WAIT_SECONDS = 120;
export const DEFAULT_WAIT_WITH_CALLBACKS = 10;
const POLL_MS = 250;

export interface PushReport {
  command: string;
  at: number;
  platform?: string;
  stage?: string;
  errCode?: number;
  errInfo?: string;
  ok: boolean;
}

export type SendTestFinding =
  | {
      kind: 'sent';
      app: string;
      userId: string;
      sent: SentTest;
      /** Seconds imops waited for IM's push callback (0: did not wait). */
      waited: number;
      /** What IM's callback said, when it came in time. */
      reports: PushReport[];
      callbacks: boolean;
    }
  | { kind: 'failed'; app: string; userId: string; failure: ImFailure };

export interface SendTestInput {
  app?: string;
  userId: string;
  /** Seconds; default 10 with a callback token, else 0. */
  wait?: number;
  words: { title: string; text: (stamp: string) => string };
  /** Called once the message is accepted, before waiting (the CLI says "sent, waiting…"). */
  onSent?: (sent: SentTest, wait: number) => void;
}

export function pushReport(e: ImEvent): PushReport {
  const d = e.data;
  const errCode = typeof d.ErrCode === 'number' ? d.ErrCode : undefined;
  return {
    command: e.command,
    at: e.at,
    ...(typeof d.PushPlatform === 'string' && { platform: d.PushPlatform }),
    ...(typeof d.PushStage === 'string' && { stage: d.PushStage }),
    ...(errCode !== undefined && { errCode }),
    ...(typeof d.ErrInfo === 'string' && d.ErrInfo !== '' && { errInfo: d.ErrInfo }),
    ok: errCode === undefined || errCode === 0,
  };
}

const matches = (e: ImEvent, sent: SentTest) =>
  (e.command === 'Push.OfflinePush' || e.command === 'Push.AllMemberPush') &&
  (e.data.MsgRandom === sent.msgRandom || (sent.msgKey !== undefined && e.data.MsgKey === sent.msgKey));

export const imSendTestCheck: Check<SendTestInput, Omit<SendTestInput, 'app'> & { app: AppConfig; client: ImClient; wait: number }, SendTestFinding> = {
  name: 'im.sendTest',
  access: 'push.test',
  rate: 'push.test',
  target: (i) => ({ app: i.app, target: i.userId }),
  prepare(deps, input) {
    const app = requireApp(deps.config, input.app);
    const client = requireIm(deps, app);
    const callbacks = app.im?.callbackToken !== undefined;
    const wait = input.wait ?? (callbacks ? DEFAULT_WAIT_WITH_CALLBACKS : 0);
    if (!Number.isFinite(wait) || wait < 0 || wait > MAX_WAIT_SECONDS) {
      throw new UsageError(
        say((t) => t.im.usage.waitOutOfRange(String(wait))),
        say((t) => t.im.usage.waitFix(MAX_WAIT_SECONDS)),
      );
    }
    return { ...input, app, client, wait };
  },
  async run(deps, p) {
    let sent: SentTest;
    try {
      sent = await sendTestMessage(p.client, p.userId, p.words, deps.now());
    } catch (err) {
      return { kind: 'failed', app: p.app.name, userId: p.userId, failure: imFailure(err) };
    }
    p.onSent?.(sent, p.wait);
    const callbacks = p.app.im?.callbackToken !== undefined;
    const reports: PushReport[] = [];
    if (p.wait > 0 && deps.events) {
      const until = Date.now() + p.wait * 1000;
      for (;;) {
        const found = (await deps.events.recent(p.app.name, p.userId, 50)).filter((e) => matches(e, sent));
        if (found.length > 0) {
          reports.push(...found.map(pushReport));
          break;
        }
        if (Date.now() >= until) break;
        await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, until - Date.now()))));
      }
    }
    return { kind: 'sent', app: p.app.name, userId: p.userId, sent, waited: p.wait, reports, callbacks };
  },
  audit: (p, f) => ({ app: p.app.name, target: p.userId, outcome: f.kind === 'sent' ? (f.reports.some((r) => !r.ok) ? 'push failed' : 'sent') : 'failed' }),
};
