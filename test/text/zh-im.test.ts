/**
 * The zh-CN words for Tencent IM (REST problems, online states, send-test) and triage: Chinese sentences that keep
 * every placeholder (UserIDs, SDKAppIDs, codes, APIs, times) as data and carry no English prose.
 */
import { describe, expect, it } from 'vitest';
import type { CheckDeps } from '../../src/checks/check.js';
import { imSendTestCheck, requireIm } from '../../src/checks/im.js';
import { triageCheck, type TriageFinding } from '../../src/checks/triage.js';
import type { AppConfig, Config } from '../../src/config/types.js';
import { UsageError } from '../../src/errors.js';
import { IM_PROBLEMS, type ImDetail } from '../../src/im/rest-errors.js';
import { createLogger } from '../../src/log.js';
import { explainFailure, explainStatus, statusFields, statusReply } from '../../src/present/im.js';
import type { Block } from '../../src/present/reply.js';
import { triageJson, triageReply } from '../../src/present/triage.js';
import type { EventLog, ImEvent } from '../../src/store/ports.js';
import { catalogue, inLocale } from '../../src/text/index.js';
import { generateUserSig } from '../../src/usersig/index.js';
import { chinese, english } from './english.js';
import type { ImProblemContext } from '../../src/text/en/im.js';
import { im } from '../../src/text/zh-CN/im.js';
import { triage } from '../../src/text/zh-CN/triage.js';

const CJK = /[\u4e00-\u9fff]/;
const STOP = /[。！？][)"”」）]?$/;

