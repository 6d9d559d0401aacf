// Slack ack latency: 50 concurrent signed slash commands against the Slack adapter mounted on imops' own HTTP
// server (Router + createHttpServer, as `imops serve` does it), beside a bare Bolt app that acks at once, in the
// same run. Also 50 concurrent "Start testing" clicks: acked at once, answered through response_url after a real
// test push through the APNs/FCM emulators. The servers run in a child process (bench/_slack-server.ts), so the
// load generator does not share their event loop. Target: imops ack p99 within 2x of bare Bolt and < 100 ms.
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { USERS } from '../test/scenarios/table.js';
import { blockAction, type Message } from '../test/slack/harness.js';

const CONCURRENCY = 50;
const ROUNDS = 10;
const WARMUP_ROUNDS = 3;
const SECRET = `bench-${randomUUID()}`;

// The response_url sink lives here, so its arrival time is measured on the same clock as the request.
const arrivals = new Map<string, (t: number) => void>();
const sink = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    arrivals.get(id)?.(performance.now());
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/response/`;

const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./_slack-server.ts', import.meta.url))], {
  env: { ...process.env, BENCH_SIGNING_SECRET: SECRET, LOG_LEVEL: 'info' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
const { imopsPort, barePort } = JSON.parse(first) as { imopsPort: number; barePort: number };

function sign(body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

// node:http with keep-alive: far lighter per request than fetch, so the client adds little to what is measured.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const post = (port: number, body: string) =>
  new Promise<string>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent, headers: { ...sign(body), 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`answered ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

interface Sample {
  ack: number;
  answer?: number;
}

function answerOf(id: string, t0: number): Promise<number> {
  return new Promise((resolve) =>
    arrivals.set(id, (t) => {
      arrivals.delete(id);
      resolve(t - t0);
    }),
  );
}

async function slash(port: number, text: string): Promise<Sample> {
  const id = randomUUID();
  const body = new URLSearchParams({
    command: '/usersig',
    text,
    user_id: USERS.admin.slack,
    channel_id: 'C0BENCH',
    team_id: 'T0IMOPS',
    api_app_id: 'A0IMOPS',
    response_url: `${sinkUrl}${id}`,
    trigger_id: `t.${id}`,
  }).toString();
  const t0 = performance.now();
  await post(port, body);
  return { ack: performance.now() - t0 };
}

const cardBody = new URLSearchParams({
  command: '/pushcheck',
  text: 'alice prod',
  user_id: USERS.admin.slack,
  channel_id: 'C0BENCH',
  team_id: 'T0IMOPS',
  response_url: `${sinkUrl}card`,
  trigger_id: 't',
}).toString();
const card = JSON.parse(await post(imopsPort, cardBody)) as Message;

async function click(): Promise<Sample> {
  const id = randomUUID();
  const body = `payload=${encodeURIComponent(JSON.stringify(blockAction(card, { click: 'Start testing' }, 'admin', `${sinkUrl}${id}`)))}`;
  const t0 = performance.now();
  const answered = answerOf(id, t0);
  await post(imopsPort, body);
  const ack = performance.now() - t0;
  return { ack, answer: await answered };
}

async function rounds(run: () => Promise<Sample>, n = ROUNDS): Promise<Sample[]> {
  const all: Sample[] = [];
  for (let r = 0; r < WARMUP_ROUNDS + n; r++) {
    const batch = await Promise.all(Array.from({ length: CONCURRENCY }, run));
    if (r >= WARMUP_ROUNDS) all.push(...batch);
  }
  return all;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function report(name: string, samples: Sample[]): { p50: number; p99: number } {
  const acks = samples.map((s) => s.ack).sort((a, b) => a - b);
  const answers = samples.flatMap((s) => (s.answer === undefined ? [] : [s.answer])).sort((a, b) => a - b);
  console.log(
    [
      name.padEnd(46),
      `ack p50 ${pct(acks, 50).toFixed(1).padStart(6)} ms  p99 ${pct(acks, 99).toFixed(1).padStart(6)} ms`,
      answers.length ? `response_url p50 ${pct(answers, 50).toFixed(1).padStart(6)} ms  p99 ${pct(answers, 99).toFixed(1).padStart(6)} ms` : '',
    ].join('   '),
  );
  return { p50: pct(acks, 50), p99: pct(acks, 99) };
}

console.log(`${CONCURRENCY} concurrent signed requests x ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up rounds), loopback HTTP/1.1 keep-alive\n`);
// Alternate baseline and imops so both see the same machine state.
const bareSamples: Sample[] = [];
const imopsSamples: Sample[] = [];
for (let i = 0; i < 2; i++) {
  bareSamples.push(...(await rounds(() => slash(barePort, 'gen alice 30d prod'), ROUNDS / 2)));
  imopsSamples.push(...(await rounds(() => slash(imopsPort, 'gen alice 30d prod'), ROUNDS / 2)));
}
// One request at a time: the intrinsic cost, without queueing behind 49 others.
const sequential = async (port: number) => {
  const out: Sample[] = [];
  for (let i = 0; i < 200; i++) out.push(await slash(port, 'gen alice 30d prod'));
  return out.slice(20);
};
report('bare Bolt, one request at a time', await sequential(barePort));
report('imops /usersig gen, one request at a time', await sequential(imopsPort));
const base = report('bare Bolt (HTTPReceiver), ack only', bareSamples);
const imops = report('imops /usersig gen (the reply rides on the ack)', imopsSamples);
report('imops "Start testing" (2 test pushes each)', await rounds(click));

const ratio = imops.p99 / base.p99;
console.log(`\nack p99: imops ${imops.p99.toFixed(1)} ms vs bare Bolt ${base.p99.toFixed(1)} ms = ${ratio.toFixed(2)}x (target <= 2x, and < 100 ms)`);
console.log(ratio <= 2 && imops.p99 < 100 ? 'targets met' : 'TARGETS MISSED');

agent.destroy();
child.stdin!.end();
await new Promise((r) => child.once('exit', r));
sink.close();
