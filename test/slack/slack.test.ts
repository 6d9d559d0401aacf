import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../src/http/router.js';
import { slackAdapter, type RunningSlack } from '../../adapters/slack/index.js';
import { USERS } from '../scenarios/table.js';
import { APP_TOKEN, BOT_TOKEN, blockAction, seenFromMessage, startHarness, type Harness, type Message, type View } from './harness.js';

let h: Harness;
/** UserSigs minted during this file: none may reach the log. */
const minted: string[] = [];
beforeAll(async () => {
  h = await startHarness({ providerTimeoutMs: 1000 });
});
afterAll(async () => {
  await h?.close();
});

const idOf = (url: string) => decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));

async function card(userId = 'alice'): Promise<Message> {
  const res = await h.command('pushcheck', `${userId} prod`);
  expect(res.status).toBe(200);
  return res.json as Message;
}

describe('request signing', () => {
  const body = () =>
    new URLSearchParams({
      command: '/usersig',
      text: 'gen alice 1d prod',
      user_id: USERS.admin.slack,
      channel_id: 'C1',
      team_id: 'T1',
      response_url: h.fake.responseUrl('unsigned'),
      trigger_id: 't',
    }).toString();

  it('refuses a bad signature with 401 and runs nothing', async () => {
    const auditBefore = (await h.world.services.audit.recent(1000)).length;
    const b = body();
    const res = await h.post(b, { ...h.sign(b), 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    expect((await h.world.services.audit.recent(1000)).length).toBe(auditBefore);
  });

  it('refuses a timestamp older than five minutes with 401', async () => {
    const b = body();
    const res = await h.post(b, h.sign(b, Math.floor(Date.now() / 1000) - 6 * 60));
    expect(res.status).toBe(401);
  });

  it('refuses a body signed with another secret, and a request with no signature', async () => {
    const b = body();
    const tampered = b.replace('alice', 'mallory');
    expect((await h.post(tampered, h.sign(b))).status).toBe(401);
    expect((await h.post(b, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(401);
  });

  it("answers Slack's ssl_check", async () => {
    const res = await h.post('ssl_check=1&token=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
  });
});

describe('answering in time', () => {
  it('puts a fast reply on the acknowledgement itself, ephemeral, and audits it', async () => {
    const res = await h.command('usersig', 'gen frank 2h prod');
    expect(res.status).toBe(200);
    const msg = res.json as Message;
    expect(msg.response_type).toBe('ephemeral');
    const seen = seenFromMessage(msg);
    expect(seen.code).toHaveLength(1);
    minted.push(seen.code[0]!);
    expect(seen.text).toContain('2 hours');
    expect(h.fake.responses.filter((r) => r.id === res.responseId)).toEqual([]);
    const entry = (await h.world.services.audit.recent(20)).find((e) => e.target === 'frank');
    expect(entry).toMatchObject({ principal: `slack:${USERS.admin.slack}`, action: 'usersig.generate', app: 'prod', outcome: 'generated' });
    expect(JSON.stringify(entry)).not.toContain(seen.code[0]!);
  });

  it('acknowledges a test push before a hanging provider answers, then reports the failure through response_url', async () => {
    const apnsToken = h.world.tokens.alice![0]!;
    const apns = h.world.fixture!.apns.production;
    apns.reset();
    apns.program(apnsToken, { kind: 'hang' });
    const url = h.fake.responseUrl();
    const res = await h.interact(blockAction(await card(), { click: 'Start testing' }, 'admin', url));
    // The ack is in hand: no result has been posted yet, because APNs has not answered (it never will).
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(h.fake.responses.filter((r) => r.id === idOf(url))).toEqual([]);
    const [request] = await apns.waitForRequests(1);
    expect(request!.token).toBe(apnsToken);
    const result = seenFromMessage((await h.fake.waitForResponse(idOf(url))).body as Message);
    expect(result.status).toBe('failure');
    expect(result.text).toMatch(/FAIL · APNs/);
    expect(result.text).toMatch(/PASS · FCM/);
    apns.reset();
  });

  it("opens the form right after the acknowledgement, with the command's trigger_id, and answers the submit through the command's response_url", async () => {
    const opened = h.fake.calls.filter((c) => c.method === 'views.open').length;
    const res = await h.command('pushcheck', '');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const call = await h.fake.waitForCall('views.open', opened + 1);
    expect(call.args.trigger_id).toBe(res.triggerId);
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const view = call.args.view as View;
    expect(JSON.parse(view.private_metadata!)).toEqual({ c: 'C0SCENARIO', r: h.fake.responseUrl(res.responseId) });
  });

  it('says so when the form could not open in time', async () => {
    h.fake.failNext('views.open', 'expired_trigger_id');
    const res = await h.command('usersig', '');
    expect(res.status).toBe(200);
    const seen = seenFromMessage((await h.fake.waitForResponse(res.responseId)).body as Message);
    expect(seen.status).toBe('error');
    expect(seen.title).toMatch(/could not open in time/);
    expect(seen.text).toMatch(/run the command again/i);
  });
});

describe('never silent', () => {
  it('falls back to an ephemeral bot message when response_url is gone', async () => {
    const url = h.fake.responseUrl();
    h.fake.failResponse(idOf(url), 404);
    const posted = h.fake.calls.filter((c) => c.method === 'chat.postEphemeral').length;
    const res = await h.interact(blockAction(await card('dave'), { click: 'Start testing' }, 'admin', url));
    expect(res.status).toBe(200);
    const call = await h.fake.waitForCall('chat.postEphemeral', posted + 1);
    expect(call.args).toMatchObject({ channel: 'C0SCENARIO', user: USERS.admin.slack });
    expect(seenFromMessage(call.args as Message).text).toContain('UNKNOWN_CERTIFICATE');
  });

  it('answers an internal failure with an error whose correlation ID is in the log', async () => {
    const push = h.world.services.push;
    const original = push.test;
    push.test = () => Promise.reject(new Error('store exploded'));
    try {
      const url = h.fake.responseUrl();
      await h.interact(blockAction(await card(), { click: 'Start testing' }, 'admin', url));
      const seen = seenFromMessage((await h.fake.waitForResponse(idOf(url))).body as Message);
      expect(seen.status).toBe('error');
      expect(seen.ephemeral).toBe(true);
      const id = /Correlation ID: ([0-9a-f]+)/.exec(seen.text)?.[1];
      expect(id).toBeDefined();
      expect(seen.text).not.toContain('store exploded');
      expect(h.world.logLines.some((l) => l.includes(id!) && l.includes('store exploded'))).toBe(true);
    } finally {
      push.test = original;
    }
  });

  it('tells the user when the push provider cannot be reached', async () => {
    const push = h.world.services.push;
    const original = push.test;
    push.test = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }));
    try {
      const url = h.fake.responseUrl();
      await h.interact(blockAction(await card(), { click: 'Start testing' }, 'admin', url));
      const seen = seenFromMessage((await h.fake.waitForResponse(idOf(url))).body as Message);
      expect(seen.title).toMatch(/push provider could not be reached/);
      expect(seen.text).toMatch(/Fix: Check that the imops host can reach/);
      expect(seen.actions).toContain('Test again');
    } finally {
      push.test = original;
    }
  });

  it('answers a button from an unknown or tampered card instead of ignoring it', async () => {
    const url = h.fake.responseUrl();
    const msg = await card();
    const payload = blockAction(msg, { click: 'Start testing' }, 'admin', url);
    (payload.actions as { action_id: string }[])[0]!.action_id = 'pc.run|prod';
    await h.interact(payload);
    const seen = seenFromMessage((await h.fake.waitForResponse(idOf(url))).body as Message);
    expect(seen.status).toBe('error');
    expect(seen.text).toMatch(/run the command again/i);
  });
});

describe('Socket Mode', () => {
  let socket: RunningSlack | undefined;
  afterAll(async () => {
    await socket?.stop();
  });

  it('connects through apps.connections.open with the app token and answers a slash command in the ack frame', async () => {
    socket = (await slackAdapter.start({
      core: h.world.core,
      log: h.world.log,
      router: new Router(),
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: h.fake.apiUrl },
    })) as RunningSlack;
    expect(socket.description).toMatch(/Socket Mode/);
    await h.fake.socketConnected();
    const open = await h.fake.waitForCall('apps.connections.open');
    expect(open.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const ack = await h.fake.sendEnvelope('slash_commands', {
      command: '/usersig',
      text: 'explain 70001',
      user_id: USERS.admin.slack,
      channel_id: 'C0SCENARIO',
      team_id: 'T0IMOPS',
      trigger_id: 't.socket',
      response_url: h.fake.responseUrl(),
      api_app_id: 'A0IMOPS',
    });
    const seen = seenFromMessage(ack.payload as Message);
    expect(seen.ephemeral).toBe(false);
    expect(seen.title).toContain('70001');
    expect(seen.text).toMatch(/Fix:/);
  });
});

describe('adapter wiring', () => {
  it('says which variables it needs', () => {
    expect(slackAdapter.missing({})).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)']);
    expect(slackAdapter.missing({ SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'y' })).toEqual([]);
    expect(slackAdapter.missing({ SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' })).toEqual([]);
  });

  it('logs no secret key, UserSig, device token or Slack token', () => {
    const log = h.world.logLines.join('\n');
    expect(minted).toHaveLength(1);
    for (const s of [...h.world.secrets.keys, ...h.world.secrets.tokens, ...h.world.secrets.userSigs, ...minted, BOT_TOKEN, APP_TOKEN])
      expect(log).not.toContain(s);
  });
});
