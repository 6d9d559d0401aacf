// What a chat user does through an adapter shows up in /metrics: commands by name and outcome, their latency,
// and UserSig verdicts. Runs `startServe` in process with a stand-in adapter that drives the core it is given,
// exactly as the Slack and Discord adapters do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createLogger } from '../../src/log.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import type { ChatAdapter } from '../../src/commands/adapter.js';
import type { CommandCore, Principal } from '../../src/commands/types.js';
import { generateUserSig } from '../../src/usersig/index.js';
import { startServe, type RunningServe } from '../../src/cli/serve.js';
import { metricValue, tempDir } from './harness.js';

const SDKAPPID = 1400000321;
const tmp = tempDir('metrics');
const config: Config = {
  source: 'test',
  apps: [{ name: 'prod', sdkAppId: SDKAPPID, secretKey: 'the-real-key', certificates: [] }],
  access: {},
  providers: structuredClone(DEFAULT_PROVIDERS),
  dataDir: join(tmp.dir, 'data'),
};
const alice: Principal = { platform: 'slack', userId: 'U0ALICE', roles: [] };

let serve: RunningServe;
let core: CommandCore | undefined;

beforeAll(async () => {
  const capture: ChatAdapter = {
    name: 'slack', label: 'Slack', setupHint: 'set up Slack',
    missing: () => [],
    async start(ctx) {
      core = ctx.core;
      return { description: 'stand-in', ready: () => true, stop: async () => {} };
    },
  };
  serve = await startServe({ config, env: {}, adapters: [capture], log: createLogger({ level: 'silent' }), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await serve?.close();
  tmp.remove();
});

const scrape = async () => (await fetch(`${serve.url}/metrics`)).text();

describe('command metrics', () => {
  it('counts a verification by command and outcome, times it, and counts its UserSig verdict', async () => {
    const forged = generateUserSig({ sdkAppId: SDKAPPID, secretKey: 'some-other-key', userId: 'alice' });
    const plan = core!.plan(alice, core!.parseText('usersig', `verify alice ${forged}`));
    expect(plan.kind).not.toBe('form');
    if (plan.kind === 'form') return;
    const reply = await plan.run();

    const text = await scrape();
    expect(metricValue(text, `imops_commands_total{command="usersig verify",outcome="${reply.status}"}`)).toBe(1);
    expect(metricValue(text, 'imops_command_duration_seconds_count{command="usersig verify"}')).toBe(1);
    expect(metricValue(text, 'imops_usersig_verdicts_total{verdict="SIGNATURE_MISMATCH"}')).toBe(1);
  });

  it('counts a command that opens a form, and keeps typed command names out of the labels', async () => {
    const form = core!.plan(alice, core!.parseText('usersig', ''));
    expect(form.kind).toBe('form');
    const typo = core!.plan(alice, core!.parseText('usersig', 'verfy alice x'));
    if (typo.kind !== 'form') await typo.run();

    const text = await scrape();
    expect(metricValue(text, 'imops_commands_total{command="usersig",outcome="form"}')).toBe(1);
    expect(text).not.toContain('verfy');
  });
});
