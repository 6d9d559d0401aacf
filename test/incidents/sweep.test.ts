// `imops devices import`, `imops push sweep` and `imops watch --once`, in process, against the APNs and FCM
// emulators: what an on-call engineer sees, and what reached the providers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import { apnsToken, fcmToken, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';
import { capturedIo } from '../devices/helpers.js';

const SDKAPPID = 1400000000;
const SECRET = 'c3e9a1b2d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('fleet commands: import, sweep, watch --once', () => {
  let fixture: PushFixture;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let configPath: string;

  const writeConfig = (extra: Record<string, unknown> = {}) => {
    const base = parseYaml(fixture.configYaml({ name: 'prod', sdkAppId: SDKAPPID, secretKey: SECRET })) as Record<string, unknown>;
    writeFileSync(configPath, stringify({ ...base, ...extra }), { mode: 0o600 });
  };

  beforeAll(async () => {
    fixture = await startPushFixture({ timeoutMs: 3000 });
  });
  afterAll(async () => {
    await fixture?.close();
  });
  beforeEach(() => {
    fixture.reset();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'imops-sweep-'));
    configPath = join(dir, 'imops.yml');
    writeConfig();
    env = { IMOPS_CONFIG: configPath, IMOPS_DATA_DIR: join(dir, 'data') };
  });

  async function imops(args: string[]) {
    const cap = capturedIo(env, dir);
    const code = await main(args, { io: cap.io });
    return { code, out: cap.stdout(), err: cap.stderr() };
  }

  function importFile(lines: string[]): string {
    const file = join(dir, `devices-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  const apnsLines = (tokens: string[], cert = '10086') =>
    tokens.map((token, i) => JSON.stringify({ userId: `user${i}`, certificateId: cert, token, lastSeen: 1_700_000_000_000 + i * 1000 }));

  it('imports JSON lines idempotently, stores the good lines and names the rejected ones by line number', async () => {
    const tokens = [apnsToken(), apnsToken()];
    const file = importFile([
      ...apnsLines(tokens),
      '{"userId":"bob","certificateId":"20001"}',
      'not json',
      JSON.stringify({ userId: 'carol', certificateId: '20001', token: fcmToken(), platform: 'fcm', environment: 'staging' }),
      '',
      JSON.stringify({ userId: 'dave', certificateId: '20001', token: fcmToken(), platform: 'fcm' }),
    ]);
    const first = await imops(['devices', 'import', file, '--json']);
    expect(first.code).toBe(1);
    expect(JSON.parse(first.out)).toEqual({
      stored: 3,
      updated: 0,
      rejected: [
        { line: 3, problem: '"token" is missing' },
        { line: 4, problem: 'not JSON' },
        { line: 5, problem: '"environment" is "staging"; expected production or sandbox' },
      ],
    });
    const again = await imops(['devices', 'import', file, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ stored: 0, updated: 3 });

    const clean = await imops(['devices', 'import', importFile(apnsLines(tokens))]);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('0 stored, 2 updated, 0 rejected');
    const listed = await imops(['devices', 'list', 'user1', '--json']);
    expect(JSON.parse(listed.out).devices[0].lastSeen).toBe(new Date(1_700_000_001_000).toISOString());
  });

  it('lists every rejected line in --json, and the first 50 on a terminal', async () => {
    const file = importFile(Array.from({ length: 60 }, (_, i) => `{"userId":"u${i}"`));
    const json = JSON.parse((await imops(['devices', 'import', file, '--json'])).out);
    expect(json.rejected).toHaveLength(60);
    expect(json.rejected[59]).toEqual({ line: 60, problem: 'not JSON' });
    const text = await imops(['devices', 'import', file]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('the first 50 of 60');
    expect(text.out).toContain('line 50: not JSON');
    expect(text.out).not.toContain('line 51:');
  });

  it('sweeps APNs devices with background pushes only, counts each verdict exactly and prunes the unregistered', async () => {
    const good = Array.from({ length: 6 }, () => apnsToken());
    const gone = [apnsToken(), apnsToken()];
    const bad = apnsToken();
    for (const t of gone) fixture.apns.production.program(t, { kind: 'reject', reason: 'Unregistered', timestamp: Date.now() });
    fixture.apns.production.program(bad, { kind: 'reject', reason: 'BadDeviceToken' });
    fixture.tokenOnlyIn('production', bad);
    expect((await imops(['devices', 'import', importFile(apnsLines([...good, ...gone, bad]))])).code).toBe(0);

    const r = await imops(['push', 'sweep', '--cert', '10086', '--prune', '--json']);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      app: 'prod',
      certificateId: '10086',
      platform: 'apns',
      mode: 'background',
      sampled: 9,
      tested: 9,
      byVerdict: { DELIVERED: 6, TOKEN_UNREGISTERED: 2, BAD_DEVICE_TOKEN: 1 },
      pruned: 2,
    });
    expect(json.failureRate).toBeCloseTo(3 / 9, 4);
    expect(r.code).toBe(1);
    // Masked examples, never a whole token.
    expect(json.examples.TOKEN_UNREGISTERED).toHaveLength(2);
    expect(r.out).not.toContain(gone[0]);
    const production = fixture.apns.production.requests;
    expect(production.length).toBeGreaterThanOrEqual(9);
    for (const req of [...production, ...fixture.apns.sandbox.requests]) {
      expect(req.pushType).toBe('background');
      expect(req.priority).toBe('5');
      const aps = (req.payload as { aps: Record<string, unknown> }).aps;
      expect(aps['content-available']).toBe(1);
      expect(aps.alert).toBeUndefined();
      expect(aps.sound).toBeUndefined();
    }
    // One HTTP/2 connection for the whole sweep on this certificate.
    expect(new Set(production.map((q) => q.connection)).size).toBe(1);

    // Pruned: the next sweep samples only the devices still there.
    fixture.reset();
    const next = JSON.parse((await imops(['push', 'sweep', '--cert', '10086', '--json', '--max-failure-rate', '0.5'])).out);
    expect(next.sampled).toBe(7);
  });

  it('samples the N most recently seen devices and passes under the failure-rate limit', async () => {
    const tokens = Array.from({ length: 5 }, () => apnsToken());
    await imops(['devices', 'import', importFile(apnsLines(tokens))]);
    const r = await imops(['push', 'sweep', '--cert', '10086', '--sample', '3', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ sampled: 3, tested: 3, byVerdict: { DELIVERED: 3 }, failureRate: 0, pruned: 0 });
    // The newest three (the last lines have the latest lastSeen).
    expect(new Set(fixture.apns.production.requests.map((q) => q.token))).toEqual(new Set(tokens.slice(2)));
  });

  it('backs off on 429 and retries, leaving nothing RATE_LIMITED when the provider recovers', async () => {
    const tokens = Array.from({ length: 4 }, () => apnsToken());
    fixture.apns.production.program(tokens[0]!, { kind: 'sequence', steps: [{ kind: 'reject', reason: 'TooManyRequests' }, { kind: 'accept' }] });
    await imops(['devices', 'import', importFile(apnsLines(tokens))]);
    const r = await imops(['push', 'sweep', '--cert', '10086', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ tested: 4, byVerdict: { DELIVERED: 4 }, failureRate: 0 });
    expect(fixture.apns.production.requests.filter((q) => q.token === tokens[0])).toHaveLength(2);
    expect(r.code).toBe(0);
  });

  it('sweeps FCM devices with validate_only dry runs only', async () => {
    const tokens = [fcmToken(), fcmToken(), fcmToken()];
    fixture.fcm.program(tokens[2]!, { behaviour: { kind: 'fcmError', errorCode: 'UNREGISTERED' } });
    const lines = tokens.map((token, i) => JSON.stringify({ userId: `f${i}`, certificateId: '20001', token, platform: 'fcm' }));
    await imops(['devices', 'import', importFile(lines)]);
    const r = await imops(['push', 'sweep', '--cert', '20001', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ platform: 'fcm', mode: 'validate_only', tested: 3, byVerdict: { DELIVERED: 2, TOKEN_UNREGISTERED: 1 } });
    const sends = fixture.fcm.requests.filter((q) => q.path.endsWith('/messages:send'));
    expect(sends).toHaveLength(3);
    expect(sends.every((q) => q.validateOnly)).toBe(true);
  });

  it('shows the verdict histogram as a bar chart on a terminal and refuses an unknown certificate', async () => {
    await imops(['devices', 'import', importFile(apnsLines([apnsToken(), apnsToken()]))]);
    const r = await imops(['push', 'sweep', '--cert', '10086']);
    expect(r.out).toMatch(/DELIVERED\s+█+\s+2/);
    const unknown = await imops(['push', 'sweep', '--cert', '99999']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('10086');
  });

  it('watch --once alerts once per change, then a recovery, with state kept in the store', async () => {
    writeConfig({ watch: { every: '1h', notify: [], certificateExpiryDays: 30, sweep: { sample: 10, maxFailureRate: 0.2 } } });
    const tokens = Array.from({ length: 4 }, () => apnsToken());
    for (const t of tokens.slice(0, 2)) fixture.apns.production.program(t, { kind: 'reject', reason: 'DeviceTokenNotForTopic' });
    await imops(['devices', 'import', importFile(apnsLines(tokens))]);

    const first = await imops(['watch', '--once', '--json']);
    const alerts = JSON.parse(first.out).alerts;
    expect(alerts).toEqual([
      expect.objectContaining({ certificateId: '10086', kind: 'failure_rate', verdict: 'TOKEN_NOT_FOR_TOPIC', cause: expect.stringContaining('50%') }),
    ]);
    expect(first.code).toBe(1);

    const second = await imops(['watch', '--once', '--json']);
    expect(JSON.parse(second.out)).toEqual({ alerts: [] });
    expect(second.code).toBe(0);

    fixture.reset();
    const third = await imops(['watch', '--once', '--json']);
    expect(JSON.parse(third.out).alerts).toEqual([expect.objectContaining({ certificateId: '10086', kind: 'recovered' })]);
    expect(JSON.parse((await imops(['watch', '--once', '--json'])).out)).toEqual({ alerts: [] });
  });

  it('watch --once skips the round while another holder runs one (the store lock)', async () => {
    const other = openSqliteStore({ dataDir: join(dir, 'data') });
    try {
      expect(await other.locks.tryAcquire('watch:round', 60_000)).toBe(true);
      const r = await imops(['watch', '--once', '--json']);
      expect(JSON.parse(r.out)).toEqual({ alerts: [] });
      expect(r.err).toContain('another imops');
      expect(fixture.apns.production.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
