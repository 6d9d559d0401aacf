// `locale:` in the config, and who reads which language: the person's own, their Slack workspace's, the default.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { readerCatalogue } from '../../src/commands/context.js';
import { localeOf } from '../../src/text/index.js';

const dir = mkdtempSync(join(tmpdir(), 'imops-locale-'));

function load(locale: unknown) {
  const path = join(dir, `imops-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(path, stringify({ apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: '${KEY}' }], ...(locale !== undefined && { locale }) }), {
    mode: 0o600,
  });
  return loadConfig({ path, env: { KEY: 'k'.repeat(40) } }).config;
}

function problem(locale: unknown): string {
  try {
    load(locale);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('locale: in the config', () => {
  it('is optional: without it everyone reads English on a UTC clock', () => {
    const config = load(undefined);
    const t = readerCatalogue(config, {});
    expect(t.locale).toBe('en');
    expect(t.time.at(Date.UTC(2026, 11, 1, 4, 0, 0))).toBe('2026-12-01 04:00:00 UTC');
  });

  it('takes a language as people write it, a zone, and a language per Slack workspace', () => {
    const config = load({ default: 'zh_CN.UTF-8', timeZone: 'Asia/Shanghai', workspaces: { T0ENGLISH: 'en-US' } });
    expect(config.locale).toEqual({ default: 'zh-CN', timeZone: 'Asia/Shanghai', workspaces: { T0ENGLISH: 'en' } });
  });

  it('refuses a language imops does not speak, a zone that does not exist and a workspace that is not a team ID', () => {
    expect(problem({ default: 'fr' })).toMatch(/locale\.default.*"fr" is not a language imops speaks; use en or zh-CN/);
    expect(problem({ timeZone: 'Mars/Olympus' })).toMatch(/locale\.timeZone.*IANA time zone/);
    expect(problem({ workspaces: { 'my workspace': 'en' } })).toMatch(/Slack team ID/);
    expect(problem({ langauge: 'zh-CN' })).toMatch(/langauge/);
  });
});

describe('who reads which language', () => {
  const config = load({ default: 'zh-CN', workspaces: { T0ENGLISH: 'en' } });

  it("is the person's own when their client says, whatever the workspace or default", () => {
    expect(readerCatalogue(config, { locale: 'en', workspace: 'T0OTHER' }).locale).toBe('en');
    expect(readerCatalogue(config, { locale: 'zh-CN', workspace: 'T0ENGLISH' }).locale).toBe('zh-CN');
  });

  it("is the workspace's when the person's is unknown, then the default", () => {
    expect(readerCatalogue(config, { workspace: 'T0ENGLISH' }).locale).toBe('en');
    expect(readerCatalogue(config, { workspace: 'T0OTHER' }).locale).toBe('zh-CN');
    expect(readerCatalogue(config, {}).locale).toBe('zh-CN');
  });

  it("shows times on the person's clock, China Standard Time for a Chinese reader without one", () => {
    const at = Date.UTC(2026, 11, 1, 4, 7, 27);
    expect(readerCatalogue(config, {}).time.at(at)).toBe('2026-12-01 12:07:27 UTC+8');
    expect(readerCatalogue(config, { locale: 'en', timeZone: 'America/Los_Angeles' }).time.at(at)).toBe('2026-11-30 20:07:27 UTC-8');
    expect(readerCatalogue(config, { locale: 'en', timeZone: 'Asia/Kolkata' }).time.when(at, at - 3 * 3600_000)).toBe(
      '2026-12-01 09:37:27 UTC+5:30 (in 3 hours)',
    );
    // A zone nobody knows is the language's usual one, not a failed reply.
    expect(readerCatalogue(config, { locale: 'en', timeZone: 'Not/AZone' }).time.at(at)).toBe('2026-12-01 04:07:27 UTC');
  });

  it('maps every platform spelling of Chinese to zh-CN and leaves other languages to the default', () => {
    for (const name of ['zh-CN', 'zh-TW', 'zh_CN.UTF-8', 'zh-Hans', 'zh']) expect(localeOf(name), name).toBe('zh-CN');
    for (const name of ['en-US', 'en-GB', 'C', 'POSIX', 'en_US.UTF-8']) expect(localeOf(name), name).toBe('en');
    for (const name of ['fr', 'ja-JP', '', undefined]) expect(localeOf(name), String(name)).toBeUndefined();
  });
});
