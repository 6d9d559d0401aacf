/**
 * The zh-CN words for Tencent IM (REST problems, online states, send-test) and triage: Chinese sentences that keep
 * every placeholder (UserIDs, SDKAppIDs, codes, APIs, times) as data and carry no English prose.
 */
import { describe, expect, it } from 'vitest';
import type { TriageFinding } from '../../src/checks/triage.js';
import type { AppConfig } from '../../src/config/types.js';
import { IM_PROBLEMS } from '../../src/im/rest-errors.js';
import { explainFailure, explainStatus } from '../../src/present/im.js';
import { triageReply } from '../../src/present/triage.js';
import { catalogue } from '../../src/text/index.js';
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
});

const at = Date.parse('2026-03-01T09:12:00Z');
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
    expect(triage.word(kicked, 'bob').cause).toBe('2026-03-01 09:12 UTC 在 Android 上的一次登录把 bob 从 iPhone 踢下线：被踢下线的设备收不到离线推送。');
    const kickedSomewhere = f('history', 'KICKED', false, { last: { at, command: 'State.StateChange', action: 'Logout', reason: 'Kick' } });
    expect(triage.word(kickedSomewhere, 'bob').cause).toBe('2026-03-01 09:12 UTC 的一次登录把 bob 从另一台设备踢下线：被踢下线的设备收不到离线推送。');
    const out = f('history', 'LOGGED_OUT', false, { last: { at, command: 'State.StateChange', action: 'Logout', platform: 'iPhone', reason: 'Unregister' } });
    expect(triage.word(out, 'bob').cause).toBe('bob 于 2026-03-01 09:12 UTC 在 iPhone 上登出（原因：Unregister）：登出后 IM 不再发送离线推送。');
    const failed = f('history', 'PUSH_FAILED', false, {
      last: {
        at,
        command: 'Push.OfflinePush',
        platform: 'Android',
        push: { command: 'Push.OfflinePush', at, errCode: 1, errInfo: 'regid_invalid', ok: false },
      },
    });
    expect(triage.word(failed, 'bob').cause).toBe('IM 于 2026-03-01 09:12 UTC 发给 bob（Android）的最近一次推送失败：1 regid_invalid。');
    const loggedIn = f('history', 'LOGGED_IN', true, { last: { at, command: 'State.StateChange', action: 'Login' } });
    expect(triage.word(loggedIn, 'bob').cause).toBe('bob 于 2026-03-01 09:12 UTC 登录。');
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
      const w = triage.word(x, 'bob');
      expectChinese(w.cause, `${x.check}:${x.verdict}.cause`);
      if (w.fix) expectChinese(w.fix, `${x.check}:${x.verdict}.fix`);
    }
    expect(triage.word(findings[7]!, 'bob').cause).toContain('（10086、10087）');
    expect(triage.word(findings[8]!, 'bob').cause).toBe('已上报 1 台设备。');
    expect(triage.word(findings[9]!, 'bob')).toEqual({ cause: '证书 10086 无法推送。', fix: '运行 `imops push certs` 查看详情。' });
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

  it('builds a Chinese triage reply', () => {
    const t = catalogue('zh-CN');
    const summary = f('account', 'NOT_IMPORTED', false);
    const reply = triageReply(t, app, { app: 'prod', userId: 'bob', findings: [summary, f('certificates', 'OK', true)], summary, elapsedMs: 1200 });
    expect(reply.title).toContain('bob 的诊断结果');
    expect(reply.title).toContain('IM 账号');
    expect(reply.cause).toBe('IM 中没有账号“bob”：该用户从未登录过，也从未被导入（UserID 区分大小写）。无法向它推送任何消息。');
  });
});
