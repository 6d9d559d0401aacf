// Per-person rate limits: the limiter itself, and what a chat user sees from the command core when they hit one.
// The clock is pinned (CoreServices.now), so nothing sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, NO_RATE_LIMITS, PUSH_TEST_LIMIT, RATE_LIMITS, USERSIG_GENERATE_LIMIT } from '../../src/access/rate-limit.js';
import type { Reply } from '../../src/commands/reply.js';
import type { Plan, Principal } from '../../src/commands/types.js';
import { createWorld, principal, USERS, type World } from '../scenarios/table.js';

const MIN = 60_000;

describe('the rate limiter', () => {
  const limits = { 'usersig.generate': { max: 3, windowMs: 10 * MIN }, 'push.test': { max: 1, windowMs: MIN } };

  it('allows max uses in any window, then says how long until the oldest one leaves it', () => {
    const l = createRateLimiter(limits);
    expect(l.take('slack:U1', 'usersig.generate', 0)).toEqual({ allowed: true, remaining: 2 });
    expect(l.take('slack:U1', 'usersig.generate', 5 * MIN).allowed).toBe(true);
    expect(l.take('slack:U1', 'usersig.generate', 9 * MIN).allowed).toBe(true);
    expect(l.take('slack:U1', 'usersig.generate', 9 * MIN + 1)).toEqual({ allowed: false, retryAfterMs: MIN - 1, limit: limits['usersig.generate'] });
    // Refused uses are not counted: after the wait it was told, the user gets exactly one more.
    expect(l.take('slack:U1', 'usersig.generate', 10 * MIN - 1).allowed).toBe(false);
    expect(l.take('slack:U1', 'usersig.generate', 10 * MIN).allowed).toBe(true);
    // Sliding, not fixed: no fresh burst at a window boundary.
    expect(l.take('slack:U1', 'usersig.generate', 10 * MIN + 1)).toMatchObject({ allowed: false, retryAfterMs: 5 * MIN - 1 });
  });

  it('keeps each person and each action apart', () => {
    const l = createRateLimiter(limits);
    expect(l.take('slack:U1', 'push.test', 0).allowed).toBe(true);
    expect(l.take('slack:U1', 'push.test', 1).allowed).toBe(false);
    expect(l.take('discord:U1', 'push.test', 1).allowed).toBe(true);
    expect(l.take('slack:U2', 'push.test', 1).allowed).toBe(true);
    expect(l.take('slack:U1', 'usersig.generate', 1).allowed).toBe(true);
  });

  it('never asks for more than the window when the clock steps back', () => {
    const l = createRateLimiter(limits);
    expect(l.take('k', 'push.test', 10 * MIN).allowed).toBe(true);
    const d = l.take('k', 'push.test', 5 * MIN);
    expect(d).toMatchObject({ allowed: false });
    expect(d.allowed === false && d.retryAfterMs).toBeLessThanOrEqual(MIN);
  });

  it('with its memory bounded, still limits the person active now while many others come and go', () => {
    const l = createRateLimiter(limits, { maxKeys: 100 });
    for (let i = 0; i < 1000; i++) l.take(`slack:U${i}`, 'push.test', i);
    expect(l.size).toBeLessThanOrEqual(100);
    expect(l.take('slack:U999', 'push.test', 1000).allowed).toBe(false);
    // Once their windows have passed, idle people are swept first.
    for (let i = 0; i < 50; i++) l.take(`discord:U${i}`, 'push.test', 2 * MIN + i);
    expect(l.take('slack:U999', 'push.test', 2 * MIN + 60).allowed).toBe(true);
    expect(l.size).toBeLessThanOrEqual(100);
  });

  it('ships 30 UserSigs and 10 push tests per person per 10 minutes; NO_RATE_LIMITS never refuses', () => {
    expect(RATE_LIMITS).toEqual({ 'usersig.generate': USERSIG_GENERATE_LIMIT, 'push.test': PUSH_TEST_LIMIT });
    expect(USERSIG_GENERATE_LIMIT).toEqual({ max: 30, windowMs: 10 * MIN });
    expect(PUSH_TEST_LIMIT).toEqual({ max: 10, windowMs: 10 * MIN });
    const l = createRateLimiter(NO_RATE_LIMITS);
    for (let i = 0; i < 500; i++) expect(l.take('k', 'push.test', 0).allowed).toBe(true);
  });
});

