/**
 * Every catalogue against every other: the same keys all the way down, and each one's words in its own language.
 * Functions are called with a stand-in for any argument (it reads as "7" or 2, iterates as two of itself), so the
 * sentences they build are checked as well as the plain strings. A key added to en without its zh-CN words fails
 * the type check; one that keeps English prose in zh-CN, or Chinese in en, fails here.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/commands/specs.js';
import { catalogue, LOCALES, type Locale } from '../../src/text/index.js';
import { languageProblems } from './language.js';

type Leaf = [path: string, value: unknown];

function leaves(value: unknown, path: string): Leaf[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [[path, value]];
}

/** A value that stands in for any argument: a string, a number, a list, an object with any field. */
const ANY: unknown = new Proxy(() => ANY, {
  get(_target, key) {
    // Digits, not a letter: a stand-in must not read as an English word inside a Chinese sentence.
    if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : '7');
    if (key === Symbol.iterator)
      return function* () {
        yield ANY;
        yield ANY;
      };
    if (key === 'length') return 2;
    if (key === 'then') return undefined;
    if (key === 'toString' || key === 'valueOf') return () => '7';
    if (key === 'join') return (sep = ',') => `7${sep}7`;
    if (key === 'map' || key === 'flatMap') return (f: (v: unknown, i: number) => unknown) => [f(ANY, 0), f(ANY, 1)].flat();
    if (key === 'filter') return () => [ANY, ANY];
    return ANY;
  },
});

/** Every sentence a catalogue can say: its strings, and what each function returns for stand-in arguments. */
function sentences(locale: Locale): { said: [path: string, text: string][]; failed: string[] } {
  const said: [string, string][] = [];
  const failed: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') said.push([path, value]);
    else if (typeof value === 'function') {
      try {
        visit((value as (...a: unknown[]) => unknown)(ANY, ANY, ANY, ANY, ANY, ANY), `${path}()`);
      } catch {
        failed.push(path);
      }
    } else if (value && typeof value === 'object' && value !== ANY) for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  const { time: _time, locale: _locale, ...words } = catalogue(locale);
  visit(words, locale);
  return { said, failed };
}

describe.each(LOCALES)('the %s catalogue', (locale) => {
  it('has exactly the keys of en, all the way down', () => {
    const keys = (l: Locale) =>
      leaves(catalogue(l), '')
        .map(([p]) => p.replace(/\[\d+\]/g, '[]'))
        // The slash commands' English lives in their specs; only other languages list them here.
        .filter((p) => !p.startsWith('commands.'));
    expect([...new Set(keys(locale))].sort()).toEqual([...new Set(keys('en'))].sort());
  });

  it('says everything in its own language', () => {
    const { said, failed } = sentences(locale);
    expect(said.length).toBeGreaterThan(800);
    // Nearly every function renders with stand-ins; the few that need real data are covered by their own tests.
    expect(failed.length / (said.length + failed.length)).toBeLessThan(0.02);
    const wrong = said.flatMap(([path, text]) => {
      // A name or a mark (SDKAppID, "UserSig", ":") is the same in every language.
      // (Stand-ins used as keys give "undefined": real arguments are checked by each section's own tests.)
      const problems = languageProblems(text, locale).filter((p) => p !== 'no Chinese at all' && !p.startsWith('says '));
      return problems.map((p) => `${path}: ${p}`);
    });
    expect(wrong).toEqual([]);
  });
});

describe('the slash commands in Chinese', () => {
  it('describe every command, subcommand and option', () => {
    const zh = catalogue('zh-CN').commands;
    for (const spec of COMMAND_SPECS) {
      expect(zh.descriptions[spec.name], spec.name).toBeDefined();
      for (const sub of spec.subcommands ?? []) expect(zh.descriptions[`${spec.name} ${sub.name}`], `${spec.name} ${sub.name}`).toBeDefined();
      const options = [...(spec.options ?? []), ...(spec.subcommands ?? []).flatMap((s) => s.options)];
      for (const o of options) expect(zh.optionDescriptions[o.name], o.name).toBeDefined();
    }
  });
});
