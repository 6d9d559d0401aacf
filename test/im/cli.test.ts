import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apnsToken } from '../emulators/push-fixture.js';
import { sendCallback, stateChange } from '../emulators/im.js';
import { CALLBACK_TOKEN, startImHarness, type ImHarness } from './harness.js';

describe('imops im status / im send-test / triage against the IM emulator', () => {
  let h: ImHarness;
  beforeAll(async () => {
    h = await startImHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => {
    h.im.failing.clear();
    h.im.hanging.clear();
    h.im.httpStatus = undefined;
    h.im.users.clear();
    h.writeConfig({ admin: 'administrator', url: h.im.origin, callbackToken: CALLBACK_TOKEN });
  });

  /** No admin UserSig (or any part of the query string) reaches the output. */
  const noSecrets = (r: { out: string; err: string }) => {
    for (const c of h.im.calls) {
      expect(r.out + r.err).not.toContain(c.query.usersig);
    }
    expect(r.out + r.err).not.toContain('usersig=');
  };

  it.each([
    ['PushOnline', 'PUSH_ONLINE', 0, /can still|sends offline push/],
    ['Online', 'ONLINE', 0, /live connection.*no offline push/],
    ['Offline', 'OFFLINE', 1, /logged out.*no push at all/],
  ] as const)('im status: a user %s is %s (exit %i) with what it means for push', async (status, verdict, exit, cause) => {
    h.im.user('bob', { imported: true, status, detail: [{ Platform: 'iPhone', Status: status }] });
    const r = await h.imops(['im', 'status', 'bob', '--json']);
    expect(r.code).toBe(exit);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ app: 'prod', userId: 'bob', account: 'Imported', status, platforms: [{ platform: 'iPhone', status }], verdict });
    expect(j.cause).toMatch(cause);
    expect(j.fix).toEqual(expect.any(String));
    expect(j.imErrorCode).toBeUndefined();
    noSecrets(r);
  });

  it('im status: a UserID IM does not know is ACCOUNT_NOT_FOUND, and the admin UserSig the emulator verified was signed by imops', async () => {
    const r = await h.imops(['im', 'status', 'ghost', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ account: 'NotImported', status: null, verdict: 'ACCOUNT_NOT_FOUND' });
    const calls = h.im.calls.slice(-2);
    expect(calls.map((c) => c.api).sort()).toEqual(['im_open_login_svc/account_check', 'openim/query_online_status']);
    for (const c of calls) {
      expect(c.query).toMatchObject({ sdkappid: '1400000000', identifier: 'administrator', contenttype: 'json' });
      expect(Number(c.query.random)).toBeLessThanOrEqual(0xffffffff);
    }
    expect(calls.find((c) => c.api === 'openim/query_online_status')?.body).toMatchObject({ IsNeedDetail: 1, To_Account: ['ghost'] });
  });

  it('im status in a terminal: the per-platform detail and the multi-device caveat', async () => {
    h.im.user('bob', {
      imported: true,
      status: 'Online',
      detail: [
        { Platform: 'iPhone', Status: 'PushOnline' },
        { Platform: 'Web', Status: 'Online' },
      ],
    });
    const r = await h.imops(['im', 'status', 'bob']);
    expect(r.out).toMatch(/bob is Online in IM/);
    expect(r.out).toMatch(/iPhone: PushOnline, Web: Online/);
    expect(r.out).toMatch(/Several devices/);
  });

  it.each([
    ['admin is not an App admin (60010)', { admin: 'ops' }, undefined, 60010, /"ops" is not an App admin/],
    ['wrong region (70020)', { sdk: 1400000001 }, undefined, 70020, /not known at .*another data centre/],
    ['wrong region (70016)', {}, 70016, 70016, /another data centre/],
    ['plan expired (60020)', {}, 60020, 60020, /plan .*expired/],
    ['IP allow-list (60021)', {}, 60021, 60021, /allow-list/],
    ['rate limit (60007)', {}, 60007, 60007, /call-rate limit/],
    ['wrong secret key (70009)', { key: 'another-key' }, undefined, 70009, /admin UserSig .*secretKey/],
  ] as const)('im status explains %s with cause and fix, exit 1', async (_name, change, force, code, cause) => {
    h.im.user('bob', { imported: true, status: 'PushOnline' });
    if (force) h.im.failing.set('*', { code: force, info: 'forced' });
    if ('admin' in change) h.writeConfig({ admin: change.admin, url: h.im.origin });
    const extra: NodeJS.ProcessEnv = {};
    if ('sdk' in change || 'key' in change) {
      const { readFileSync, writeFileSync } = await import('node:fs');
      const text = readFileSync(h.env.IMOPS_CONFIG!, 'utf8');
      writeFileSync(
        h.env.IMOPS_CONFIG!,
        'sdk' in change ? text.replace('1400000000', String(change.sdk)) : text.replace(/secretKey: .*/, `secretKey: ${change.key}`),
      );
    }
    // Even at trace level, no log line carries the admin UserSig or the query string.
    const r = await h.imops(['im', 'status', 'bob', '--json'], { ...extra, LOG_LEVEL: 'trace' });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ verdict: 'IM_ERROR', imErrorCode: code });
    expect(j.cause).toMatch(cause);
    expect(j.fix.length).toBeGreaterThan(10);
    noSecrets(r);
  });

  it('a rate-limited call is retried once before it is explained', async () => {
    h.im.user('bob', { imported: true, status: 'PushOnline' });
    h.im.failing.set('openim/query_online_status', { code: 60007, info: 'freq limit' });
    const before = h.im.calls.length;
    await h.imops(['im', 'status', 'bob', '--json']);
    expect(h.im.calls.slice(before).filter((c) => c.api === 'openim/query_online_status')).toHaveLength(2);
  });

  it("a proxy's HTML error page is explained as such, without the URL", async () => {
    h.im.httpStatus = 502;
    const r = await h.imops(['im', 'status', 'bob', '--json']);
    const j = JSON.parse(r.out);
    expect(j.verdict).toBe('IM_ERROR');
    expect(j.cause).toMatch(/HTTP 502/);
    // imops saw the 502 itself: it is not quoted as IM's words.
    expect(j.cause).not.toContain('IM said');
    noSecrets(r);
  });

  it('an app without an im: block is a usage error naming the fix (exit 2)', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(h.env.IMOPS_CONFIG!, readFileSync(h.env.IMOPS_CONFIG!, 'utf8').replace(/ {4}im:\n(?: {6}.*\n)+/, ''));
    const r = await h.imops(['im', 'status', 'bob']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no im: block/);
  });

  it('send-test: a unique message through sendmsg, and the push result from the callback', async () => {
    h.im.user('bob', { imported: true, status: 'PushOnline' });
    const first = await h.imops(['im', 'send-test', 'bob', '--json']);
    const second = await h.imops(['im', 'send-test', 'bob', '--json']);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.out);
    const b = JSON.parse(second.out);
    expect(a).toMatchObject({ ok: true, sent: true, from: 'administrator', push: [{ ok: true, platform: 'iPhone', errCode: 0 }] });
    expect(a.msgRandom).not.toBe(b.msgRandom);
    expect(a.text).not.toBe(b.text);
    // Both reached the user: neither was swallowed by IM's 120 s de-duplication.
    expect(h.im.delivered.filter((m) => m.to === 'bob')).toHaveLength(2);
    const call = h.im.calls.filter((c) => c.api === 'openim/sendmsg').at(-1)!;
    expect(call.body).toMatchObject({
      SyncOtherMachine: 2,
      To_Account: 'bob',
      OfflinePushInfo: { PushFlag: 0, Title: expect.any(String), Desc: expect.any(String) },
    });
  });

  it('send-test: a vendor failure reported by IM fails the run (exit 1) with its code', async () => {
    h.im.user('bob', { imported: true, status: 'PushOnline', push: { ErrCode: 1, ErrInfo: 'regid_invalid', PushPlatform: 'Android' } });
    const r = await h.imops(['im', 'send-test', 'bob']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/push to Android failed: 1 regid_invalid/);
    expect(r.out).toMatch(/chat history/);
  });

  it('send-test with --wait 0 does not wait; IM refusing the message is explained', async () => {
    h.im.user('bob', { imported: true, status: 'PushOnline' });
    const quick = JSON.parse((await h.imops(['im', 'send-test', 'bob', '--wait', '0', '--json'])).out);
    expect(quick).toMatchObject({ sent: true, waited: 0, push: [] });
    const r = await h.imops(['im', 'send-test', 'nobody', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ sent: false, imErrorCode: 90012 });
  });

  it('triage: bob logged out from his iPhone; the logout is the most likely cause, every check reports', async () => {
    h.im.user('bob', { imported: true, status: 'Offline' });
    const at = Date.now() - 60_000;
    expect((await sendCallback(h.callback, 'State.StateChange', stateChange('bob', 'Logout', at))).status).toBe(200);
    await h.services.devices.upsert({ app: 'prod', userId: 'bob', certificateId: '10086', platform: 'apns', token: apnsToken(), environment: 'production' });
    const r = await h.imops(['triage', 'bob', '--json'], { TZ: 'UTC' });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.summary.verdict).toBe('LOGGED_OUT');
    expect(j.summary.cause).toMatch(/^bob logged out at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC from iOS .*IM sends no offline push after logout/);
    expect(j.findings.map((f: { check: string }) => f.check)).toEqual(['account', 'online', 'history', 'devices', 'certificates']);
    expect(j.findings.find((f: { check: string }) => f.check === 'online')).toMatchObject({ verdict: 'OFFLINE', ok: false });
    expect(j.findings.find((f: { check: string }) => f.check === 'devices')).toMatchObject({ verdict: 'DEVICES', ok: true });
    for (const f of j.findings) expect(typeof f.ok).toBe('boolean');
    expect(j.elapsedMs).toEqual(expect.any(Number));
  });

  it('triage --push --usersig -: the test pushes and the UserSig verification join the findings', async () => {
    h.im.user('carol', { imported: true, status: 'PushOnline' });
    await h.services.devices.upsert({ app: 'prod', userId: 'carol', certificateId: '10086', platform: 'apns', token: apnsToken(), environment: 'production' });
    const r = await h.imops(['triage', 'carol', '--push', '--usersig', '-', '--json'], {}, 'eJyrVkrxM-not-a-sig');
    const j = JSON.parse(r.out);
    const push = j.findings.find((f: { check: string }) => f.check === 'push');
    expect(push).toMatchObject({ verdict: 'DELIVERED', ok: true });
    const sig = j.findings.find((f: { check: string }) => f.check === 'usersig');
    expect(sig.ok).toBe(false);
    expect(j.summary.check).toBe('usersig');
    expect(r.out).not.toContain('eJyrVkrxM-not-a-sig');
  });

  it('triage --lang zh-CN: Chinese cause and fix, the verdict codes kept, times on the reader clock (UTC+8)', async () => {
    h.im.user('erin', { imported: true, status: 'Offline' });
    const at = Date.now() - 60_000;
    expect((await sendCallback(h.callback, 'State.StateChange', stateChange('erin', 'Logout', at))).status).toBe(200);
    const r = await h.imops(['--lang', 'zh-CN', 'triage', 'erin', '--usersig', '-', '--json'], { TZ: 'Asia/Shanghai' }, 'eJyrVkrxM-not-a-sig');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.summary).toMatchObject({ check: 'usersig' });
    const sig = j.findings.find((f: { check: string }) => f.check === 'usersig');
    expect(sig.usersig.verdict).toBe(j.summary.verdict);
    for (const s of [j.summary.cause, j.summary.fix, sig.usersig.cause, sig.usersig.fix]) expect(s).toMatch(/[\u4e00-\u9fff]/);
    const history = j.findings.find((f: { check: string }) => f.check === 'history');
    expect(history.verdict).toBe('LOGGED_OUT');
    expect(history.cause).toMatch(/^erin 于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+8 在 iOS 上登出/);
    expect(j.findings.find((f: { check: string }) => f.check === 'online')).toMatchObject({ verdict: 'OFFLINE' });
    expect(r.out).not.toContain('eJyrVkrxM-not-a-sig');
    const text = await h.imops(['--lang', 'zh-CN', 'triage', 'erin'], { TZ: 'Asia/Shanghai' });
    expect(text.out).toContain('erin 的诊断结果：登录与推送记录（IM 回调）LOGGED_OUT');
    expect(text.out).toMatch(/\d\d:\d\d:\d\d UTC\+8 Logout iOS/);
    expect(text.out).toMatch(/用时 \d+\.\d 秒。/);
    expect(text.out).not.toMatch(/\d UTC(?!\+8)/);
  });

  it('im send-test --wait out of range, and an app without im:, are usage errors in the reader language (exit 2)', async () => {
    const wait = await h.imops(['--lang', 'zh-CN', 'im', 'send-test', 'bob', '--wait', 'soon']);
    expect(wait.code).toBe(2);
    expect(wait.err).toContain('`--wait soon` 不是秒数。');
    expect(wait.err).toContain('请填写 0 到 120 之间的秒数。');
    const en = await h.imops(['im', 'send-test', 'bob', '--wait', '500']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('--wait 500 is not a number of seconds');
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(h.env.IMOPS_CONFIG!, readFileSync(h.env.IMOPS_CONFIG!, 'utf8').replace(/ {4}im:\n(?: {6}.*\n)+/, ''));
    const noIm = await h.imops(['--lang', 'zh-CN', 'im', 'status', 'bob']);
    expect(noIm.code).toBe(2);
    expect(noIm.err).toContain('应用 prod 没有 `im:` 配置块');
  });

  it('triage of a healthy user finds nothing (exit 0) and says how to go further', async () => {
    h.im.user('dave', { imported: true, status: 'PushOnline' });
    await h.services.devices.upsert({ app: 'prod', userId: 'dave', certificateId: '10086', platform: 'apns', token: apnsToken(), environment: 'production' });
    const r = await h.imops(['triage', 'dave']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No check explains a missing push/);
    expect(r.out).toMatch(/Start testing|--push/);
  });
});
