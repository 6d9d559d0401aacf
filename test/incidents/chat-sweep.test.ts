// /pushsweep through the command core, as both adapters drive it: deferred, ephemeral, a bar chart of the verdicts,
// only for principals allowed push.test; and /pushcheck still reads "sweep" as a UserID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandCore } from '../../src/commands/core.js';
import type { CommandCore, Principal } from '../../src/commands/types.js';
import type { Config } from '../../src/config/types.js';
import { createLogger } from '../../src/log.js';
import { openServices, type Services } from '../../src/services.js';
import { apnsToken, startPushFixture, type PushFixture } from '../emulators/push-fixture.js';

const oncall: Principal = { platform: 'slack', userId: 'U0ONCALL', roles: [] };
const visitor: Principal = { platform: 'slack', userId: 'U0VISIT', roles: [] };

let fixture: PushFixture;
let services: Services;
let core: CommandCore;

beforeAll(async () => {
  fixture = await startPushFixture({ timeoutMs: 3000 });
  const log = createLogger({ level: 'silent' });
  const config: Config = {
    source: 'test',
    apps: [fixture.app('prod')],
    access: { 'push.test': ['slack:U0ONCALL'] },
    providers: fixture.providers,
    dataDir: ':memory:',
  };
  services = await openServices({ config, log, dataDir: ':memory:' });
  core = createCommandCore({ config, log, push: services.push, audit: services.audit, devices: services.devices });
});
afterAll(async () => {
  await services?.close();
  await fixture?.close();
});

describe('/pushsweep', () => {
  it('answers later with a verdict bar chart, visible only to the caller', async () => {
    const tokens = [apnsToken(), apnsToken(), apnsToken()];
    fixture.apns.production.program(tokens[0]!, { kind: 'reject', reason: 'Unregistered', timestamp: Date.now() });
    fixture.tokenOnlyIn('production', tokens[0]!);
    await services.devices.importBatch(tokens.map((token, i) => ({ app: 'prod', userId: `u${i}`, certificateId: '10086', platform: 'apns' as const, token })));
    const plan = core.plan(oncall, core.parseText('pushsweep', '10086'));
    expect(plan.kind).toBe('defer');
    if (plan.kind !== 'defer') return;
    const reply = await plan.run();
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.status).toBe('failure');
    const chart = reply.blocks.find((b) => b.type === 'code');
    expect(chart && 'text' in chart ? chart.text : '').toMatch(/DELIVERED\s+█+\s+2\nTOKEN_UNREGISTERED\s+█+\s+1/);
    expect(JSON.stringify(reply)).not.toContain(tokens[0]);
    expect(fixture.apns.production.requests.every((r) => r.pushType === 'background')).toBe(true);
  });

  it('is refused to principals not allowed push.test, and nothing is sent', async () => {
    fixture.reset();
    const plan = core.plan(visitor, core.parseText('pushsweep', '10086'));
    if (plan.kind === 'form') throw new Error('unexpected form');
    const reply = await plan.run();
    expect(reply.status).toBe('error');
    expect(fixture.apns.production.requests).toHaveLength(0);
  });

  it('leaves /pushcheck sweep meaning the UserID "sweep"', () => {
    expect(core.parseText('pushcheck', 'sweep').args.userId).toBe('sweep');
  });
});
