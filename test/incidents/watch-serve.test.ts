// `imops serve` with `watch:`: a round posts its alerts to the configured Slack and Discord channels through the
// real adapters (Bolt, discord.js) against the Slack and Discord fakes; once per change; a recovery; and of two
// replicas on one store only one runs a period. Rounds are started by hand (runRound), never by waiting.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../adapters/slack/index.js';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { startServe, type RunningServe } from '../../src/cli/serve.js';
import type { Config } from '../../src/config/types.js';
import { createLogger } from '../../src/log.js';
import type { SqliteStore } from '../../src/store/sqlite/index.js';
import { startDiscordEmulator, type DiscordEmulator } from '../emulators/discord.js';
import { apnsToken, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { startSlackEmulator, type SlackEmulator } from '../emulators/slack.js';
import { tempDir } from '../serve/harness.js';
import { BOT_TOKEN as DISCORD_TOKEN } from '../discord/harness.js';

const tmp = tempDir('watch-serve');
let fixture: PushFixture;
let slack: SlackEmulator;
let discord: DiscordEmulator;
let config: Config;
const replicas: RunningServe[] = [];
const tokens = Array.from({ length: 4 }, () => apnsToken());

async function replica(with_: Partial<Config> = {}): Promise<RunningServe> {
  const serve = await startServe({
    config: { ...config, ...with_ },
    env: {
      SLACK_BOT_TOKEN: 'xoxb-watch-test',
      SLACK_SIGNING_SECRET: 'watch-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_APPLICATION_ID: discord.applicationId,
    },
    adapters: [slackAdapter, createDiscordAdapter({ rest: { retries: 0, timeout: 5000 } })],
    log: createLogger({ level: 'silent' }),
    port: 0,
    host: '127.0.0.1',
  });
  replicas.push(serve);
  return serve;
}

/** The period's lease runs out (as it does after most of `watch.every`): clear it in the shared SQLite file. */
function endPeriod(serve: RunningServe): void {
  (serve.services.store as SqliteStore).db.prepare("DELETE FROM locks WHERE name = 'watch:period'").run();
}

const slackPosts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
const discordPosts = () => discord.calls.filter((c) => c.route === 'channel.message');

beforeAll(async () => {
  [fixture, slack, discord] = await Promise.all([startPushFixture({ timeoutMs: 3000 }), startSlackEmulator(), startDiscordEmulator()]);
  config = {
    source: 'test',
    apps: [fixture.app('prod')],
    access: {},
    providers: fixture.providers,
    dataDir: join(tmp.dir, 'data'),
    watch: {
      every: '1h',
      everyMs: 3_600_000,
      notify: ['slack:C0WATCH', 'discord:123456789012345678'],
      certificateExpiryDays: 30,
      sweep: { sample: 50, maxFailureRate: 0.2 },
    },
  };
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.close()));
  await Promise.all([fixture?.close(), slack?.close(), discord?.close()]);
  tmp.remove();
});

