// Meizu (per-request signatures) for `npm run bench push`: test pushes per second through imops
// (createDeviceTester -> the Meizu client: MD5 signature, form body, code/value parsing) vs a bare fetch client
// sending the same signed form to the same loopback emulator. Target: ratio >= 0.5.
import { createHash, randomBytes } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { createLogger } from '../src/log.js';
import { DEFAULT_PROVIDERS } from '../src/push/providers/index.js';
import { createDeviceTester } from '../src/push/tester.js';
import type { AppConfig } from '../src/config/types.js';
import type { Device } from '../src/push/types.js';
import { meizuToken, startMeizuEmulator, MEIZU_PUSH } from '../test/emulators/meizu.js';

const TOTAL = Number(process.env.BENCH_PUSHES ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP = 300;
const ROUNDS = 5;

const secret = randomBytes(16).toString('hex');
const emulator = await startMeizuEmulator({ '110001': secret });
const app: AppConfig = {
  name: 'bench',
  sdkAppId: 1400000000,
  secretKey: 'k',
  certificates: [{ id: '30006', platform: 'meizu', appId: '110001', appSecret: secret }],
};
const tokens = Array.from({ length: 512 }, () => meizuToken());
const at = new Date().toISOString();
const devices: Device[] = tokens.map((token, i) => ({
  app: 'bench',
  userId: `u${i}`,
  certificateId: '30006',
  platform: 'meizu',
  token,
  warnings: [],
  firstUploaded: at,
  lastSeen: at,
}));

const log = createLogger({ level: 'info', destination: { write: () => {} } });
const tester = createDeviceTester({ providers: { ...DEFAULT_PROVIDERS, meizu: { url: emulator.url, timeoutMs: 5000 } }, log });
const imopsOne = async (i: number) => (await tester.test(app, devices[i % devices.length]!)).ok;

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
const messageJson = JSON.stringify({
  noticeBarInfo: { noticeMsgType: 0, title: 'imops test notification', content: 'bench' },
  clickTypeInfo: { clickType: 0 },
  pushTimeInfo: { offLine: 1, validTime: 24 },
});
const bareOne = async (i: number) => {
  const pushIds = tokens[i % tokens.length]!;
  const sign = createHash('md5').update(`appId=110001messageJson=${messageJson}pushIds=${pushIds}${secret}`).digest('hex');
  const res = await fetch(`${emulator.url}${MEIZU_PUSH}`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ appId: '110001', pushIds, messageJson, sign }).toString(),
  });
  const body = (await res.json()) as { code: string; value: Record<string, unknown> };
  return body.code === '200' && Object.keys(body.value).length === 0;
};

async function run(count: number, one: (i: number) => Promise<boolean>): Promise<{ perSecond: number; cpuMicros: number; failures: number }> {
  let next = 0;
  let failures = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        if (!(await one(i))) failures++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { perSecond: count / (Number(process.hrtime.bigint() - started) / 1e9), cpuMicros: (used.user + used.system) / count, failures };
}

await run(WARMUP, bareOne);
await run(WARMUP, imopsOne);
const imops: number[] = [];
const bare: number[] = [];
const imopsCpu: number[] = [];
const bareCpu: number[] = [];
let failures = 0;
for (let r = 0; r < ROUNDS; r++) {
  const a = await run(Math.ceil(TOTAL / ROUNDS), imopsOne);
  const b = await run(Math.ceil(TOTAL / ROUNDS), bareOne);
  imops.push(a.perSecond);
  bare.push(b.perSecond);
  imopsCpu.push(a.cpuMicros);
  bareCpu.push(b.cpuMicros);
  failures += a.failures + b.failures;
  emulator.reset();
}
await tester.close();
await agent.close();
await emulator.close();
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const ratios = imops.map((x, i) => x / bare[i]!);
const ratio = median(ratios);
console.log(
  `\nMeizu test pushes (per-request MD5 signatures): ${TOTAL} per client in ${ROUNDS} alternating rounds (medians), ${CONCURRENCY} in flight, local emulator (HTTP)`,
);
console.log(
  `  imops (createDeviceTester)  ${median(imops).toFixed(0).padStart(7)} pushes/s  ${median(imopsCpu).toFixed(0).padStart(5)} µs CPU/push (emulator included)`,
);
console.log(
  `  bare undici fetch client    ${median(bare).toFixed(0).padStart(7)} pushes/s  ${median(bareCpu).toFixed(0).padStart(5)} µs CPU/push (emulator included)  failures (both) ${failures}`,
);
console.log(
  `  ratio imops / bare          ${ratio.toFixed(2)}  (target >= 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}; per round: ${ratios.map((r) => r.toFixed(2)).join(' ')}`,
);
console.log(`  CPU ratio bare / imops      ${(median(bareCpu) / median(imopsCpu)).toFixed(2)}  (pushes per CPU-second, without other processes' noise)`);
