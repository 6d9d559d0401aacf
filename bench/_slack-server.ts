// The server side of bench/slack.ts, in its own process so the load generator does not share its event loop:
// imops' Slack adapter on the shared Router + HTTP server, and a bare Bolt app that only acks.
// Prints one JSON line with the ports, serves until stdin closes.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { Router } from '../src/http/router.js';
import { createHttpServer } from '../src/http/server.js';
import { Metrics } from '../src/metrics.js';
import { slackAdapter } from '../adapters/slack/index.js';
import { startSlackEmulator } from '../test/emulators/slack.js';
import { createWorld } from '../test/scenarios/table.js';
import { NO_RATE_LIMITS } from '../src/access/rate-limit.js';

const secret = process.env.BENCH_SIGNING_SECRET!;
const token = 'xoxb-bench';
// Hundreds of commands from one user: measure the work, not the rate limiter's refusal.
const world = await createWorld({ providerTimeoutMs: 5000, rateLimits: NO_RATE_LIMITS });
world.log.level = 'info';
const fake = await startSlackEmulator();

const router = new Router();
const http = createHttpServer({ log: world.log, metrics: new Metrics(), router, ready: () => ({}) });
const imopsPort = (await http.listen(0, '127.0.0.1')).port;
const running = await slackAdapter.start({
  core: world.core,
  log: world.log,
  router,
  env: { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: secret, SLACK_API_URL: fake.apiUrl },
});

const bare = new App({ token, signingSecret: secret, botId: 'BBOT', botUserId: 'UBOT', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl } });
bare.command('/usersig', async ({ ack }) => {
  await ack();
});
const barePort = ((await bare.start(0)) as Server).address() as AddressInfo;

process.stdout.write(`${JSON.stringify({ imopsPort, barePort: barePort.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void (async () => {
    await running.stop();
    await bare.stop();
    await http.close(1000);
    await fake.close();
    await world.close();
    process.exit(0);
  })();
});
