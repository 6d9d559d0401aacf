// `imops triage <userId> --push --json` end to end (the CLI's own main(): config, store, IM REST, callback
// history, devices, certificates, test pushes) against the emulators, with 100 ms simulated latency on every
// upstream call (IM REST, APNs). The checks run in parallel, so a run costs about one upstream round trip, not
// the sum. Prints p50/p99 over 50 runs (target p99 < 1 s), and one cold run as a child process (CLI start-up
// included; the contract is 5 s).
import { spawn } from 'node:child_process';
import { once as onceEvent } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify } from 'yaml';
import { main } from '../src/cli.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/log.js';
import { openServices } from '../src/services.js';
import { ImEmulator } from '../test/emulators/im.js';
import { apnsToken, startPushFixture } from '../test/emulators/push-fixture.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const LATENCY_MS = 100;
const SDKAPPID = 1400000000;
const SECRET = 'bench-secret-key-0123456789abcdef';

const fixture = await startPushFixture();
const im = new ImEmulator({ apps: [{ sdkAppId: SDKAPPID, secretKey: SECRET }], latencyMs: LATENCY_MS });
const origin = await im.start();
im.user('bob', { imported: true, status: 'PushOnline', detail: [{ Platform: 'iPhone', Status: 'PushOnline' }] });

const dir = mkdtempSync(join(tmpdir(), 'imops-bench-triage-'));
const configPath = join(dir, 'imops.yml');
const doc = parseYaml(fixture.configYaml({ name: 'prod', sdkAppId: SDKAPPID, secretKey: SECRET })) as { apps: Record<string, unknown>[] };
doc.apps[0]!.im = { admin: 'administrator', url: origin, callbackToken: 'bench-token' };
writeFileSync(configPath, stringify(doc), { mode: 0o600 });
const env = { ...process.env, IMOPS_CONFIG: configPath, IMOPS_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'error' };

// Two devices (one per certificate environment), each answering after 100 ms, and a login trail.
const { config } = loadConfig({ env, cwd: dir });
const seed = await openServices({ config, log: createLogger({ level: 'silent' }) });
for (const cert of ['10086', '10087'] as const) {
  const token = apnsToken();
  fixture.apns[cert === '10086' ? 'production' : 'sandbox'].program(token, { kind: 'delay', ms: LATENCY_MS });
  await seed.devices.upsert({
    app: 'prod',
    userId: 'bob',
    certificateId: cert,
    platform: 'apns',
    token,
    environment: cert === '10086' ? 'production' : 'sandbox',
  });
}
await seed.store.events.append([
  { app: 'prod', userId: 'bob', command: 'State.StateChange', at: Date.now() - 60_000, data: { Action: 'Login', Reason: 'Register', OptPlatform: 'iPhone' } },
]);
await seed.close();

async function once(): Promise<{ ms: number; code: number; verdict: string }> {
  const out: string[] = [];
  const started = performance.now();
  const code = await main(['triage', 'bob', '--push', '--json'], {
    io: { out: (t) => void out.push(t), err: () => {}, env, cwd: dir, readStdin: async () => '' },
  });
  const ms = performance.now() - started;
  return { ms, code, verdict: (JSON.parse(out.join('\n')) as { summary: { verdict: string } }).summary.verdict };
}

await once(); // warm-up: module loading and the first TLS handshakes
const times: number[] = [];
let verdict = '';
for (let i = 0; i < RUNS; i++) {
  const r = await once();
  times.push(r.ms);
  verdict = r.verdict;
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
console.log(`triage --push, ${RUNS} runs, ${LATENCY_MS} ms per upstream call (IM REST x2, APNs x2), summary ${verdict}`);
console.log(
  `  p50 ${pct(50).toFixed(0)} ms   p99 ${pct(99).toFixed(0)} ms   min ${times[0]!.toFixed(0)} ms   max ${times.at(-1)!.toFixed(0)} ms   (target p99 < 1000 ms)`,
);

// One cold run in a fresh process: Node start-up, module loading, config, store, every check.
const bin = fileURLToPath(new URL('../bin/imops.ts', import.meta.url));
// Asynchronously: the emulators answer from this process.
const started = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', bin, 'triage', 'bob', '--push', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let answeredMs = 0;
child.stdout.on('data', () => {
  answeredMs ||= performance.now() - started;
});
const [status] = (await onceEvent(child, 'exit')) as [number | null];
const coldMs = performance.now() - started;
console.log(
  `  cold CLI run (new process, tsx): answer after ${answeredMs.toFixed(0)} ms, exit ${status} after ${coldMs.toFixed(0)} ms (contract: within 5000 ms)`,
);

await im.close();
await fixture.close();
rmSync(dir, { recursive: true, force: true });
if (pct(99) >= 1000) process.exitCode = 1;