describe('rate limits in the command core', () => {
  let world: World;
  let clock = Date.parse('2026-03-01T12:00:00Z');
  beforeAll(async () => {
    world = await createWorld({ push: false, now: () => clock });
  });
  afterAll(async () => {
    await world?.close();
  });

  const run = async (plan: Plan): Promise<Reply> => {
    if (plan.kind === 'form') throw new Error(`expected a reply, got the form ${plan.form.id}`);
    return plan.run();
  };
  const gen = (who: Principal, text = 'gen alice 1d prod') => run(world.core.plan(who, world.core.parseText('usersig', text)));
  const card = (who: Principal, userId: string) => run(world.core.plan(who, world.core.parseText('pushcheck', `${userId} prod`)));
  const press = (who: Principal, reply: Reply, label: string) => {
    const button = reply.actions?.find((a) => a.type === 'button' && a.label === label);
    if (!button) throw new Error(`no "${label}" button on "${reply.title}"`);
    return run(world.core.action(who, button.id));
  };

  it('a person who generated too many UserSigs is told how long to wait and why; nobody else is held back', async () => {
    const hasty = principal('slack', 'hasty');
    // Bad input costs nothing: only UserSigs that would be signed count.
    for (let i = 0; i < 5; i++) expect((await gen(hasty, 'gen alice forever prod')).status).toBe('error');
    for (let i = 0; i < USERSIG_GENERATE_LIMIT.max; i++) expect((await gen(hasty)).status).toBe('success');

    const limited = await gen(hasty);
    expect(limited).toMatchObject({ status: 'warning', visibility: 'ephemeral', code: 'RATE_LIMITED', title: 'Too many UserSigs: wait 10 minutes' });
    expect(limited.cause).toContain('all 30 UserSigs allowed per person in 10 minutes');
    expect(limited.cause).toMatch(/logs in as its user/);
    expect(limited.fix).toMatch(/^Wait 10 minutes, then try again/);
    expect(limited.blocks.some((b) => b.type === 'code')).toBe(false);
    const entry = (await world.services.audit.recent(1))[0];
    expect(entry).toMatchObject({ principal: `slack:${USERS.hasty.slack}`, action: 'usersig.generate', app: 'prod', target: 'alice', outcome: 'rate_limited' });

    // The same person on another platform, and another person, are not affected.
    expect((await gen(principal('discord', 'hasty'))).status).toBe('success');
    expect((await gen(principal('slack', 'admin'))).status).toBe('success');
    // Someone not in access is still told that, not about limits.
    expect((await gen(principal('slack', 'stranger'))).title).toMatch(/not allowed/);

    clock += 4 * MIN;
    expect((await gen(hasty)).title).toBe('Too many UserSigs: wait 6 minutes');
    clock += 6 * MIN;
    expect((await gen(hasty)).status).toBe('success');
  });

  it('a person who ran too many push tests keeps the card and the button, and is told to wait', async () => {
    const hasty = principal('discord', 'hasty');
    let reply = await card(hasty, 'dave');
    reply = await press(hasty, reply, 'Start testing');
    for (let i = 1; i < PUSH_TEST_LIMIT.max; i++) {
      expect(reply.title).toMatch(/failed/);
      reply = await press(hasty, reply, 'Test again');
    }
    expect(reply.title).toMatch(/failed/);
    const limited = await press(hasty, reply, 'Test again');
    expect(limited).toMatchObject({ status: 'warning', visibility: 'ephemeral', code: 'RATE_LIMITED', title: 'Too many push tests: wait 10 minutes' });
    expect(limited.cause).toMatch(/real notifications/);
    expect(limited.actions?.map((a) => a.type === 'button' && a.label)).toEqual(['Test again']);
    expect((await world.services.audit.recent(1))[0]).toMatchObject({
      principal: `discord:${USERS.hasty.discord}`,
      action: 'push.test',
      target: 'dave',
      outcome: 'rate_limited',
    });

    // Looking at the devices is not a test run; another person can still test.
    expect((await card(hasty, 'dave')).title).toMatch(/Devices of dave/);
    const admin = principal('discord', 'admin');
    expect((await press(admin, await card(admin, 'dave'), 'Start testing')).title).toMatch(/failed/);

    clock += PUSH_TEST_LIMIT.windowMs;
    expect((await press(hasty, limited, 'Test again')).title).toMatch(/failed/);
  });

  it('the CLI principal is never limited', async () => {
    const operator: Principal = { platform: 'cli', userId: 'ops', roles: [] };
    for (let i = 0; i < USERSIG_GENERATE_LIMIT.max + 5; i++) expect((await gen(operator)).status).toBe('success');
  });
});
