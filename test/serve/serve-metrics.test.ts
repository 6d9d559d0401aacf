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
    name: 'slack',
    label: 'Slack',
    setupHint: 'set up Slack',
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

/** Every metric family imops exports, with its type: the names dashboards and alerts are written against. */
const FAMILIES: Record<string, 'counter' | 'histogram'> = {
  imops_commands_total: 'counter',
  imops_command_duration_seconds: 'histogram',
  imops_push_verdicts_total: 'counter',
  imops_push_duration_seconds: 'histogram',
  imops_usersig_verdicts_total: 'counter',
  imops_http_requests_total: 'counter',
  imops_http_request_duration_seconds: 'histogram',
  imops_device_uploads_total: 'counter',
  imops_sweep_verdicts_total: 'counter',
  imops_watch_alerts_total: 'counter',
};

// The Prometheus text exposition format, line by line (https://prometheus.io/docs/instrumenting/exposition_formats/).
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const SAMPLE = new RegExp(`^(${NAME})(?:\\{${LABEL}(?:,${LABEL})*\\})? (?:[-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?|NaN|[-+]Inf)$`);
const HELP = new RegExp(`^# HELP (${NAME}) \\S`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

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

  it('serves valid Prometheus text exposition with the same metric names, types and help as before', async () => {
    const res = await fetch(`${serve.url}/metrics`);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();

    const types = new Map<string, string>();
    const helped = new Set<string>();
    const samples: string[] = [];
    for (const line of text.split('\n').filter((l) => l !== '')) {
      const help = HELP.exec(line);
      const type = TYPE.exec(line);
      const sample = SAMPLE.exec(line);
      if (help) helped.add(help[1]!);
      else if (type) {
        expect(types.has(type[1]!), `${type[1]} declared twice`).toBe(false);
        types.set(type[1]!, type[2]!);
      } else {
        expect(sample, `not an exposition line: ${line}`).not.toBeNull();
        samples.push(sample![1]!);
      }
    }
    expect(Object.fromEntries(types)).toEqual(FAMILIES);
    expect([...helped].sort()).toEqual(Object.keys(FAMILIES).sort());
    // Every sample belongs to a declared family: histograms only through their _bucket, _sum and _count series.
    for (const name of samples) {
      const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
      expect(types.get(family), name).toBe(types.has(name) ? 'counter' : 'histogram');
    }
    // A histogram's +Inf bucket counts every observation, as Prometheus' histogram_quantile() expects.
    const count = metricValue(text, 'imops_command_duration_seconds_count{command="usersig verify"}');
    expect(count).toBeGreaterThan(0);
    expect(metricValue(text, 'imops_command_duration_seconds_bucket{le="+Inf",command="usersig verify"}')).toBe(count);
    expect(text).toContain('# HELP imops_commands_total Chat and CLI commands by command name and outcome.');
  });
});
