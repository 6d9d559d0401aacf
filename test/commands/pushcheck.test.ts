// /pushcheck beyond the scenario table: the NO_DEVICES text is the CLI's, a certificate filter that finds nothing
// names the certificates the user did upload with, and one test run sends to at most MAX_TEST_DEVICES devices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandCore } from '../../src/commands/core.js';
import { MAX_TEST_DEVICES } from '../../src/commands/pushcheck/index.js';
import type { Reply } from '../../src/commands/reply.js';
import type { CommandCore, Plan, Principal } from '../../src/commands/types.js';
import type { Config } from '../../src/config/types.js';
import type { DeviceStore } from '../../src/store/ports.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { createPushService } from '../../src/push/service.js';
import { explainNoDevices } from '../../src/present/push.js';
import { en } from '../../src/text/en/index.js';

const NO_DEVICES_REASONS = en.push.noDevices.reasons;
const OTHER_CERTIFICATE_REASON = en.push.noDevices.otherCertificateReason;
import { createDeviceTester } from '../../src/push/tester.js';
import { startPushFixture, apnsToken, type PushFixture } from '../emulators/push-fixture.js';
import { capturedLogger } from '../devices/helpers.js';
import { createWorld, principal, type World } from '../scenarios/table.js';

const run = async (plan: Plan): Promise<Reply> => {
  if (plan.kind === 'form') throw new Error(`expected a reply, got the form ${plan.form.id}`);
  return plan.run();
};
const card = (core: CommandCore, who: Principal, userId: string) => run(core.plan(who, core.parseText('pushcheck', `${userId} prod`)));
const press = (core: CommandCore, who: Principal, reply: Reply, label: string) => {
  const button = reply.actions?.find((a) => a.type === 'button' && a.label === label);
  if (!button) throw new Error(`no "${label}" button on "${reply.title}"`);
  return run(core.action(who, button.id));
};
const listItems = (r: Reply) => r.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
const capitalised = (s: string) => `${s.charAt(0).toUpperCase() + s.slice(1)}.`;

describe('NO_DEVICES in chat', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({ push: false });
  });
  afterAll(async () => {
    await world?.close();
  });
  const admin = principal('slack', 'admin');

  it('says what the CLI says: the same cause, fix and usual reasons', async () => {
    const prod = world.config.apps.find((a) => a.name === 'prod')!;
    const reply = await card(world.core, admin, 'bob');
    const cli = explainNoDevices(en, prod, 'bob');
    expect(reply).toMatchObject({
      status: 'warning',
      visibility: 'ephemeral',
      title: 'No devices for bob in prod',
      code: 'NO_DEVICES',
      cause: cli.cause,
      fix: cli.fix,
    });
    expect(listItems(reply)).toEqual(NO_DEVICES_REASONS.map(capitalised));
    expect(reply.cause).toMatch(/the check ends here/);
  });

  it('after a certificate filter finds nothing, names the certificate the user uploaded with instead', async () => {
    const token = apnsToken();
    await world.services.devices.upsert({ app: 'prod', userId: 'erin', certificateId: '10086', platform: 'apns', token });
    const shown = await card(world.core, admin, 'erin');
    const select = shown.actions!.find((a) => a.type === 'select')!;
    const only10086 = await run(world.core.action(admin, select.id, '10086'));
    expect(only10086.blocks.some((b) => b.type === 'text' && b.text.includes('Testing certificate 10086 only'))).toBe(true);
    // Meanwhile the app re-registers the same token under another certificate ID (a release build, say).
    await world.services.devices.upsert({ app: 'prod', userId: 'erin', certificateId: '10087', platform: 'apns', token });

    const reply = await press(world.core, admin, only10086, 'Start testing');
    expect(reply).toMatchObject({ status: 'warning', title: 'No devices for erin with certificate 10086', code: 'NO_DEVICES' });
    expect(reply.cause).toBe('erin uploaded no device with certificate 10086; their devices use certificate 10087.');
    expect(reply.fix).toMatch(/^Test with certificate 10087/);
    expect(listItems(reply)).toEqual([OTHER_CERTIFICATE_REASON, ...NO_DEVICES_REASONS].map(capitalised));
    expect((await world.services.audit.recent(1))[0]).toMatchObject({ action: 'push.test', target: 'erin', outcome: 'no devices' });
  });
});

describe('one test run sends to at most MAX_TEST_DEVICES devices', () => {
  let fixture: PushFixture;
  let store: DeviceStore;
  let core: CommandCore;
  let push: ReturnType<typeof createPushService>;
  let clock = Date.parse('2026-03-01T12:00:00Z');
  const tokens: string[] = [];
  const admin = principal('discord', 'admin');
  const extra = 5;

  beforeAll(async () => {
    fixture = await startPushFixture({ timeoutMs: 3000 });
    const log = capturedLogger().log;
    const config: Config = {
      source: 'test.yml',
      dataDir: ':memory:',
      providers: fixture.providers,
      apps: [{ name: 'prod', sdkAppId: 1400000001, secretKey: 'k'.repeat(64), certificates: fixture.certificates }],
      access: { 'push.test': [`discord:${admin.userId}`] },
    };
    // A store that keeps more than a test run sends to (as one configured with a larger cap, or older data).
    const opened = openSqliteStore({ dataDir: ':memory:', now: () => clock, maxPerUser: 100 });
    store = opened.devices;
    push = createPushService({ config, store, tester: createDeviceTester({ providers: fixture.providers, log }), log });
    core = createCommandCore({ config, log, push, audit: opened.audit, now: () => clock });
    for (let i = 0; i < MAX_TEST_DEVICES + extra; i++) {
      clock += 1000; // each upload seen a second after the one before
      const token = apnsToken();
      tokens.push(token);
      await store.upsert({ app: 'prod', userId: 'frank', certificateId: '10086', platform: 'apns', token, environment: 'production' });
    }
  });
  afterAll(async () => {
    await push?.close();
    await fixture?.close();
  });

  it('tests the most recently seen, and says how many older ones were left out', async () => {
    const shown = await card(core, admin, 'frank');
    const intro = shown.blocks.find((b) => b.type === 'text');
    expect(intro?.type === 'text' && intro.text).toContain(`the ${MAX_TEST_DEVICES} most recently seen of these ${MAX_TEST_DEVICES + extra} devices`);

    const reply = await press(core, admin, shown, 'Start testing');
    expect(reply.title).toBe(`Test push delivered: ${MAX_TEST_DEVICES} of ${MAX_TEST_DEVICES} devices passed`);
    const said = reply.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');
    expect(said).toContain(`Tested the ${MAX_TEST_DEVICES} most recently seen of ${MAX_TEST_DEVICES + extra} devices`);
    expect(said).toContain(`${extra} older devices were not sent a push`);

    const pushed = fixture.apns.production.requests.map((r) => r.path.slice(r.path.lastIndexOf('/') + 1));
    expect(pushed).toHaveLength(MAX_TEST_DEVICES);
    expect(new Set(pushed)).toEqual(new Set(tokens.slice(extra)));
  });
});
