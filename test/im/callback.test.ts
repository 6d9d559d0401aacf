import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/checks/check.js';
import { triageCheck } from '../../src/checks/triage.js';
import { imClients } from '../../src/im/index.js';
import { loadConfig } from '../../src/config/load.js';
import { sendCallback, stateChange } from '../emulators/im.js';
import { apnsToken } from '../emulators/push-fixture.js';
import { CALLBACK_TOKEN, SDKAPPID, startImHarness, type ImHarness } from './harness.js';

describe('POST /v1/im/callback', () => {
  let h: ImHarness;
  beforeAll(async () => {
    h = await startImHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  const stored = (userId: string) => h.services.store.events.recent('prod', userId, 50);

  it('stores a signed State.StateChange and answers exactly what IM expects', async () => {
    const r = await sendCallback(h.callback, 'State.StateChange', stateChange('erin', 'Login', Date.now() - 1000, { KickedDevice: [{ Platform: 'Android' }] }));
    expect(r).toEqual({ status: 200, body: '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}' });
    const [e] = await stored('erin');
    expect(e).toMatchObject({ command: 'State.StateChange', data: { Action: 'Login', Reason: 'Register', KickedDevice: ['Android'], OptPlatform: 'iOS' } });
  });

  it('stores each recipient of a Push.OfflinePush batch, and answers other commands without storing', async () => {
    const events = ['p1', 'p2'].map((u) => ({
      CallbackCommand: 'Push.OfflinePush',
      EventTime: Date.now(),
      To_Account: u,
      PushPlatform: 'Android',
      PushStage: '3',
      ErrCode: 0,
      ErrInfo: '',
      MsgKey: 'k',
    }));
    expect((await sendCallback(h.callback, 'Push.OfflinePush', { Events: events })).status).toBe(200);
    expect(await stored('p1')).toHaveLength(1);
    expect(await stored('p2')).toHaveLength(1);
    const other = await sendCallback(h.callback, 'C2C.CallbackAfterSendMsg', { From_Account: 'x', To_Account: 'p3' });
    expect(other.status).toBe(200);
    expect(await stored('p3')).toEqual([]);
  });

  it.each([
    ['a wrong Sign', { sign: 'f'.repeat(64) }],
    ['a RequestTime 2 minutes old', { requestTime: Math.floor(Date.now() / 1000) - 120 }],
    ['a RequestTime in the future beyond the window', { requestTime: Math.floor(Date.now() / 1000) + 120 }],
    ['no Sign at all', { noSign: true }],
  ])('%s gets 401 and stores nothing', async (_n, o) => {
    const target = 'noSign' in o ? { url: h.callback.url, sdkAppId: SDKAPPID } : h.callback;
    const r = await sendCallback(target, 'State.StateChange', stateChange('mallory', 'Logout', Date.now()), o as { sign?: string; requestTime?: number });
    expect(r.status).toBe(401);
    expect(await stored('mallory')).toEqual([]);
  });

  it('an unknown SdkAppid gets 404', async () => {
    const r = await sendCallback({ ...h.callback, sdkAppId: 1400009999 }, 'State.StateChange', stateChange('mallory', 'Logout', Date.now()));
    expect(r.status).toBe(404);
  });

  it.each([
    ['not JSON', { raw: '{"Events": [' }],
    ['a JSON array', { raw: '[1,2,3]' }],
    ['Info missing', { body: { CallbackCommand: 'State.StateChange' } }],
    ['a numeric To_Account', { body: { Info: { Action: 'Logout', To_Account: 42 } } }],
    ['a 300-character UserID', { body: { Info: { Action: 'Logout', To_Account: 'm'.repeat(300) } } }],
    ['a push batch with one bad event', { cmd: 'Push.OfflinePush', body: { Events: [{ To_Account: 'mallory', ErrCode: 0 }, { To_Account: null }] } }],
    ['101 push events', { cmd: 'Push.OfflinePush', body: { Events: Array.from({ length: 101 }, () => ({ To_Account: 'mallory' })) } }],
    ['a 1 MB body', { raw: JSON.stringify({ Info: { Action: 'Logout', To_Account: 'mallory' }, pad: 'x'.repeat(1_000_000) }) }],
  ])('%s gets a 4xx and stores nothing', async (_n, o) => {
    const c = o as { raw?: string; body?: unknown; cmd?: string };
    const r = await sendCallback(h.callback, c.cmd ?? 'State.StateChange', c.body, c.raw !== undefined ? { raw: c.raw } : {});
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(await stored('mallory')).toEqual([]);
  });

  it('a future EventTime is stored as now, so it cannot outrank real events', async () => {
    await sendCallback(h.callback, 'State.StateChange', stateChange('frank', 'Logout', Date.now() + 10 * 86_400_000));
    const [e] = await stored('frank');
    expect(e!.at).toBeLessThanOrEqual(Date.now());
  });

  it('triage: a hanging IM call becomes a TIMEOUT finding, the other checks still report', async () => {
    h.im.user('gina', { imported: true, status: 'PushOnline' });
    h.im.hanging.add('openim/query_online_status');
    await h.services.devices.upsert({ app: 'prod', userId: 'gina', certificateId: '10086', platform: 'apns', token: apnsToken(), environment: 'production' });
    const { config } = loadConfig({ env: h.env, cwd: h.dir });
    const deps = {
      config,
      log: h.log.log,
      now: Date.now,
      push: h.services.push,
      events: h.services.store.events,
      im: imClients(),
    };
    const r = await runCheck(deps, { platform: 'cli', userId: 'test', roles: [] }, triageCheck, { userId: 'gina', limitMs: 300 });
    h.im.hanging.clear();
    expect(r.findings.find((f) => f.check === 'online')).toMatchObject({ verdict: 'TIMEOUT', ok: false });
    expect(r.findings.find((f) => f.check === 'account')).toMatchObject({ verdict: 'IMPORTED', ok: true });
    expect(r.findings.find((f) => f.check === 'history')?.verdict).not.toBe('TIMEOUT');
    expect(r.summary?.verdict).toBe('TIMEOUT');
  });

  it('callback token from the config is the one checked (a token-less app accepts unsigned callbacks)', async () => {
    h.writeConfig({ admin: 'administrator', url: h.im.origin });
    // The running server keeps the config it started with: the token still applies.
    const r = await sendCallback({ url: h.callback.url, sdkAppId: SDKAPPID }, 'State.StateChange', stateChange('henry', 'Login', Date.now()));
    expect(r.status).toBe(401);
    h.writeConfig({ admin: 'administrator', url: h.im.origin, callbackToken: CALLBACK_TOKEN });
  });
});
