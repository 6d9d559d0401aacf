// Huawei (OAuth) part of `npm run bench push`: test pushes per second through imops (createDeviceTester -> the
// Huawei client) beside a bare undici fetch client doing the same two requests per push (validate_only, then the
// send) with one access token, on the same loopback Push Kit. Target: ratio >= 0.5, and one access-token request.
import { readFileSync } from 'node:fs';
import { Agent, fetch } from 'undici';
import { createLogger } from '../src/log.js';
import { createDeviceTester } from '../src/push/tester.js';
import type { Device } from '../src/push/types.js';
import { huaweiToken } from '../test/emulators/huawei.js';
import { startVendorEmulators, HW_SECRET } from '../test/push/vendor-emulators.js';

export async function huaweiBench(total: number, concurrency: number): Promise<void> {
  const vx = await startVendorEmulators();
  const app = vx.app(vx.certificates.slice(0, 1));
  const tokens = Array.from({ length: 256 }, () => huaweiToken());
  const devices: Device[] = tokens.map((token, i) => ({
    app: app.name,
    userId: `user${i}`,
    certificateId: '30001',
    platform: 'huawei',
    token,
    warnings: [],
    firstUploaded: new Date().toISOString(),
    lastSeen: new Date().toISOString(),
  }));
  const providers = vx.providers();
  const tester = createDeviceTester({ providers, log: createLogger({ level: 'info', destination: { write: () => {} } }) });
  const imopsOne = async (i: number) => (await tester.test(app, devices[i % devices.length]!)).ok;

  const agent = new Agent({ connect: { ca: readFileSync(vx.caFile) }, keepAliveTimeout: 30_000, connections: 64 });
  const tokenAnswer = await fetch(`${vx.huawei.url}/oauth2/v3/token`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: '104000001', client_secret: HW_SECRET }).toString(),
  });
  const { access_token } = (await tokenAnswer.json()) as { access_token: string };
  const post = async (token: string, validateOnly: boolean) => {
    const res = await fetch(`${vx.huawei.url}/v1/104000001/messages:send`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({
        validate_only: validateOnly,
        message: {
          android: { category: 'IM', target_user_type: 1, notification: { title: 't', body: 'b', click_action: { type: 3 }, importance: 'NORMAL' } },
          token: [token],
        },
      }),
    });
    const body = (await res.json()) as { code?: string };
    return body.code === '80000000';
  };
  const bareOne = async (i: number) => (await post(tokens[i % tokens.length]!, true)) && post(tokens[i % tokens.length]!, false);

  const run = async (count: number, one: (i: number) => Promise<boolean>) => {
    let next = 0;
    let failures = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          if (!(await one(next++))) failures++;
        }
      }),
    );
    return { perSecond: count / (Number(process.hrtime.bigint() - started) / 1e9), failures };
  };

  await run(200, bareOne);
  await run(200, imopsOne);
  const rounds = 5;
  const ratios: number[] = [];
  const imopsRates: number[] = [];
  const bareRates: number[] = [];
  let failures = 0;
  for (let r = 0; r < rounds; r++) {
    const a = await run(Math.ceil(total / rounds), imopsOne);
    const b = await run(Math.ceil(total / rounds), bareOne);
    imopsRates.push(a.perSecond);
    bareRates.push(b.perSecond);
    failures += a.failures + b.failures;
    ratios.push(a.perSecond / b.perSecond);
  }
  const tokenRequests = vx.huawei.tokenRequests.length - 1; // the bare client's own request
  await tester.close();
  await agent.close();
  await vx.close();
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const ratio = median(ratios);
  console.log(
    `\nHuawei (OAuth) test pushes: ${total} per client in ${rounds} alternating rounds (medians), ${concurrency} in flight, local Push Kit emulator (TLS)`,
  );
  console.log('  each push is two requests for both clients: validate_only, then the send');
  console.log(`  imops (createDeviceTester)  ${median(imopsRates).toFixed(0).padStart(7)} pushes/s`);
  console.log(`  bare undici fetch client    ${median(bareRates).toFixed(0).padStart(7)} pushes/s  failures (both) ${failures}`);
  console.log(
    `  ratio imops / bare          ${ratio.toFixed(2)}  (target >= 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}; per round: ${ratios.map((r) => r.toFixed(2)).join(' ')}`,
  );
  console.log(`  access-token requests by imops in this process: ${tokenRequests} (target 1)`);
}
