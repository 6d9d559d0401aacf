// The provider registry as a whole: every provider's reason table walked against the verdict list, the registry's
// promises (one folder per provider, heavy libraries loaded on the first push only), and no code outside
// src/push/providers/ that decides by comparing a platform to a literal.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/text/index.js';
import { english } from '../text/english.js';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PUSH_VERDICTS, isPushVerdict } from '../../src/push/verdicts.js';
import { PLATFORMS, PROVIDERS, DEFAULT_PROVIDERS, describeCertificate, isPlatform, providerFor } from '../../src/push/providers/index.js';
import { reasonTable } from '../../src/push/providers/reason-table.js';
import { describeToken } from '../../src/push/token-shape.js';
import { ROOT } from '../serve/harness.js';

describe('the verdict list', () => {
  it('is unique and has the round-2 verdicts the Android vendors need', () => {
    expect(new Set(PUSH_VERDICTS).size).toBe(PUSH_VERDICTS.length);
    for (const v of ['QUOTA_EXCEEDED', 'CHANNEL_INVALID', 'APP_NOT_APPROVED', 'CONTENT_REJECTED', 'CLOCK_SKEW', 'DELIVERED', 'NETWORK']) {
      expect(isPushVerdict(v), v).toBe(true);
    }
    expect(isPushVerdict('delivered')).toBe(false);
  });
});

describe("every provider's reason table", () => {
  it.each(PROVIDERS.map((p) => [p.id, p] as const))('%s: each reason has a listed verdict, a cause and a fix, and no two rows collide', (id, provider) => {
    expect(provider.reasons.size).toBeGreaterThan(0);
    const folded = new Map<string, string>();
    for (const [key, row] of provider.reasons) {
      expect(row.reason, key).toBe(key);
      expect(row.provider, key).toBe(id);
      expect(PUSH_VERDICTS, key).toContain(row.verdict);
      expect(english(row.cause).trim(), key).not.toBe('');
      expect(english(row.fix).trim(), key).not.toBe('');
      // Codes that differ only in case or punctuation are one code written twice (a leading minus is a sign:
      // Xiaomi's -1 and 1 are two codes).
      const fold = key.toLowerCase().replace(/(?!^-)[^a-z0-9]/g, '');
      expect(folded.get(fold), `${key} collides with ${folded.get(fold)}`).toBeUndefined();
      folded.set(fold, key);
    }
  });

  it('a reason listed twice in one table is refused when the table is built', () => {
    const row = { reason: 'Same', verdict: 'NETWORK' as const, cause: 'A cause.', fix: 'A fix.' };
    expect(() => reasonTable('test', [row, row])).toThrow(/lists Same twice/);
  });
});

