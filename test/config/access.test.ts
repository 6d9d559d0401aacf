// `access` in the config: only actions imops guards may be named, and "*" allows everyone on chat.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { ConfigError } from '../../src/errors.js';
import { GUARDED_ACTIONS, isAllowed } from '../../src/access/policy.js';
import type { Principal } from '../../src/commands/types.js';
import { createLogger } from '../../src/log.js';
import { startServe, type RunningServe } from '../../src/cli/serve.js';

const dir = mkdtempSync(join(tmpdir(), 'imops-access-'));

function load(access: unknown) {
  const path = join(dir, `imops-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(path, stringify({ apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: '${KEY}' }], access }), { mode: 0o600 });
  return loadConfig({ path, env: { KEY: 'k'.repeat(40) } });
}

function loadError(access: unknown): ConfigError {
  try {
    load(access);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const config = (access: Config['access']): Config => ({
  source: 'test',
  apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: [] }],
  access,
  providers: structuredClone(DEFAULT_PROVIDERS),
  dataDir: join(dir, 'data'),
});
const alice: Principal = { platform: 'slack', userId: 'U0ALICE', roles: [] };
const bob: Principal = { platform: 'discord', userId: '42', roles: ['7'] };
const operator: Principal = { platform: 'cli', userId: 'root', roles: [] };

describe('access keys in the config file', () => {
  it('rejects a misspelled action, suggesting the right one and listing the valid actions', () => {
    const err = loadError({ 'usersig.gen': ['slack:U0ALICE'] });
    expect(err.field).toBe('access.usersig.gen');
    expect(err.message).toContain('"usersig.gen" is not an action imops guards (did you mean usersig.generate?)');
    expect(err.message).toContain('the actions are usersig.generate, push.test');
  });

  it('rejects an action imops does not have, listing the valid ones', () => {
    const err = loadError({ deploy: ['slack:U0ALICE'] });
    expect(err.message).toMatch(/"deploy" is not an action imops guards; the actions are usersig\.generate, push\.test/);
  });

  it('accepts every guarded action', () => {
    const access = Object.fromEntries(GUARDED_ACTIONS.map((a) => [a, ['slack:U0ALICE']]));
    expect(load(access).config.access).toEqual(access);
  });
});

describe('"*" in an access list', () => {
  it('allows every chat principal on every platform that action, and no other action', () => {
    const c = config({ 'usersig.generate': ['*'] });
    expect(isAllowed(c, alice, 'usersig.generate')).toBe(true);
    expect(isAllowed(c, bob, 'usersig.generate')).toBe(true);
    expect(isAllowed(c, alice, 'push.test')).toBe(false);
    expect(isAllowed(c, operator, 'push.test')).toBe(true);
  });

  it('works next to named principals and with stray spaces', () => {
    const c = config({ 'push.test': ['slack:U0ALICE', ' * '] });
    expect(isAllowed(c, bob, 'push.test')).toBe(true);
  });

  it('is not a pattern inside a name: "slack:*" allows nobody', () => {
    expect(isAllowed(config({ 'push.test': ['slack:*'] }), alice, 'push.test')).toBe(false);
  });
});

describe('the serve banner', () => {
  let serve: RunningServe | undefined;
  afterAll(async () => {
    await serve?.close();
  });

  it('says "everyone" for an action open to "*", and counts principals otherwise', async () => {
    serve = await startServe({
      config: config({ 'usersig.generate': ['*'], 'push.test': ['slack:U0ALICE', 'discord:role:7'] }),
      env: {},
      adapters: [],
      log: createLogger({ level: 'silent' }),
      port: 0,
      host: '127.0.0.1',
    });
    const text = serve.banner().join('\n');
    expect(text).toMatch(/usersig\.generate: everyone on chat \("\*" in access\.usersig\.generate\)/);
    expect(text).toMatch(/push\.test: 2 principals/);
    expect(text).not.toMatch(/usersig\.generate: 1 principal/);
  });
});
