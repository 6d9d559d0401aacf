import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn, createWorld, invocationFor, principal, runOnCore, SCENARIO_LOCALES, SCENARIOS, type World } from './table.js';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import { ACTION_ID_MAX } from '../../src/commands/reply.js';

let world: World;
/** Each language runs in a world of its own: the rows spend rate-limit budgets as they go. */
const worlds = new Map<string, World>();
beforeAll(async () => {
  for (const locale of SCENARIO_LOCALES) worlds.set(locale, await createWorld());
  world = worlds.get('en')!;
});
afterAll(async () => {
  for (const w of worlds.values()) await w.close();
});

describe.each(SCENARIO_LOCALES)('scenario table on the core alone, in %s', (locale) => {
  for (const row of SCENARIOS) {
    it(`${row.name} (Slack text)`, async () => {
      const w = worlds.get(locale)!;
      const seen = await runOnCore(row, w, 'text', 'slack', locale);
      expect(checkIn(locale, row, seen, w)).toEqual([]);
    });
    if (row.only !== 'slack') {
      it(`${row.name} (typed options)`, async () => {
        const w = worlds.get(locale)!;
        const seen = await runOnCore(row, w, 'typed', 'discord', locale);
        expect(checkIn(locale, row, seen, w)).toEqual([]);
      });
    }
  }
});

describe('Slack text and typed options mean the same', () => {
  for (const row of SCENARIOS.filter((r) => r.only !== 'slack' && r.text !== '')) {
    it(row.name, () => {
      const inv = invocationFor(row, world, 'text');
      expect(inv.problem).toBeUndefined();
      const typed = Object.fromEntries(Object.entries(row.args).map(([k, v]) => [k, world.fill(v)]));
      const parsed = Object.fromEntries(Object.entries(inv.args).filter(([, v]) => v !== undefined));
      expect(parsed).toEqual(typed);
      expect(inv.subcommand).toBe(row.subcommand);
    });
  }
});

describe('the core itself', () => {
  it('derives the usage hints from the option declarations', () => {
    const usersig = COMMAND_SPECS.find((s) => s.name === 'usersig')!;
    expect(usersig.usageHint).toContain('gen <userId> [expiry] [app]');
    expect(usersig.usageHint).toContain('verify <userId> <userSig> [app]');
    expect(COMMAND_SPECS.find((s) => s.name === 'pushcheck')!.usageHint).toBe('<userId> [app]');
  });

  it('keeps every action id within the limit and answers clicks from the id alone', async () => {
    const plan = world.core.plan(principal('slack', 'admin'), world.core.parseText('pushcheck', 'alice prod'));
    if (plan.kind === 'form') throw new Error('expected a card');
    const card = await plan.run();
    for (const a of card.actions ?? []) expect(a.id.length).toBeLessThanOrEqual(ACTION_ID_MAX);
    const tampered = world.core.action(principal('slack', 'admin'), 'pc.run|prod');
    if (tampered.kind === 'form') throw new Error('expected a reply');
    const reply = await tampered.run();
    expect(reply.status).toBe('error');
    expect(reply.fix).toMatch(/run the command again/i);
  });

  it('refuses a button press from someone not in access, even with a valid id', async () => {
    const plan = world.core.plan(principal('slack', 'admin'), world.core.parseText('pushcheck', 'alice prod'));
    if (plan.kind === 'form') throw new Error('expected a card');
    const run = (await plan.run()).actions!.find((a) => a.type === 'button')!;
    const press = world.core.action(principal('slack', 'stranger'), run.id);
    if (press.kind === 'form') throw new Error('expected a reply');
    const reply = await press.run();
    expect(reply.title).toMatch(/not allowed/);
    expect(reply.fix).toContain(`access.push.test: ["slack:USTRANGER"]`);
  });

  it('suggests UserIDs with devices only to those allowed to run push checks', async () => {
    const args = { app: 'prod' };
    const forAdmin = await world.core.autocomplete(principal('discord', 'admin'), 'userId', '', args);
    expect(forAdmin.map((c) => c.value)).toEqual(expect.arrayContaining(['alice', 'carol', 'dave']));
    for (const p of [principal('discord', 'stranger'), principal('slack', 'stranger')]) {
      expect(await world.core.autocomplete(p, 'userId', '', args)).toEqual([]);
      expect(await world.core.autocomplete(p, 'userId', 'a', args)).toEqual([]);
    }
  });

  it('audits generate, verify and test with who, app and target, never the credential', async () => {
    const admin = principal('slack', 'admin');
    for (const text of ['gen erin 1d prod', `verify erin ${world.fill('{sig:alice}')} prod`]) {
      const p = world.core.plan(admin, world.core.parseText('usersig', text));
      if (p.kind === 'form') throw new Error('expected a reply');
      await p.run();
    }
    const entries = await world.services.audit.recent(10);
    const gen = entries.find((e) => e.action === 'usersig.generate' && e.target === 'erin');
    const ver = entries.find((e) => e.action === 'usersig.verify' && e.target === 'erin');
    expect(gen).toMatchObject({ principal: 'slack:UADMIN01', app: 'prod', outcome: 'generated' });
    expect(ver).toMatchObject({ principal: 'slack:UADMIN01', app: 'prod', outcome: 'USERID_MISMATCH' });
    const dump = JSON.stringify(await world.services.audit.recent(1000));
    for (const s of [...world.secrets.userSigs, ...world.secrets.keys, ...world.secrets.tokens]) expect(dump).not.toContain(s);
    expect(dump).not.toMatch(/eJ[A-Za-z0-9*_-]{60,}/);
  });

  it('turns an unexpected failure into an error with a correlation ID that is also in the log', async () => {
    const broken = {
      ...world.services.push,
      devices: () => {
        throw new Error('disk on fire');
      },
    };
    const { createCommandCore } = await import('../../src/commands/core.js');
    const core = createCommandCore({ config: world.config, log: world.log, push: broken, audit: world.services.audit });
    const p = core.plan(principal('slack', 'admin'), core.parseText('pushcheck', 'alice prod'));
    if (p.kind === 'form') throw new Error('expected a reply');
    const reply = await p.run();
    expect(reply.status).toBe('error');
    const id = /Correlation ID: ([0-9a-f]+)/.exec(reply.footer ?? '')?.[1];
    expect(id).toBeDefined();
    expect(reply.fix).toContain(id!);
    expect(world.logLines.some((l) => l.includes(id!) && l.includes('disk on fire'))).toBe(true);
    expect(JSON.stringify(reply)).not.toContain('disk on fire');
  });

  it('never logs a secret key, UserSig or full device token', () => {
    const all = world.logLines.join('\n');
    for (const s of [...world.secrets.keys, ...world.secrets.userSigs, ...world.secrets.tokens]) expect(all).not.toContain(s);
  });
});