describe('the registry', () => {
  it('lists each provider once, with its folder, its words and its defaults', () => {
    expect(PLATFORMS).toEqual(PROVIDERS.map((p) => p.id));
    expect(new Set(PLATFORMS).size).toBe(PLATFORMS.length);
    const folders = readdirSync(join(ROOT, 'src/push/providers'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('vendor'))
      .map((e) => e.name);
    // vendor/ holds what the Android vendors share (HTTP client, OAuth token cache); it is no provider.
    expect(folders.sort()).toEqual([...PLATFORMS].sort());
    for (const p of PROVIDERS) {
      expect(providerFor(p.id)).toBe(p);
      expect(isPlatform(p.id)).toBe(true);
      // Its names are words, in every language: the catalogue's providers.<id>.names.
      for (const t of [catalogue('en'), catalogue('zh-CN')]) {
        const names = t.providers[p.id].names;
        expect(names.display).not.toBe('');
        expect(names.device).toContain(names.display);
      }
      expect(DEFAULT_PROVIDERS[p.id]).toEqual(p.defaults);
      expect(p.defaults.timeoutMs).toBeGreaterThan(0);
    }
    expect(isPlatform('hms')).toBe(false);
    expect(() => providerFor('hms' as never)).toThrow(/no push provider/);
  });

  it('names certificates through their provider', () => {
    expect(
      english(
        describeCertificate({
          id: '10086',
          platform: 'apns',
          bundleId: 'com.example.app',
          environment: 'production',
          auth: { type: 'token', keyFile: 'k', keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
        }),
      ),
    ).toBe('10086 (APNs production, com.example.app)');
    expect(english(describeCertificate({ id: '20001', platform: 'fcm', serviceAccountFile: 'sa.json' }))).toBe('20001 (FCM)');
  });
});

describe('token shapes', () => {
  const hex64 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const fcmToken = `dGhpc2lzYW5pbnN0YW5jZQ:APA91b${'x'.repeat(130)}`;

  it('each provider says how sure it is: its usual format is exact, a damaged one loose', () => {
    expect(providerFor('apns').tokenShape(hex64)).toEqual({ confidence: 'exact', problems: [] });
    expect(providerFor('apns').tokenShape(hex64.slice(0, 40))?.confidence).toBe('loose');
    expect(providerFor('fcm').tokenShape(fcmToken)).toEqual({ confidence: 'exact', problems: [] });
    expect(providerFor('fcm').tokenShape('z'.repeat(120))?.confidence).toBe('loose');
    // Hex text is never FCM's, however long: it is a (long) APNs token.
    expect(providerFor('fcm').tokenShape('a'.repeat(120))).toBeUndefined();
  });

  it("the certificate's own provider is asked first; otherwise the surest claim wins", () => {
    expect(describeToken(hex64, 'apns').looksLike).toBe('apns');
    expect(describeToken(fcmToken, 'apns').looksLike).toBe('fcm');
    expect(describeToken('z'.repeat(120), 'fcm')).toEqual({ looksLike: 'fcm', problems: [] });
    expect(describeToken(hex64).looksLike).toBe('apns');
  });
});

/** Repository paths of the .ts files under `dir`, with '/'. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Imports that load a module when the file loads: not `import type`, not `import()`. */
function staticImports(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(?!type\s)([^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm)) found.push(m[3]!);
  return found;
}

describe('start-up', () => {
  it("node-apn and firebase-admin are not loaded by anything the CLI imports at start (only by a provider's sender, on the first push)", () => {
    const seen = new Set<string>();
    const heavy: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(readFileSync(join(ROOT, file), 'utf8'))) {
        if (/^(@parse\/node-apn|firebase-admin|undici)(\/|$)/.test(spec)) heavy.push(`${file} imports ${spec}`);
        if (spec.startsWith('.'))
          visit(
            relative(ROOT, resolve(ROOT, dirname(file), spec))
              .split(sep)
              .join('/')
              .replace(/\.js$/, '.ts'),
          );
      }
    };
    visit('bin/imops.ts');
    visit('src/cli.ts');
    visit('src/index.ts');
    expect(seen).toContain('src/push/providers/index.ts');
    expect(heavy).toEqual([]);
    // The senders do load them, so the check above would see a static import if one crept in.
    expect(staticImports(readFileSync(join(ROOT, 'src/push/providers/apns/sender.ts'), 'utf8'))).toContain('@parse/node-apn');
  });
});

// A comparison, a switch case or an object keyed by a platform name: the registry answers those questions.
const PLATFORM_NAMES = ['apns', 'fcm', 'huawei', 'honor', 'xiaomi', 'oppo', 'vivo', 'meizu'].join('|');
const LITERAL_DECISION = new RegExp(
  [
    `[!=]==?\\s*['"\`](${PLATFORM_NAMES})['"\`]`,
    `['"\`](${PLATFORM_NAMES})['"\`]\\s*[!=]==?`,
    `\\bcase\\s+['"\`](${PLATFORM_NAMES})['"\`]`,
    `[{,]\\s*(${PLATFORM_NAMES})\\s*:\\s*['"\`{]`,
  ].join('|'),
);

export function platformLiteralDecisions(file: string, source: string): string[] {
  return source.split('\n').flatMap((line, i) => (LITERAL_DECISION.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('platform literals', () => {
  it('the check sees comparisons, switch cases and objects keyed by platform', () => {
    expect(platformLiteralDecisions('x.ts', "if (c.platform === 'apns') x();")).toHaveLength(1);
    expect(platformLiteralDecisions('x.ts', "const ok = 'fcm' !== p;")).toHaveLength(1);
    expect(platformLiteralDecisions('x.ts', "  case 'huawei':")).toHaveLength(1);
    expect(platformLiteralDecisions('x.ts', "const PLATFORM_NAME = { apns: 'APNs', fcm: 'FCM' } as const;")).toHaveLength(1);
    expect(platformLiteralDecisions('x.ts', 'const name = providerFor(c.platform).displayName;')).toEqual([]);
  });

  it('no file in src/ or adapters/ outside src/push/providers/ decides by comparing a platform to a literal', () => {
    const files = [...sources('src'), ...sources('adapters')].filter((f) => !f.startsWith('src/push/providers/'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => platformLiteralDecisions(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
