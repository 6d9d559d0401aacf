// `imops push certs` and `push certs --live` with OPPO, vivo and Meizu certificates read from imops.yml (secrets
// through ${ENV}), against the loopback vendor emulators.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { VENDOR_ACCESS_TOKENS } from '../../src/push/providers/vendor/access-token.js';
import { capturedIo } from '../devices/helpers.js';
import { startMeizuEmulator, type MeizuEmulator } from '../emulators/meizu.js';
import { startOppoEmulator, type OppoEmulator } from '../emulators/oppo.js';
import { startVivoEmulator, type VivoEmulator } from '../emulators/vivo.js';

const ENV = { OPPO_MASTER: 'oppo-master-cli-5e1d', VIVO_SECRET: 'vivo-secret-cli-77a0', MZ_SECRET: 'meizu-secret-cli-31bb' };

let oppo: OppoEmulator;
let vivo: VivoEmulator;
let meizu: MeizuEmulator;
let dir: string;

beforeAll(async () => {
  oppo = await startOppoEmulator({ 'oppo-key': ENV.OPPO_MASTER });
  vivo = await startVivoEmulator({ '10001': { appKey: 'vivo-key', appSecret: ENV.VIVO_SECRET } });
  meizu = await startMeizuEmulator({ '110001': ENV.MZ_SECRET });
  dir = mkdtempSync(join(tmpdir(), 'imops-vendors-cli-'));
});
afterAll(async () => {
  await Promise.all([oppo?.close(), vivo?.close(), meizu?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  oppo.reset();
  vivo.reset();
  meizu.reset();
  VENDOR_ACCESS_TOKENS.clear();
});

function writeConfig(name: string, certificates: unknown[]): string {
  const path = join(dir, name);
  const doc = {
    apps: [{ name: 'prod', sdkAppId: 1400000000, secretKey: 'c'.repeat(64), certificates }],
    providers: { oppo: { url: oppo.url, timeoutMs: 2000 }, vivo: { url: vivo.url, timeoutMs: 2000 }, meizu: { url: meizu.url, timeoutMs: 2000 } },
  };
  // ${…} stays for imops to expand from the environment.
  writeFileSync(path, stringify(doc), { mode: 0o600 });
  return path;
}

async function imops(args: string[], env: NodeJS.ProcessEnv = ENV) {
  const cap = capturedIo({ ...env, IMOPS_DATA_DIR: join(dir, 'data') }, dir);
  const code = await main(args, { io: cap.io });
  return { code, out: cap.stdout(), err: cap.stderr() };
}

const CERTS = [
  { id: '30004', platform: 'oppo', appKey: 'oppo-key', masterSecret: '${OPPO_MASTER}', channelId: 'im', category: 'IM' },
  { id: '30005', platform: 'vivo', appId: '10001', appKey: 'vivo-key', appSecret: '${VIVO_SECRET}', category: 'IM', pushMode: 0 },
  { id: '30006', platform: 'meizu', appId: '110001', appSecret: '${MZ_SECRET}' },
];

describe('imops push certs with vendor certificates', () => {
  it('offline: checks the fields and warns about missing classification, without asking any vendor', async () => {
    const config = writeConfig('offline.yml', [...CERTS, { id: '30014', platform: 'oppo', appKey: 'oppo-key', masterSecret: '${OPPO_MASTER}' }]);
    const r = await imops(['--config', config, 'push', 'certs']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✓ OK · certificate 30004 · OPPO/m);
    expect(r.out).toMatch(/^✓ OK · certificate 30005 · vivo/m);
    expect(r.out).toMatch(/^✓ OK · certificate 30006 · Meizu/m);
    expect(r.out).toMatch(/^! WARN · certificate 30014 · OPPO/m);
    expect(r.out).toMatch(/no channelId[\s\S]*marketing/);
    expect(oppo.requests.length + vivo.requests.length + meizu.requests.length).toBe(0);
  });

  it('--live asks each vendor and explains a refusal (exit 1), never printing a secret', async () => {
    const config = writeConfig('live.yml', CERTS);
    const good = await imops(['--config', config, 'push', 'certs', '--live']);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/OPPO issued an auth_token/);
    expect(good.out).toMatch(/vivo issued an authToken/);
    expect(good.out).toMatch(/Meizu accepted the App ID and App Secret/);
    expect(oppo.authRequests()).toHaveLength(1);
    expect(vivo.authRequests()).toHaveLength(1);

    const bad = await imops(['--config', config, 'push', 'certs', '--live', '--json'], { ...ENV, VIVO_SECRET: 'pasted-the-wrong-one' });
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out) as { ok: boolean; certificates: { certificateId: string; level: string; problems: { problem: string; fix: string }[] }[] };
    expect(json.ok).toBe(false);
    const v = json.certificates.find((c) => c.certificateId === '30005')!;
    expect(v.level).toBe('failure');
    expect(v.problems[0]!.problem).toMatch(/10206/);
    expect(v.problems[0]!.fix).toMatch(/dev\.vivo\.com\.cn/);
    for (const text of [good.out, good.err, bad.out, bad.err]) {
      for (const secret of [...Object.values(ENV), 'pasted-the-wrong-one', ...oppo.issued, ...vivo.issued]) expect(text).not.toContain(secret);
    }
  });
});
