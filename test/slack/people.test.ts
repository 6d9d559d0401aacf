// Each Slack user's language and zone, from users.info through the real Web API client and the fake Slack: asked
// once and kept, never holding up an answer, and a missing scope said once in the log.
import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPeople } from '../../adapters/slack/people.js';
import { createLogger } from '../../src/log.js';
import { startSlackEmulator, type SlackEmulator } from '../emulators/slack.js';

let fake: SlackEmulator;
let client: WebClient;
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const log = createLogger({ level: 'warn', destination: sink });

beforeAll(async () => {
  fake = await startSlackEmulator();
  client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(async () => {
  await fake?.close();
});

const asked = (user: string) => fake.calls.filter((c) => c.method === 'users.info' && c.args.user === user).length;

describe('a Slack user’s language', () => {
  it('comes from users.info with include_locale, Chinese of either script as zh-CN, with their zone', async () => {
    fake.setUser('UZHCN', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
    fake.setUser('UZHTW', { locale: 'zh-TW', tz: 'Asia/Taipei' });
    fake.setUser('UFR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    const people = slackPeople(client, log);
    expect(await people('UZHCN')).toEqual({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(await people('UZHTW')).toEqual({ locale: 'zh-CN', timeZone: 'Asia/Taipei' });
    // A language imops does not speak leaves the choice to the workspace and the default; the zone still counts.
    expect(await people('UFR')).toEqual({ timeZone: 'Europe/Paris' });
  });

  it('is asked once per person and kept for the hour', async () => {
    let now = 0;
    fake.setUser('UONCE', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
    const people = slackPeople(client, log, { now: () => now });
    await people('UONCE');
    await people('UONCE');
    expect(asked('UONCE')).toBe(1);
    now += 3_600_001;
    await people('UONCE');
    expect(asked('UONCE')).toBe(2);
  });

  it('never holds an answer past the wait, and the late answer is there next time', async () => {
    fake.setUser('USLOW', { locale: 'zh-CN', tz: 'Asia/Shanghai' });
    const release = fake.holdNext('users.info');
    const people = slackPeople(client, log, { waitMs: 20 });
    // Slack has not answered: the reply goes ahead with the configured language.
    expect(await people('USLOW')).toEqual({});
    release();
    await fake.waitForCall('users.info', fake.calls.filter((c) => c.method === 'users.info').length);
    await expect.poll(() => people('USLOW')).toEqual({ locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(asked('USLOW')).toBe(1);
  });

  it('falls back when Slack refuses (no users:read scope), saying so once in the log', async () => {
    fake.failNext('users.info', 'missing_scope');
    fake.failNext('users.info', 'missing_scope');
    const people = slackPeople(client, log);
    expect(await people('UNOSCOPE1')).toEqual({});
    expect(await people('UNOSCOPE2')).toEqual({});
    const warnings = lines.filter((l) => l.includes('users:read'));
    expect(warnings).toHaveLength(1);
  });
});