describe('imops serve: the watch', () => {
  it('posts an alert to Slack and Discord when a certificate turns bad, once, and a recovery when it is good again', async () => {
    const serve = await replica();
    expect(serve.adapters.map((a) => a.state)).toEqual(['running', 'running']);
    await serve.services.devices.importBatch(
      tokens.map((token, i) => ({ app: 'prod', userId: `u${i}`, certificateId: '10086', platform: 'apns' as const, token })),
    );
    for (const t of tokens.slice(0, 3)) fixture.apns.production.program(t, { kind: 'reject', reason: 'DeviceTokenNotForTopic' });

    const first = await serve.watch!.runRound();
    expect(first?.ran).toBe(true);
    expect(first?.alerts.map((a) => [a.certificateId, a.kind, a.verdict])).toEqual([['10086', 'failure_rate', 'TOKEN_NOT_FOR_TOPIC']]);
    expect(slackPosts()).toHaveLength(1);
    expect(slackPosts()[0]!.args.channel).toBe('C0WATCH');
    expect(String(slackPosts()[0]!.args.text)).toContain('Certificate 10086');
    expect(discordPosts()).toHaveLength(1);
    expect(discordPosts()[0]!.path).toBe('/channels/123456789012345678/messages');
    expect(JSON.stringify(discordPosts()[0]!.body)).toContain('75%');
    expect(await serve.services.metrics.sweepVerdicts.get({ platform: 'apns', verdict: 'TOKEN_NOT_FOR_TOPIC' })).toBe(3);
    expect(await serve.services.metrics.watchAlerts.get({ kind: 'failure_rate' })).toBe(1);
    // Only background pushes reached APNs: nobody's phone showed anything.
    expect(fixture.apns.production.requests.every((r) => r.pushType === 'background')).toBe(true);
    // The alert names the certificate, never a device token.
    for (const t of tokens) expect(JSON.stringify([slack.calls, discord.calls])).not.toContain(t);

    // A restart (a new replica on the same store) does not repeat it: the state is in the store. The period lock
    // of the first replica holds, so the new one skips the period; the first one runs again and finds no change.
    await serve.close();
    const restarted = await replica();
    expect((await restarted.watch!.runRound())?.ran).toBe(false);
    endPeriod(restarted);
    const again = await restarted.watch!.runRound();
    expect(again?.ran).toBe(true);
    expect(again?.alerts).toEqual([]);
    expect(slackPosts()).toHaveLength(1);
    expect(discordPosts()).toHaveLength(1);

    fixture.reset();
    endPeriod(restarted);
    const recovered = await restarted.watch!.runRound();
    expect(recovered?.alerts.map((a) => [a.certificateId, a.kind])).toEqual([['10086', 'recovered']]);
    expect(slackPosts()).toHaveLength(2);
    expect(String(slackPosts()[1]!.args.text)).toContain('recovered');
    expect(discordPosts()).toHaveLength(2);
  });

  it('words alerts in the configured language and time zone (locale.default), labels included', async () => {
    const serve = await replica({
      dataDir: join(tmp.dir, 'data-zh'),
      locale: { default: 'zh-CN', timeZone: 'Asia/Shanghai', workspaces: {} },
    });
    const fresh = Array.from({ length: 2 }, () => apnsToken());
    await serve.services.devices.importBatch(
      fresh.map((token, i) => ({ app: 'prod', userId: `zh${i}`, certificateId: '10086', platform: 'apns' as const, token })),
    );
    for (const t of fresh) fixture.apns.production.program(t, { kind: 'reject', reason: 'DeviceTokenNotForTopic' });
    const [slackBefore, discordBefore] = [slackPosts().length, discordPosts().length];
    const round = await serve.watch!.runRound();
    expect(round?.alerts.map((a) => a.kind)).toContain('failure_rate');
    const slackText = JSON.stringify(
      slackPosts()
        .slice(slackBefore)
        .map((c) => c.args.blocks),
    );
    const discordText = JSON.stringify(
      discordPosts()
        .slice(discordBefore)
        .map((c) => c.body),
    );
    for (const text of [slackText, discordText]) {
      expect(text).toContain('证书 10086');
      expect(text).toContain('原因');
      expect(text).toContain('DeviceTokenNotForTopic');
    }
    expect(slackText).not.toMatch(/\*Cause:\*/);
    expect(discordText).not.toContain('"name":"Cause"');
  });

  it('runs each period on one replica only (the lock in the store)', async () => {
    const a = await replica();
    const b = await replica();
    endPeriod(a);
    const [ra, rb] = await Promise.all([a.watch!.runRound(), b.watch!.runRound()]);
    expect([ra?.ran, rb?.ran].filter(Boolean)).toHaveLength(1);
  });

  it('a channel that refuses (Slack not_in_channel) is skipped: the other channel gets the alert, and it is not repeated', async () => {
    const serve = await replica();
    endPeriod(serve);
    for (const t of tokens.slice(0, 3)) fixture.apns.production.program(t, { kind: 'reject', reason: 'BadDeviceToken' });
    fixture.apns.sandbox.reset();
    for (const t of tokens.slice(0, 3)) fixture.apns.sandbox.program(t, { kind: 'reject', reason: 'BadDeviceToken' });
    slack.failNext('chat.postMessage', 'not_in_channel');
    const [slackBefore, discordBefore] = [slackPosts().length, discordPosts().length];
    const round = await serve.watch!.runRound();
    expect(round?.alerts.map((a) => [a.kind, a.verdict])).toEqual([['failure_rate', 'BAD_DEVICE_TOKEN']]);
    expect(slackPosts()).toHaveLength(slackBefore + 1);
    expect(discordPosts()).toHaveLength(discordBefore + 1);
    endPeriod(serve);
    expect((await serve.watch!.runRound())?.alerts).toEqual([]);
    expect(slackPosts()).toHaveLength(slackBefore + 1);
    expect(discordPosts()).toHaveLength(discordBefore + 1);
  });
});
