// The three IM REST calls imops makes, as typed facts (reference/im-rest.md §2, §3.1, §4.1).
import { randomUint32, type ImClient, type ImEnvelope } from './client.js';
import { ImRestError } from './client.js';

export type AccountStatus = 'Imported' | 'NotImported';
export type OnlineStatus = 'Online' | 'PushOnline' | 'Offline';

export interface PlatformStatus {
  /** IM's own name: iPhone, Android, Web, PC, iPad, Mac. */
  platform: string;
  status: string;
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `im_open_login_svc/account_check` for one UserID. */
export async function checkAccount(client: ImClient, userId: string, signal?: AbortSignal): Promise<AccountStatus> {
  const api = 'im_open_login_svc/account_check';
  const res = await client.call<ImEnvelope & { ResultItem?: unknown }>(api, { CheckItem: [{ UserID: userId }] }, signal ? { signal } : {});
  const items = Array.isArray(res.ResultItem) ? (res.ResultItem as Record<string, unknown>[]) : [];
  const item = items.find((i) => i && i.UserID === userId);
  if (!item) throw new ImRestError('bad_response', api, undefined, undefined, { kind: 'no_result_item' });
  if (typeof item.ResultCode === 'number' && item.ResultCode !== 0) {
    throw new ImRestError(item.ResultCode === 70107 ? 'account_not_found' : 'unknown', api, item.ResultCode, asString(item.ResultInfo));
  }
  return item.AccountStatus === 'Imported' ? 'Imported' : 'NotImported';
}

export interface OnlineResult {
  /** Null when IM listed the UserID in ErrorList (70107: no such account). */
  status: OnlineStatus | null;
  platforms: PlatformStatus[];
  errorCode?: number;
}

/** `openim/query_online_status` with `IsNeedDetail: 1` for one UserID. */
export async function queryOnlineStatus(client: ImClient, userId: string, signal?: AbortSignal): Promise<OnlineResult> {
  const api = 'openim/query_online_status';
  const res = await client.call<ImEnvelope & { QueryResult?: unknown; ErrorList?: unknown }>(
    api,
    { IsNeedDetail: 1, To_Account: [userId] },
    signal ? { signal } : {},
  );
  const errors = Array.isArray(res.ErrorList) ? (res.ErrorList as Record<string, unknown>[]) : [];
  const err = errors.find((e) => e && e.To_Account === userId);
  if (err && typeof err.ErrorCode === 'number') return { status: null, platforms: [], errorCode: err.ErrorCode };
  const results = Array.isArray(res.QueryResult) ? (res.QueryResult as Record<string, unknown>[]) : [];
  const r = results.find((x) => x && x.To_Account === userId);
  const status = r?.Status;
  if (status !== 'Online' && status !== 'PushOnline' && status !== 'Offline') {
    throw new ImRestError('bad_response', api, undefined, undefined, { kind: 'no_status' });
  }
  const detail = Array.isArray(r?.Detail) ? (r.Detail as Record<string, unknown>[]) : [];
  const platforms = detail
    .filter((d) => d && typeof d.Platform === 'string' && typeof d.Status === 'string')
    .slice(0, 20)
    .map((d) => ({ platform: String(d.Platform), status: String(d.Status) }));
  return { status, platforms };
}

export interface SentTest {
  msgRandom: number;
  msgKey?: string;
  /** Unix seconds. */
  msgTime?: number;
  text: string;
  from: string;
}

/**
 * `openim/sendmsg` of a text message with OfflinePushInfo. MsgRandom and the text are unique per call, so IM's
 * 120 s de-duplication (sender + MsgSeq + MsgRandom + CRC32 of content) never swallows a repeat test;
 * `SyncOtherMachine: 2` keeps it off the sender's own devices.
 */
export async function sendTestMessage(
  client: ImClient,
  userId: string,
  words: { title: string; text: (stamp: string) => string },
  now: number,
  signal?: AbortSignal,
): Promise<SentTest> {
  const msgRandom = randomUint32();
  const text = words.text(`${new Date(now).toISOString().slice(11, 19)}Z #${msgRandom}`);
  const from = client.app.im.testSender;
  const res = await client.call<ImEnvelope & { MsgKey?: unknown; MsgTime?: unknown }>(
    'openim/sendmsg',
    {
      SyncOtherMachine: 2,
      From_Account: from,
      To_Account: userId,
      MsgRandom: msgRandom,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
      OfflinePushInfo: { PushFlag: 0, Title: words.title, Desc: text },
    },
    // Same MsgRandom and text on a retry: IM de-duplicates it, so one bounded retry never sends twice.
    signal ? { signal } : {},
  );
  return {
    msgRandom,
    text,
    from,
    ...(typeof res.MsgKey === 'string' && { msgKey: res.MsgKey }),
    ...(typeof res.MsgTime === 'number' && { msgTime: res.MsgTime }),
  };
}
