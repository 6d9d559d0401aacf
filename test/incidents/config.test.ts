// The `watch:` section: defaults, durations, and errors that name the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

function load(watch: string) {
  const dir = mkdtempSync(join(tmpdir(), 'imops-watch-config-'));
  const path = join(dir, 'imops.yml');
  writeFileSync(path, `apps:\n  - name: prod\n    sdkAppId: 1400000000\n    secretKey: ${'a'.repeat(64)}\n${watch}`, { mode: 0o600 });
  return loadConfig({ path, env: {}, cwd: dir }).config;
}

function error(watch: string): string {
  try {
    load(watch);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('watch: in imops.yml', () => {
  it('is absent unless configured, and takes its defaults', () => {
    expect(load('').watch).toBeUndefined();
    expect(load('watch:\n  notify: ["slack:C0123ABC", "discord:123456789012345678"]\n').watch).toEqual({
      every: '1h',
      everyMs: 3_600_000,
      notify: ['slack:C0123ABC', 'discord:123456789012345678'],
      certificateExpiryDays: 30,
      sweep: { sample: 100, maxFailureRate: 0.2 },
    });
    expect(load('watch:\n  every: 15m\n  sweep: { sample: 50 }\n').watch).toMatchObject({ everyMs: 900_000, sweep: { sample: 50, maxFailureRate: 0.2 } });
  });

  it('names the field of a wrong value', () => {
    expect(error('watch:\n  every: 10s\n')).toMatch(/watch\.every.*at least 1m/);
    expect(error('watch:\n  every: hourly\n')).toMatch(/watch\.every.*15m, 1h or 1d/);
    expect(error('watch:\n  notify: ["#oncall"]\n')).toMatch(/watch\.notify.*slack:<channel ID>/);
    expect(error('watch:\n  sweep: { maxFailureRate: 2 }\n')).toMatch(/watch\.sweep\.maxFailureRate/);
  });
});
