// `npm run bench usersig`: throughput of imops' UserSig generate and verify on one core, beside the official
// tls-sig-api-v2 library's generate measured in the same run (same inputs, rounds interleaved so machine noise
// hits both alike; the median round counts).
// Targets: generate at least as fast as the official library; verify at least 50,000 per second.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { deflateSync } from 'node:zlib';
import { encodeTencentBase64, generateUserSig, inspectUserSig, verifyUserSig } from '../src/usersig/index.js';

const require = createRequire(import.meta.url);
const { Api } = require('tls-sig-api-v2') as { Api: new (sdkAppId: number, key: string) => { genUserSig(userId: string, expire: number): string } };

const SDKAPPID = 1400000000;
const KEY = randomBytes(32).toString('hex');
const EXPIRE = 180 * 86400;
const USERS = Array.from({ length: 1024 }, (_, i) => `user_${i}_${randomBytes(4).toString('hex')}`);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);

const official = new Api(SDKAPPID, KEY);
const sigs = USERS.map((userId) => generateUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, userId }));
const truncated = sigs.map((s) => s.slice(0, 120));
// What an unauthenticated caller can send the device API: 132 characters that inflate to JSON nested 32,700 deep,
// beside garbage of the same length. The bound on inflate and nesting should make them cost about the same.
const hostile = encodeTencentBase64(deflateSync(Buffer.from('['.repeat(32_700) + ']'.repeat(32_700)), { level: 9 }));
const garbage = `eJ${'x'.repeat(hostile.length - 2)}`;

let sink = 0;
const cases: Record<string, (i: number) => void> = {
  'official genUserSig': (i) => {
    sink += official.genUserSig(USERS[i & 1023]!, EXPIRE).length;
  },
  'imops generateUserSig': (i) => {
    sink += generateUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, userId: USERS[i & 1023]!, expireSeconds: EXPIRE }).length;
  },
  'imops verifyUserSig (valid)': (i) => {
    sink += verifyUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, userId: USERS[i & 1023]!, userSig: sigs[i & 1023]! }).cause.length;
  },
  'imops verifyUserSig (truncated)': (i) => {
    sink += verifyUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, userId: USERS[i & 1023]!, userSig: truncated[i & 1023]! }).cause.length;
  },
  'imops verifyUserSig (hostile nesting)': (i) => {
    sink += verifyUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, userId: USERS[i & 1023]!, userSig: hostile }).cause.length;
  },
  'imops verifyUserSig (garbage)': (i) => {
    sink += verifyUserSig({ sdkAppId: SDKAPPID, secretKey: KEY, userId: USERS[i & 1023]!, userSig: garbage }).cause.length;
  },
  'imops inspectUserSig': (i) => {
    sink += inspectUserSig(sigs[i & 1023]!).cause.length;
  },
};

/** Operations per second over one round of about ROUND_MS. */
function round(fn: (i: number) => void): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ROUND_MS) {
    for (let k = 0; k < 256; k++) fn(n++);
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

for (const fn of Object.values(cases)) for (let i = 0; i < 5000; i++) fn(i); // warm up every path first

const results = new Map<string, number[]>(Object.keys(cases).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r++) for (const [name, fn] of Object.entries(cases)) results.get(name)!.push(round(fn));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const med = new Map([...results].map(([k, v]) => [k, median(v)]));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);

console.log(`UserSig throughput, one core (median of ${ROUNDS} interleaved rounds of ${ROUND_MS} ms; Node ${process.version}, zlib ${process.versions.zlib})`);
// The absolute figures move with whatever else the machine runs; the ratios do not.
console.log(
  `  machine load average: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const [name, v] of med) console.log(`  ${name.padEnd(38)} ${fmt(v)} /s`);
const genRatio = med.get('imops generateUserSig')! / med.get('official genUserSig')!;
const verify = med.get('imops verifyUserSig (valid)')!;
console.log('');
console.log(`  generate vs official: ${genRatio.toFixed(2)}x  (target >= 1.00x: ${genRatio >= 1 ? 'met' : 'NOT MET'})`);
console.log(
  `  verify:               ${fmt(verify).trim()} /s  (target >= 50,000/s: ${verify >= 50_000 ? 'met' : 'NOT MET'}; ${(verify / med.get('official genUserSig')!).toFixed(2)}x the official generate)`,
);
const perOp = (name: string) => 1e6 / med.get(name)!;
console.log(
  `  hostile vs garbage:   ${perOp('imops verifyUserSig (hostile nesting)').toFixed(1)} µs vs ${perOp('imops verifyUserSig (garbage)').toFixed(1)} µs per verify (${(perOp('imops verifyUserSig (hostile nesting)') / perOp('imops verifyUserSig (garbage)')).toFixed(1)}x; a ${hostile.length}-character input)`,
);
if (sink === 0) console.log('(unreachable: keeps the work from being optimised away)');
