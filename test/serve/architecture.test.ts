/**
 * The layering in design.md, checked on the sources: the core (src/) knows nothing about Slack or Discord, and an
 * adapter reaches the core only through the command layer (src/commands/), which re-exports what adapters need
 * from below it (Logger, Router, CliContext, ConfigError; see src/commands/adapter.ts). One adapter never imports
 * another platform's adapter. bin/ is the composition root that wires the two together and is not checked.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './harness.js';

/** Every module specifier in a TypeScript file: static imports and re-exports, side-effect imports, import(). */
export function specifiers(source: string, options: { valuesOnly?: boolean } = {}): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) {
    for (const m of source.matchAll(p)) {
      // `import type` and `export type` are erased when compiled: they cannot make a module load another.
      if (options.valuesOnly && /^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      found.push(m[1]!);
    }
  }
  return found;
}

/** The layering violation of one import, or undefined. Paths are relative to the repository root, with '/'. */
export function violation(from: string, target: string): string | undefined {
  const top = (p: string) => p.split('/')[0];
  if (top(from) === 'src' && top(target) === 'adapters') return `${from} imports ${target}: src/ must not import adapters/`;
  if (top(from) === 'adapters' && top(target) === 'src' && !target.startsWith('src/commands/')) {
    return `${from} imports ${target}: adapters reach the core only through src/commands/ (re-export what they need from src/commands/adapter.ts)`;
  }
  const platform = (p: string) => (p.startsWith('adapters/') && p.split('/').length > 2 ? p.split('/')[1] : undefined);
  if (platform(from) && platform(target) && platform(from) !== platform(target)) return `${from} imports ${target}: one adapter must not import another`;
  const under = (p: string, dirs: string[]) => dirs.some((d) => p === `${d}.ts` || p.startsWith(`${d}/`));
  const surfaces = ['src/cli', 'src/http'];
  if (under(from, ['src/checks', 'src/present', 'src/commands', 'src/text']) && under(target, surfaces)) {
    return `${from} imports ${target}: checks, presenters and commands serve every surface and never import the CLI or HTTP layers`;
  }
  if (under(from, ['src/access']) && !under(target, ['src/access', 'src/config', 'src/errors', 'src/log', 'src/text'])) {
    return `${from} imports ${target}: access sits below the use cases and imports nothing above it`;
  }
  return undefined;
}

/** Import cycles among the given edges, each as the files in it (Tarjan's strongly connected components). */
export function cycles(edges: { from: string; target: string }[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const { from, target } of edges) graph.set(from, [...(graph.get(from) ?? []), target]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Each relative import of each file, resolved to a repository path (`.js` specifiers name the `.ts` source). */
function imports(files: string[], options: { valuesOnly?: boolean } = {}): { from: string; target: string }[] {
  return files.flatMap((from) =>
    specifiers(readFileSync(join(ROOT, from), 'utf8'), options)
      .filter((s) => s.startsWith('.'))
      .map((s) => ({
        from,
        target: relative(ROOT, resolve(ROOT, dirname(from), s))
          .split(sep)
          .join('/')
          .replace(/\.js$/, '.ts'),
      })),
  );
}

describe('layering', () => {
  const all = imports([...sources('src'), ...sources('adapters')]);

  it('reads the imports it checks (static, re-exports, type-only, dynamic)', () => {
    expect(
      specifiers(
        `import type { A } from './a.js';\nimport {\n  b,\n  c,\n} from "../b.js";\nexport { d } from './d.js';\nimport './side.js';\nconst e = await import('./e.js');`,
      ),
    ).toEqual(['./a.js', '../b.js', './d.js', './side.js', './e.js']);
    // The real sources are read: the adapters' known way into the core is among them.
    expect(all).toContainEqual({ from: 'adapters/slack/adapter.ts', target: 'src/commands/adapter.ts' });
    expect(all.filter((i) => i.from.startsWith('src/')).length).toBeGreaterThan(50);
  });

  it('tells an allowed import from a forbidden one', () => {
    expect(violation('src/cli/serve.ts', 'adapters/slack/index.ts')).toMatch(/must not import adapters/);
    expect(violation('adapters/discord/cli.ts', 'src/errors.ts')).toMatch(/only through src\/commands/);
    expect(violation('adapters/slack/receiver.ts', 'src/http/router.ts')).toMatch(/only through src\/commands/);
    expect(violation('adapters/slack/adapter.ts', 'adapters/discord/render.ts')).toMatch(/one adapter/);
    expect(violation('adapters/slack/adapter.ts', 'src/commands/adapter.ts')).toBeUndefined();
    expect(violation('adapters/lazy.ts', 'src/commands/adapter.ts')).toBeUndefined();
    expect(violation('src/commands/context.ts', 'src/checks/check.ts')).toBeUndefined();
    expect(violation('src/commands/adapter.ts', 'src/http/router.ts')).toMatch(/never import the CLI or HTTP/);
    expect(violation('src/checks/push.ts', 'src/cli.ts')).toMatch(/never import the CLI or HTTP/);
    expect(violation('src/present/push.ts', 'src/cli/push.ts')).toMatch(/never import the CLI or HTTP/);
    expect(violation('src/access/policy.ts', 'src/commands/types.ts')).toMatch(/imports nothing above it/);
    expect(violation('src/access/policy.ts', 'src/config/types.ts')).toBeUndefined();
  });

  it('finds a cycle, and no module of src/ and adapters/ loads itself through others (type-only imports are erased)', () => {
    expect(
      cycles([
        { from: 'a.ts', target: 'b.ts' },
        { from: 'b.ts', target: 'c.ts' },
        { from: 'c.ts', target: 'a.ts' },
        { from: 'c.ts', target: 'd.ts' },
      ]),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(specifiers(`import type { A } from './a.js';\nexport type { B } from './b.js';\nimport { c } from './c.js';`, { valuesOnly: true })).toEqual([
      './c.js',
    ]);
    expect(cycles(imports([...sources('src'), ...sources('adapters')], { valuesOnly: true }))).toEqual([]);
  });

  it('holds for every file under src/ and adapters/', () => {
    const problems = all.map((i) => violation(i.from, i.target)).filter((v): v is string => v !== undefined);
    expect(problems).toEqual([]);
  });
});
