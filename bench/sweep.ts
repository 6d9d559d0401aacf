// `npm run bench sweep`: a fleet sweep through imops (`imops push sweep`, in process) against the local APNs
// emulator, beside a bare node:http2 client sending the same background pushes at the same concurrency.
// Targets: 2,000 devices of one certificate in under 60 s, devices/s >= 0.5x the bare client, 1 TLS handshake.
// Also: `imops devices import` of 100,000 JSON lines (target: under a minute).
import http2 from 'node:http2';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import type { ApnsCertificateConfig } from '../src/config/types.js';
import { apnsToken, fcmToken, startPushFixture } from '../test/emulators/push-fixture.js';

const DEVICES = Number(process.env.BENCH_SWEEP_DEVICES ?? 2000);
const IMPORT_LINES = Number(process.env.BENCH_IMPORT_LINES ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = 3;

const fx = await startPushFixture();
const dir = mkdtempSync(join(tmpdir(), 'imops-bench-sweep-'));
const configPath = join(dir, 'imops.yml');
writeFileSync(configPath, fx.configYaml({ name: 'prod', sdkAppId: 1400000000, secretKey: 'bench-secret-key-0123456789abcdef' }), { mode: 0o600 });
const env = { ...process.env, IMOPS_CONFIG: configPath, IMOPS_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'error' };

async function imops(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, {
    io: { out: (t) => (out += `${t}\n`), err: () => {}, env, cwd: dir, interactive: false, readStdin: async () => '' },
  });
  return { code, out };
}

// --- import: DEVICES APNs devices on 10086 (the sweep's sample), the rest FCM devices on 20001.
const tokens = Array.from({ length: DEVICES }, () => apnsToken());
const lines: string[] = [];
for (let i = 0; i < IMPORT_LINES; i++) {
  lines.push(
    i < DEVICES
      ? JSON.stringify({
          userId: `ios${i}`,
          certificateId: '10086',
          token: tokens[i],
          platform: 'apns',
          lastSeen: new Date(Date.now() - i * 1000).toISOString(),
        })
      : JSON.stringify({ userId: `android${i}`, certificateId: '20001', token: fcmToken(), platform: 'fcm' }),
  );
}
const file = join(dir, 'devices.jsonl');
writeFileSync(file, `${lines.join('\n')}\n`);
let started = process.hrtime.bigint();
const imported = await imops(['devices', 'import', file, '--json']);
const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const importCounts = JSON.parse(imported.out) as { stored: number; updated: number; rejected: unknown[] };
started = process.hrtime.bigint();
const again = JSON.parse((await imops(['devices', 'import', file, '--json'])).out) as { stored: number; updated: number };
const reimportSeconds = Number(process.hrtime.bigint() - started) / 1e9;

// --- bare node:http2: background pushes on one session, CONCURRENCY in flight.
const cert = fx.certificates[0] as ApnsCertificateConfig;
const auth = cert.auth as { keyFile: string; keyId: string; teamId: string };
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const unsigned = `${b64({ alg: 'ES256', kid: auth.keyId })}.${b64({ iss: auth.teamId, iat: Math.floor(Date.now() / 1000) })}`;
const jwt = `${unsigned}.${createSign('sha256')
  .update(unsigned)
  .sign({ key: readFileSync(auth.keyFile), dsaEncoding: 'ieee-p1363' })
  .toString('base64url')}`;
const body = JSON.stringify({ aps: { 'content-available': 1 } });
const ca = readFileSync(fx.caFile);
async function bareRound(): Promise<number> {
  const session = http2.connect(fx.providers.apns.productionUrl, { ca });
  const one = (token: string) =>
    new Promise<boolean>((resolve) => {
      const req = session.request({
        ':method': 'POST',
        ':path': `/3/device/${token}`,
        'apns-topic': cert.bundleId,
        'apns-push-type': 'background',
        'apns-priority': '5',
        authorization: `bearer ${jwt}`,
      });
      let status = 0;
      req.on('response', (h) => (status = Number(h[':status'])));
      req.on('error', () => resolve(false));
      req.on('close', () => resolve(status === 200));
      req.resume();
      req.end(body);
    });
  const t0 = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < tokens.length) await one(tokens[next++]!);
    }),
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  session.close();
  return tokens.length / s;
}

interface SweepRound {
  perSecond: number;
  wallSeconds: number;
  elapsedMs: number;
  tested: number;
  delivered: number;
  handshakes: number;
}
async function imopsRound(): Promise<SweepRound> {
  const before = fx.apns.production.handshakes;
  const t0 = process.hrtime.bigint();
  const r = await imops(['push', 'sweep', '--cert', '10086', '--sample', String(DEVICES), '--concurrency', String(CONCURRENCY), '--json']);
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const j = JSON.parse(r.out) as { tested: number; elapsedMs: number; byVerdict: Record<string, number> };
  return {
    perSecond: j.tested / (j.elapsedMs / 1000),
    wallSeconds,
    elapsedMs: j.elapsedMs,
    tested: j.tested,
    delivered: j.byVerdict.DELIVERED ?? 0,
    handshakes: fx.apns.production.handshakes - before,
  };
}

await bareRound(); // warm-up (JIT, emulator)
const imopsRounds: SweepRound[] = [];
const bareRates: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  imopsRounds.push(await imopsRound());
  bareRates.push(await bareRound());
  fx.reset();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const imopsRate = median(imopsRounds.map((x) => x.perSecond));
const bareRate = median(bareRates);
const ratio = imopsRate / bareRate;
const worstWall = Math.max(...imopsRounds.map((x) => x.wallSeconds));
const handshakes = [...new Set(imopsRounds.map((x) => x.handshakes))];
await fx.close();
rmSync(dir, { recursive: true, force: true });

console.log(`devices import: ${IMPORT_LINES} JSON lines`);
console.log(
  `  first import   ${importSeconds.toFixed(1).padStart(6)} s  (${(IMPORT_LINES / importSeconds).toFixed(0)} lines/s; stored ${importCounts.stored}, updated ${importCounts.updated}, rejected ${importCounts.rejected.length}) target < 60 s ${importSeconds < 60 ? 'OK' : 'ABOVE TARGET'}`,
);
console.log(`  again (no-op)  ${reimportSeconds.toFixed(1).padStart(6)} s  (stored ${again.stored}, updated ${again.updated}: idempotent)`);
console.log(
  `push sweep: ${DEVICES} APNs devices on one certificate, ${CONCURRENCY} in flight, ${ROUNDS} alternating rounds (medians), local APNs emulator (TLS, HTTP/2)`,
);
console.log(
  `  imops push sweep        ${imopsRate.toFixed(0).padStart(7)} devices/s  (sweep ${(median(imopsRounds.map((x) => x.elapsedMs)) / 1000).toFixed(2)} s; whole command incl. start-up, worst ${worstWall.toFixed(2)} s; target < 60 s ${worstWall < 60 ? 'OK' : 'ABOVE TARGET'}; delivered ${imopsRounds.map((x) => `${x.delivered}/${x.tested}`).join(' ')})`,
);
console.log(`  bare node:http2 client  ${bareRate.toFixed(0).padStart(7)} devices/s`);
console.log(`  ratio imops / bare      ${ratio.toFixed(2)}  (target >= 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
console.log(`  TLS handshakes per sweep (imops, certificate 10086): ${handshakes.join(', ')} (target 1)`);
