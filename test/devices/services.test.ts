import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices } from '../../src/services.js';
import { DEFAULT_PROVIDERS, type Config } from '../../src/config/types.js';
import { capturedLogger } from './helpers.js';

describe('openServices', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const config = (dataDir: string): Config => ({
    source: 'test',
    dataDir,
    access: {},
    providers: DEFAULT_PROVIDERS,
    apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: [] }],
  });

  it('opens the store in config.dataDir, shares it between devices, push and audit, and closes cleanly twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imops-services-'));
    dirs.push(dir);
    const dataDir = join(dir, 'data');
    const s = await openServices({ config: config(dataDir), log: capturedLogger().log });
    expect(existsSync(join(dataDir, 'imops.sqlite'))).toBe(true);
    expect(s.store.describe()).toBe(`SQLite at ${join(dataDir, 'imops.sqlite')}`);
    await s.devices.upsert({ app: 'prod', userId: 'alice', certificateId: '10086', platform: 'apns', token: 'a'.repeat(64) });
    expect(await s.push.devices('prod', 'alice')).toHaveLength(1);
    expect(await s.push.knownUserIds('prod', 'a', 5)).toEqual(['alice']);
    await s.audit.record({ principal: 'cli:test', action: 'push.test', app: 'prod', target: 'alice', outcome: 'ok' });
    await Promise.all([s.close(), s.close()]);
    expect(s.store.health()).toMatchObject({ writable: false, problem: 'the store is closed' });

    // What was written is there for the next process.
    const again = await openServices({ config: config(dataDir), log: capturedLogger().log });
    expect(await again.push.devices('prod', 'alice')).toHaveLength(1);
    expect(await again.audit.recent(1)).toEqual([expect.objectContaining({ target: 'alice', outcome: 'ok' })]);
    await again.close();
  });

  it('uses the dataDir option over config.dataDir (":memory:" for a throwaway store)', async () => {
    const s = await openServices({ config: config('/nonexistent/should-not-be-created'), log: capturedLogger().log, dataDir: ':memory:' });
    expect(existsSync('/nonexistent/should-not-be-created')).toBe(false);
    expect(await s.push.devices('prod', 'alice')).toEqual([]);
    await s.close();
  });
});