/** Runs of three or more English words outside `code` and quotes: English prose, not a name or a code. */
function englishRuns(s: string): string[] {
  const bare = s
    .replace(/`[^`]*`/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ');
  return bare.match(/\b[A-Za-z][A-Za-z'’]*(?:[ ,]+[A-Za-z][A-Za-z'’]*){2,}\b/g) ?? [];
}

function expectChinese(s: string, where: string) {
  expect(s, where).toMatch(CJK);
  expect(s, `${where} ends without a full-width stop`).toMatch(STOP);
  expect(englishRuns(s), `${where} carries English prose`).toEqual([]);
  for (const bad of ['undefined', 'NaN', '[object Object]']) expect(s, `${where} says ${bad}`).not.toContain(bad);
}

const ctx: ImProblemContext = {
  app: 'prod',
  sdkAppId: 1400000000,
  admin: 'administrator',
  origin: 'https://adminapisgp.im.qcloud.com',
  region: 'singapore',
  api: 'openim/query_online_status',
  code: 70016,
  info: 'Fail to Parse json data of body, Please check it',
};

const app: AppConfig = {
  name: 'prod',
  sdkAppId: 1400000000,
  secretKey: 'k',
  certificates: [],
  im: { admin: 'administrator', origin: 'https://console.tim.qq.com', region: 'china', testSender: 'administrator' },
};

describe('zh-CN IM words', () => {
  it('words every REST problem in Chinese, with and without a code, region and IM message', () => {
    const bare: ImProblemContext = { app: 'prod', sdkAppId: 1400000000, admin: 'administrator', origin: 'https://console.tim.qq.com', api: 'openim/sendmsg' };
    for (const problem of IM_PROBLEMS) {
      for (const c of [ctx, bare]) {
        const w = im.problems[problem];
        expectChinese(w.cause(c), `${problem}.cause`);
        expectChinese(w.fix(c), `${problem}.fix`);
        expect(w.cause(c), `${problem}.cause names the API`).toContain(c.api);
        if (c.info) expect(w.cause(c)).toContain(`（IM 返回：“${c.info}”）`);
      }
    }
  });

  it('keeps the placeholders: wrong region names SDKAppID, data centre and host; not_admin names the admin and app', () => {
    expect(im.problems.wrong_region.cause(ctx)).toBe(
      'IM 对 openim/query_online_status 返回错误码 70016：数据中心 singapore（https://adminapisgp.im.qcloud.com）上没有 SDKAppID 1400000000（IM 返回：“Fail to Parse json data of body, Please check it”）。通常是该应用位于另一个数据中心。',
    );
    expect(im.problems.wrong_region.fix(ctx)).toContain('`siliconvalley`');
    expect(im.problems.not_admin.cause({ ...ctx, code: 60010, info: undefined })).toBe(
      'IM 对 openim/query_online_status 返回错误码 60010：“administrator”不是 SDKAppID 1400000000 的 App 管理员。',
    );
    expect(im.problems.not_admin.fix(ctx)).toContain('应用管理 > prod > 账号管理');
    expect(im.problems.plan_expired.cause(ctx)).toContain('60020');
    expect(im.problems.ip_not_allowed.cause(ctx)).toContain('60021');
    expect(im.problems.rate_limited.cause({ ...ctx, code: 60007 })).toMatch(/^IM 对 openim\/query_online_status 返回错误码 60007：.*限频/);
    expect(im.problems.unknown.fix({ ...ctx, code: 12345 })).toContain('（12345）');
  });

  it('names the online states as the IM console does: 在线, 后台在线 (PushOnline), 离线', () => {
    expect(im.titles.ONLINE('alice')).toBe('alice 在 IM 中为在线状态（Online）');
    expect(im.titles.PUSH_ONLINE('alice')).toBe('alice 可以收到离线推送（后台在线，PushOnline）');
    expect(im.titles.OFFLINE('alice')).toBe('alice 在 IM 中为离线状态（Offline）');
    for (const [verdict, v] of Object.entries(im.verdicts)) {
      expectChinese(v.cause('alice'), `${verdict}.cause`);
      expectChinese(v.fix, `${verdict}.fix`);
      expect(v.cause('alice')).toContain('alice');
    }
    expect(im.multiDevice(['iPhone'], ['Android', 'iPad'])).toBe(
      '多台设备：iPhone 在线，Android、iPad 后台在线。IM 文档没有说明另一台设备在线时，后台在线的设备是否会收到离线推送。',
    );
  });

  it('words send-test with the UserID, sender, wait and the vendor code', () => {
    const w = im.sendTest;
    expect(w.confirmBody('alice', 'administrator')).toContain('以 administrator 的身份向 alice 发送');
    expect(w.sentWaiting(10)).toBe('已发送；正在等待 IM 的推送回调（最多 10 秒）…');
    expect(w.pushFailed('Android', '1001', 'regid_invalid')).toBe('IM 报告发往 Android 的推送失败：1001 regid_invalid。');
    expect(w.pushFailed('iPhone', '5', '')).toBe('IM 报告发往 iPhone 的推送失败：5。');
    expectChinese(w.noReport(10), 'noReport');
    expect(w.noReport(10)).toContain('10 秒');
    for (const s of [w.pushFailedFix, w.noReportFix, w.noCallbacks, w.noCallbacksFix, w.history('alice', 'administrator'), w.pushOk('Android')])
      expectChinese(s, s);
  });

  it('reaches the replies through the zh-CN catalogue', () => {
    const t = catalogue('zh-CN');
    expect(t.im).toBe(im);
    expect(t.triage).toBe(triage);
    const failure = explainFailure(t, app, { problem: 'ip_not_allowed', api: 'openim/sendmsg', code: 60021 });
    expect(failure.cause).toBe('IM 对 openim/sendmsg 返回 60021：本机发起 REST 调用的 IP 地址不在该应用的 IP 白名单中。');
    const status = explainStatus(t, app, {
      app: 'prod',
      userId: 'alice',
      account: 'Imported',
      status: 'PushOnline',
      platforms: [{ platform: 'Android', status: 'PushOnline' }],
      verdict: 'PUSH_ONLINE',
    });
    expect(status.cause).toBe('alice 的 App 未连接，但仍处于登录状态：有新消息时 IM 会发送离线推送。');
  });

  it("words what imops saw itself (a timeout, an answer that is not JSON) as imops' observation, never as IM's words", () => {
    const seen: [ImDetail, string, string][] = [
      [{ kind: 'timeout', ms: 3000 }, '（3000 毫秒内没有应答）', ' (no answer within 3000 ms)'],
      [{ kind: 'cut_off' }, '（应答在传输中被截断）', ' (the answer was cut off)'],
      [{ kind: 'connection_failed' }, '（连接失败）', ' (connection failed)'],
      [{ kind: 'network_error', error: 'ECONNREFUSED' }, '（网络错误 ECONNREFUSED）', ' (network error ECONNREFUSED)'],
      [{ kind: 'http_status', status: 502 }, '（HTTP 502）', ' (HTTP 502)'],
      [{ kind: 'not_json' }, '（应答不是 JSON）', ' (the answer is not JSON)'],
      [{ kind: 'not_object' }, '（应答不是 JSON 对象）', ' (the answer is not a JSON object)'],
      [{ kind: 'no_result_item' }, '（应答中没有该 UserID 的 ResultItem）', ' (no ResultItem for the UserID)'],
      [{ kind: 'no_status' }, '（应答中没有该 UserID 的已知 Status）', ' (no known Status for the UserID)'],
    ];
    for (const [detail, zh, en] of seen) {
      const failure = { problem: 'bad_response' as const, api: 'openim/query_online_status', detail };
      const c = explainFailure(catalogue('zh-CN'), app, failure).cause;
      expectChinese(c, detail.kind);
      expect(c).toContain(zh);
      expect(c).not.toContain('IM 返回');
      const e = explainFailure(catalogue('en'), app, failure).cause;
      expect(e).toContain(en);
      expect(e).not.toContain('IM said');
    }
    // IM's own words stay IM's, quoted verbatim.
    const said = explainFailure(catalogue('zh-CN'), app, { problem: 'unknown', api: 'openim/sendmsg', code: 20001, info: 'body invalid' }).cause;
    expect(said).toBe('IM 对 openim/sendmsg 返回错误码 20001（IM 返回：“body invalid”）。');
  });

  it('shows the online states as the console names them, with IM’s own value in brackets; en keeps IM’s names', () => {
    const finding = {
      app: 'prod',
      userId: 'alice',
      account: 'Imported' as const,
      status: 'Online' as const,
      platforms: [
        { platform: 'Web', status: 'Online' },
        { platform: 'iPhone', status: 'PushOnline' },
      ],
      verdict: 'ONLINE' as const,
    };
    const values = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'fields' ? b.fields.map((f) => f.value) : []));
    expect(values(statusFields(catalogue('zh-CN'), finding))).toEqual(['已导入', '在线（Online）', 'Web：在线（Online），iPhone：后台在线（PushOnline）']);
    expect(values(statusFields(catalogue('en'), finding))).toEqual(['Imported', 'Online', 'Web: Online, iPhone: PushOnline']);
    expect(catalogue('zh-CN').im.state('Away')).toBe('Away');
    // The multi-device caveat follows the cause as Chinese writes sentences: no space after 。
    const zhCause = statusReply(catalogue('zh-CN'), app, finding).cause!;
    expect(zhCause).toContain('在线状态）。多台设备：Web 在线，iPhone 后台在线。');
    expect(zhCause).not.toContain('。 ');
    expect(statusReply(catalogue('en'), app, finding).cause).toContain('stays Online). Several devices: Web Online, iPhone PushOnline.');
  });

  it('tells usage problems in Chinese: no im: block, --wait out of range', () => {
    const deps = { im: () => undefined } as unknown as CheckDeps;
    const noIm = (() => {
      try {
        requireIm(deps, { ...app, im: undefined });
      } catch (err) {
        return err as UsageError;
      }
    })()!;
    expect(noIm).toBeInstanceOf(UsageError);
    expectChinese(chinese(noIm.problem), 'noIm');
    expect(chinese(noIm.problem)).toContain('应用 prod');
    expectChinese(chinese(noIm.fixText!), 'noImFix');
    expect(english(noIm.problem)).toBe('app prod has no im: block, so imops cannot ask Tencent IM about its users');
    const config = { apps: [app], source: 'test' } as unknown as Config;
    const client = { app };
    const wait = (() => {
      try {
        imSendTestCheck.prepare!({ config, im: () => client } as unknown as CheckDeps, { userId: 'bob', wait: 500, words: catalogue('zh-CN').im.sendTest });
      } catch (err) {
        return err as UsageError;
      }
    })()!;
    expect(wait).toBeInstanceOf(UsageError);
    expect(chinese(wait.problem)).toBe('`--wait 500` 超出了允许的范围。');
    expect(chinese(wait.fixText!)).toBe('请填写 0 到 120 之间的秒数。');
    expect(wait.message).toBe('--wait 500 is out of range');
  });
});

const at = Date.parse('2026-03-01T09:12:00Z');
const zh = catalogue('zh-CN');
const f = (check: TriageFinding['check'], verdict: string, ok: boolean, extra: Partial<TriageFinding> = {}): TriageFinding => ({
  check,
  verdict,
  ok,
  elapsedMs: 1,
  ...extra,
});

describe('zh-CN triage words', () => {
  it('words the login trail with the time, platform and kicked device', () => {
    const kicked = f('history', 'KICKED', false, { last: { at, command: 'State.StateChange', action: 'Login', platform: 'Android', kicked: ['iPhone'] } });
    expect(triage.word(kicked, 'bob', zh.time).cause).toBe(
      '2026-03-01 17:12:00 UTC+8 在 Android 上的一次登录把 bob 从 iPhone 踢下线：被踢下线的设备收不到离线推送。',
    );
    const kickedSomewhere = f('history', 'KICKED', false, { last: { at, command: 'State.StateChange', action: 'Logout', reason: 'Kick' } });
    expect(triage.word(kickedSomewhere, 'bob', zh.time).cause).toBe(
      '2026-03-01 17:12:00 UTC+8 的一次登录把 bob 从另一台设备踢下线：被踢下线的设备收不到离线推送。',
    );
    const out = f('history', 'LOGGED_OUT', false, { last: { at, command: 'State.StateChange', action: 'Logout', platform: 'iPhone', reason: 'Unregister' } });
    expect(triage.word(out, 'bob', zh.time).cause).toBe('bob 于 2026-03-01 17:12:00 UTC+8 在 iPhone 上登出（原因：Unregister）：登出后 IM 不再发送离线推送。');
    const failed = f('history', 'PUSH_FAILED', false, {
      last: {
        at,
        command: 'Push.OfflinePush',
        platform: 'Android',
        push: { command: 'Push.OfflinePush', at, errCode: 1, errInfo: 'regid_invalid', ok: false },
      },
    });
    expect(triage.word(failed, 'bob', zh.time).cause).toBe('IM 于 2026-03-01 17:12:00 UTC+8 发给 bob（Android）的最近一次推送失败：1 regid_invalid。');
    const loggedIn = f('history', 'LOGGED_IN', true, { last: { at, command: 'State.StateChange', action: 'Login' } });
    expect(triage.word(loggedIn, 'bob', zh.time).cause).toBe('bob 于 2026-03-01 17:12:00 UTC+8 登录。');
  });

  it('words every other verdict as Chinese sentences', () => {
    const last = { at, command: 'State.StateChange', action: 'Disconnect', platform: 'iPhone' };
    const findings: TriageFinding[] = [
      f('account', 'IMPORTED', true),
      f('account', 'NOT_IMPORTED', false),
      f('history', 'DISCONNECTED', true, { last }),
      f('history', 'PUSH_SENT', true, { last: { at, command: 'Push.OfflinePush', push: { command: 'Push.OfflinePush', at, ok: true } } }),
      f('history', 'NO_EVENTS', true),
      f('history', 'NO_CALLBACKS', true),
      f('devices', 'NO_DEVICES', false),
      f('devices', 'UNKNOWN_CERTIFICATE', false, { unknownCertificates: ['10086', '10087'] }),
      f('devices', 'DEVICES', true, { devices: [{ certificateId: '10086', platform: 'apns', token: 'ab…cd', lastSeen: '2026-03-01T09:12:00.000Z' }] }),
      f('certificates', 'FAILURE', false, { certificates: [{ certificateId: '10086', platform: 'apns', level: 'failure', problems: [] }] }),
      f('certificates', 'WARNING', true),
      f('certificates', 'OK', true),
      f('certificates', 'NONE', false),
      f('push', 'NO_DEVICES', false),
      f('push', 'DELIVERED', true, { results: [] }),
    ];
    for (const x of findings) {
      const w = triage.word(x, 'bob', zh.time);
      expectChinese(w.cause, `${x.check}:${x.verdict}.cause`);
      if (w.fix) expectChinese(w.fix, `${x.check}:${x.verdict}.fix`);
    }
    expect(triage.word(findings[7]!, 'bob', zh.time).cause).toContain('（10086、10087）');
    expect(triage.word(findings[8]!, 'bob', zh.time).cause).toBe('已上报 1 台设备。');
    expect(triage.word(findings[9]!, 'bob', zh.time)).toEqual({ cause: '证书 10086 无法推送。', fix: '运行 `imops push certs` 查看详情。' });
    expect(triage.timeout(3000)).toEqual({
      cause: '3.0 秒内没有应答。',
      fix: '单独运行该项检查（`imops im status`、`imops devices list`、`imops push certs`），查看它是完成还是失败。',
    });
    for (const w of Object.values(triage.skipped)) {
      expectChinese(w.cause, w.cause);
      expectChinese(w.fix, w.fix);
    }
    expectChinese(triage.summaryNoneCause('bob'), 'summaryNoneCause');
    expectChinese(triage.summaryNoneFix, 'summaryNoneFix');
  });

  it('a triage run worded in Chinese: UserSig cause and fix from the zh catalogue, every time on UTC+8', async () => {
    const now = Date.parse('2026-03-03T09:12:00Z');
    const signedAt = Math.floor(at / 1000) - 86_400;
    const userSig = generateUserSig({ sdkAppId: app.sdkAppId, secretKey: app.secretKey, userId: 'bob', expireSeconds: 86_400, now: signedAt });
    const logout: ImEvent = {
      app: 'prod',
      userId: 'bob',
      at,
      command: 'State.StateChange',
      data: { Action: 'Logout', Reason: 'Unregister', OptPlatform: 'iPhone' },
    };
    const events = { recent: async () => [logout] } as unknown as EventLog;
    const deps = { config: { apps: [app], source: 'test' } as unknown as Config, log: createLogger({ level: 'silent' }), now: () => now, events } as CheckDeps;
    const p = await triageCheck.prepare(deps, { userId: 'bob', userSig });
    const r = await triageCheck.run(deps, p);
    const t = catalogue('zh-CN');
    const reply = triageReply(t, app, r);

    // The UserSig expired before the logout; both fail, the UserSig comes first.
    expect(r.summary?.check).toBe('usersig');
    expect(reply.title).toBe('bob 的诊断结果：UserSig EXPIRED');
    expectChinese(reply.cause!, 'summary cause');
    expectChinese(reply.fix!, 'summary fix');
    expect(reply.cause).toContain('已于 2026-03-01 17:12:00 UTC+8 过期');
    expect(reply.cause).toContain('签发于 2026-02-28 17:12:00 UTC+8');
    expect(reply.cause).not.toMatch(/\d UTC(?!\+8)/);

    const items = reply.blocks.filter((b) => b.type === 'item');
    const history = items.find((b) => b.title === t.triage.checks.history)!;
    expect(history.cause).toBe('bob 于 2026-03-01 17:12:00 UTC+8 在 iPhone 上登出（原因：Unregister）：登出后 IM 不再发送离线推送。');
    expect(history.fields?.find((f) => f.label === '最近事件')?.value).toBe('2026-03-01 17:12:00 UTC+8 Logout iPhone');
    for (const item of items) {
      expectChinese(item.cause!, `${item.title}.cause`);
      if (item.fix) expectChinese(item.fix, `${item.title}.fix`);
    }
    const last = reply.blocks.at(-1)!;
    expect(last.type === 'text' && last.text).toMatch(/^用时 \d+\.\d 秒。$/);

    // --json keeps the codes and carries the words in the reader's language.
    const j = triageJson(t, app, r);
    expect(j.summary).toMatchObject({ check: 'usersig', verdict: 'EXPIRED' });
    const sig = j.findings.find((f) => f.check === 'usersig')!;
    expect(sig.usersig).toMatchObject({ verdict: 'EXPIRED', reason: 'expired', imErrorCode: 70001, expiresAt: '2026-03-01T09:12:00Z' });
    expectChinese(sig.usersig!.cause, 'json usersig.cause');
    expect(sig.cause).toBe(sig.usersig!.cause);
    expect(JSON.stringify(j)).not.toContain(userSig);

    // The same run for an English reader: English words, UTC.
    const en = triageReply(catalogue('en'), app, r);
    expect(en.title).toBe('Triage for bob: UserSig EXPIRED');
    expect(en.cause).toMatch(/2026-03-01 09:12:00 UTC/);
    expect(inLocale(en.cause!, { locale: 'en' })).not.toMatch(CJK);
  });

  it('a UserSig too long for triage is a usage problem in Chinese', () => {
    const deps = { config: { apps: [app], source: 'test' } as unknown as Config } as CheckDeps;
    try {
      triageCheck.prepare(deps, { userId: 'bob', userSig: 'x'.repeat(20_000) });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      const e = err as UsageError;
      expect(chinese(e.problem)).toBe('这个 UserSig 长 20000 个字符，真实的 UserSig 只有几百个字符。');
      expect(chinese(e.fixText!)).toBe('只粘贴 UserSig 本身。');
      expect(e.message).toBe('that UserSig is 20000 characters long; a real one is a few hundred');
    }
  });

  it('builds a Chinese triage reply', () => {
    const t = catalogue('zh-CN');
    const summary = f('account', 'NOT_IMPORTED', false);
    const reply = triageReply(t, app, { app: 'prod', userId: 'bob', findings: [summary, f('certificates', 'OK', true)], summary, elapsedMs: 1200 });
    expect(reply.title).toBe('bob 的诊断结果：IM 账号 NOT_IMPORTED');
    expect(triageReply(t, app, { app: 'prod', userId: 'bob', findings: [f('certificates', 'OK', true)], elapsedMs: 1200 }).title).toBe(
      'bob 的诊断结果：各项检查均未发现收不到推送的原因',
    );
    expect(reply.blocks.at(-1)).toEqual({ type: 'text', text: '用时 1.2 秒。' });
    expect(reply.cause).toBe('IM 中没有账号“bob”：该用户从未登录过，也从未被导入（UserID 区分大小写）。无法向它推送任何消息。');
  });
});
