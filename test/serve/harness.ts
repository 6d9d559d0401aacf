import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/imops.ts');
/** tsx's loader by absolute URL: the child runs in a temp directory where a bare `tsx` would not resolve. */
export const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
export const BIN_WITH_ADAPTERS = join(ROOT, 'test/serve/fixtures/imops-with-adapters.ts');

export interface ServeChild {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: nothing from the developer's shell (no SLACK_* or DISCORD_* by accident). */
export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', PORT: '0', ...extra };
}

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `imops-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function spawnImops(entry: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, entry, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Start `imops serve` as a child process and resolve once it prints its listening line (never a sleep). */
export function startServe(options: { env: NodeJS.ProcessEnv; cwd: string; entry?: string; args?: string[] }): Promise<ServeChild> {
  const child = spawnImops(options.entry ?? BIN, ['serve', '--host', '127.0.0.1', ...(options.args ?? [])], options.env, options.cwd);
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  return new Promise((resolvePromise, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /imops serve listening on (http:\/\/\S+)/.exec(out);
      if (m) resolvePromise({ child, url: m[1]!, stdout: () => out, stderr: () => err, exited });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    void exited.then(({ code, signal }) => reject(new Error(`imops serve exited (${code ?? signal}) before listening\nstdout:\n${out}\nstderr:\n${err}`)));
  });
}

/** Run an `imops` command to completion. */
export function runImops(options: { env: NodeJS.ProcessEnv; cwd: string; args: string[]; entry?: string }): Promise<Exit> {
  const child = spawnImops(options.entry ?? BIN, options.args, options.env, options.cwd);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((res) => child.once('close', (code, signal) => res({ code, signal, stdout, stderr })));
}

/** Resolve when the child's stderr (its JSON log) has a line matching `pattern`. */
export function waitForLog(serve: ServeChild, pattern: RegExp): Promise<string> {
  return new Promise((res, rej) => {
    const check = () => {
      const line = serve
        .stderr()
        .split('\n')
        .find((l) => pattern.test(l));
      if (line !== undefined) {
        serve.child.stderr!.off('data', check);
        res(line);
      }
    };
    serve.child.stderr!.on('data', check);
    void serve.exited.then(() => rej(new Error(`exited before logging ${pattern}\n${serve.stderr()}`)));
    check();
  });
}

/** The value of one Prometheus series in /metrics text, 0 when absent. */
export function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
