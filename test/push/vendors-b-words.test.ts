// Xiaomi, OPPO, vivo and Meizu in Chinese: every reason of their tables and every sentence their credential
// checks, token checks, uploads and test pushes build is worded in both languages, the Chinese written as Chinese
// (full-width punctuation, a space between Chinese and Latin, no English prose outside code and quotes), with the
// data (codes, IDs, the vendor's own words) unchanged and never "[object Object]".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppConfig, CertificateConfig, ProvidersConfig } from '../../src/config/types.js';
import { DEFAULT_PROVIDERS, providerFor } from '../../src/push/providers/index.js';
import { MEIZU_REASONS } from '../../src/push/providers/meizu/reasons.js';
import { OPPO_REASONS } from '../../src/push/providers/oppo/reasons.js';
import { VENDOR_ACCESS_TOKENS } from '../../src/push/providers/vendor/access-token.js';
import { TRANSPORT } from '../../src/push/providers/vendor/result.js';
import { VIVO_REASONS } from '../../src/push/providers/vivo/reasons.js';
import { explainXiaomi, XIAOMI_REASONS } from '../../src/push/providers/xiaomi/reasons.js';
import { createDeviceTester, type DeviceTester } from '../../src/push/tester.js';
import type { Text } from '../../src/text/index.js';
import { zhCN } from '../../src/text/zh-CN/index.js';
import { meizuToken, startMeizuEmulator, type MeizuEmulator } from '../emulators/meizu.js';
import { oppoToken, startOppoEmulator, type OppoEmulator } from '../emulators/oppo.js';
import { startVivoEmulator, vivoToken, type VivoEmulator } from '../emulators/vivo.js';
import { xiaomiToken } from '../emulators/xiaomi.js';
import { chinese, english } from '../text/english.js';
import { capturingLogger, device } from './helpers.js';
import { type VendorEmulators, useVendorTester } from './vendor-emulators.js';

const CJK = /[\u4e00-\u9fff]/;

/** What is wrong with a Chinese sentence of ours, as a list (empty: fine). */
function zhProblems(text: string): string[] {
  const out: string[] = [];
  if (!CJK.test(text)) out.push('no Chinese');
  if (text.includes('[object Object]')) out.push('[object Object]');
  // Code, commands and quoted data may be anything.
  const prose = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ');
  const run = /[A-Za-z][\w'.-]*(?: +[A-Za-z][\w'.-]*){2,}/.exec(prose);
  if (run) out.push(`English prose: ${run[0]}`);
  const tight = /[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]/.exec(prose);
  if (tight) out.push(`no space between Chinese and Latin: ${tight[0]}`);
  const halfWidth = /[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]/.exec(prose);
  if (halfWidth) out.push(`half-width punctuation in Chinese: ${halfWidth[0]}`);
  return out;
}

/** Both languages, different, and the Chinese written as Chinese. */
function expectWorded(text: Text, label: string): void {
  expect(typeof text, `${label}: still a plain English string`).toBe('object');
  expect(chinese(text), label).not.toBe(english(text));
  expect(english(text), label).not.toMatch(/\[object Object\]|[\u4e00-\u9fff]{4,}。/);
  expect(zhProblems(chinese(text)), `${label}: ${chinese(text)}`).toEqual([]);
}

const TABLES = { xiaomi: XIAOMI_REASONS, oppo: OPPO_REASONS, vivo: VIVO_REASONS, meizu: MEIZU_REASONS };
const transport = (reason: string) => (Object.values(TRANSPORT) as string[]).includes(reason);

describe('the reason tables of Xiaomi, OPPO, vivo and Meizu', () => {
  for (const [id, table] of Object.entries(TABLES)) {
    it(`${id}: every cause and fix of its own codes in both languages, the Chinese as Chinese`, () => {
      for (const [reason, entry] of table) {
        if (transport(reason)) {
          // The shared rows' words are the vendor helper's; they still name this vendor in Chinese.
          expect(chinese(entry.cause), reason).toMatch(CJK);
          expect(JSON.stringify(entry), reason).not.toContain('[object Object]');
          continue;
        }
        expectWorded(entry.cause, `${id} ${reason} cause`);
        expectWorded(entry.fix, `${id} ${reason} fix`);
        expect(chinese(entry.cause), reason).toMatch(/[。）]$/);
        expect(chinese(entry.fix), reason).toMatch(/[。）]$/);
      }
    });
  }

  it('keeps config keys, consoles and codes in the Chinese', () => {
    expect(chinese(XIAOMI_REASONS.get('22022')!.cause)).toContain('packageName');
    expect(chinese(XIAOMI_REASONS.get('10034')!.fix)).toMatch(/channelId.*私信/);
    expect(chinese(OPPO_REASONS.get('16')!.fix)).toMatch(/MasterSecret.*masterSecret|masterSecret.*MasterSecret/);
    expect(chinese(OPPO_REASONS.get('11')!.fix)).toContain('`imops push certs --live`');
    expect(chinese(VIVO_REASONS.get('10071')!.cause)).toContain('07:00 至 23:00');
    expect(chinese(VIVO_REASONS.get('10302')!.fix)).toContain('PushClient.getInstance(context).getRegId()');
    expect(chinese(MEIZU_REASONS.get('pushId:520')!.cause)).toContain('5 条');
    expect(chinese(MEIZU_REASONS.get('1006')!.fix)).toContain('Flyme 推送平台');
  });

  it('a Xiaomi code imops does not know keeps its number, and the fix points at Xiaomi’s table in Chinese', () => {
    const entry = explainXiaomi('99999');
    expect(chinese(entry.cause)).toContain('99999');
    expect(chinese(entry.cause)).toMatch(CJK);
    expectWorded(entry.fix, 'xiaomi unknown fix');
    expect(chinese(entry.fix)).toContain('服务端错误码参考');
  });
});

describe('the names of the four providers', () => {
  it('are Chinese product names, with no English article', () => {
    for (const id of ['xiaomi', 'oppo', 'vivo', 'meizu'] as const) {
      const names = zhCN.providers[id].names;
      expect(names.article, id).toBe('');
      expect(names.display, id).toMatch(/推送$/);
      expect(names.device, id).toBe(`Android（${names.display}）`);
      for (const [key, value] of Object.entries(names))
        if (key !== 'article')
          expect(
            zhProblems(`${value}。`).filter((p) => p !== 'no Chinese'),
            `${id}.${key}`,
          ).toEqual([]);
    }
  });
});

describe('what the credential checks, token checks and uploads say', () => {
  const certs: CertificateConfig[] = [
    { id: '40001', platform: 'xiaomi', packageName: 'not-a-package', appSecret: 'secret-value' },
    { id: '40002', platform: 'oppo', appKey: 'same-value', masterSecret: 'same-value', category: 'weird', notifyLevel: 7 },
    { id: '40003', platform: 'oppo', appKey: 'oppo-app-key', masterSecret: 'master', category: 'NEWS' },
    { id: '40004', platform: 'vivo', appId: '12x', appKey: 'a a', appSecret: 'a a', category: 'weird', pushMode: 1 },
    { id: '40005', platform: 'vivo', appId: '10001', appKey: 'k', appSecret: 's', category: 'marketing', pushMode: 0 },
    { id: '40006', platform: 'vivo', appId: '10001', appKey: 'k', appSecret: 's', pushMode: 0 },
    { id: '40007', platform: 'meizu', appId: '11x', appSecret: 'with space' },
  ];

  it.each(certs.map((c) => [c.id, c.platform, c] as const))('certificate %s (%s): every problem, fix and summary', async (id, platform, cert) => {
    const provider = providerFor(platform);
    const { health } = await provider.inspect(cert as never, Date.now());
    expect(health.problems.length, id).toBeGreaterThan(0);
    expectWorded(health.summary, `${id} summary`);
    for (const p of health.problems) {
      // secretProblems() (vendor/) is the vendor helper's: only its Chinese is checked here.
      if (typeof p.problem === 'object') expectWorded(p.problem, `${id} problem`);
      expectWorded(p.fix, `${id} fix`);
    }
    expect(chinese(health.problems.map((p) => chinese(p.problem)).join(''))).not.toContain('[object Object]');
    expectWorded(provider.describeCertificate(cert as never), `${id} description`);
  });

  it('the data stays in the Chinese: IDs, fields, counts, categories', async () => {
    const problems = async (i: number) =>
      (await providerFor(certs[i]!.platform).inspect(certs[i] as never, Date.now())).health.problems.map((p) => chinese(p.problem));
    expect((await problems(0)).join('')).toMatch(/packageName not-a-package.*证书 40001 没有设置 channelId.*1 条/s);
    expect((await problems(1)).join('')).toMatch(/category weird.*IM、ACCOUNT.*错误码 67.*notifyLevel 7/s);
    expect((await problems(2)).join('')).toMatch(/证书 40003 的 category 是 NEWS.*2 条/s);
    expect((await problems(3)).join('')).toMatch(/appId 12x.*pushMode 为 1.*20 台/s);
    expect((await problems(4)).join('')).toMatch(/证书 40005 的 category 是 marketing.*07:00 至 23:00/s);
    expect((await problems(5)).join('')).toMatch(/证书 40006 没有设置 category/);
    expect((await problems(6)).join('')).toMatch(/appId 11x.*1006/s);
  });

  it('token shapes and upload warnings', () => {
    const cut = providerFor('xiaomi').tokenShape(`d//igwEhgBGCI2TG6lWql${'A'.repeat(30)}`)!;
    expectWorded(cut.problems[0]!, 'xiaomi cut');
    expect(chinese(cut.problems[0]!)).toContain('51 个字符');
    const overseas = providerFor('oppo').tokenShape(oppoToken('US_'))!;
    expectWorded(overseas.problems[0]!, 'oppo overseas');
    expect(chinese(overseas.problems[0]!)).toContain('US_');
    expectWorded(providerFor('oppo').tokenShape('OPPO_CN_123')!.problems[0]!, 'oppo cut');
    expectWorded(providerFor('vivo').tokenShape('1'.repeat(20))!.problems[0]!, 'vivo length');
    expectWorded(providerFor('meizu').tokenShape(`RA${'a'.repeat(30)}`)!.problems[0]!, 'meizu cut');
    const [mismatch] = providerFor('xiaomi').reportWarnings({ id: '30003', platform: 'xiaomi', packageName: 'com.example.app', appSecret: 's' } as never, {
      token: 't',
      bundleId: 'com.example.debug',
    });
    expectWorded(mismatch!, 'xiaomi package');
    expect(chinese(mismatch!)).toMatch(/com\.example\.debug.*30003.*com\.example\.app.*22022/);
    const [testMode] = providerFor('vivo').reportWarnings({ id: '30015', platform: 'vivo', appId: '1', appKey: 'k', appSecret: 's', pushMode: 1 } as never, {
      token: 't',
    });
    expectWorded(testMode!, 'vivo test mode');
  });
});

describe('a Chinese reader of Xiaomi test pushes', () => {
  let vx: VendorEmulators;
  let tester: DeviceTester;
  const logged = capturingLogger();
  useVendorTester(logged.log, (h) => ({ vx, tester } = h));
  const mi = (token: string) => device('30003', token, 'xiaomi');

  it('gets the acceptance with the day quota, and a refusal with Xiaomi’s code and words', async () => {
    const ok = await tester.test(vx.app(), mi(xiaomiToken()));
    expect(ok.verdict).toBe('DELIVERED');
    expect(chinese(ok.cause)).toMatch(/小米推送已接受发往 com\.example\.app（通道 123）的测试通知。今日已用消息 \d+ 条，共 1000 条。/);
    const token = xiaomiToken();
    vx.xiaomi.program(token, { kind: 'code', code: 10031, reason: 'reason 10031', description: '描述 10031' });
    const r = await tester.test(vx.app(), mi(token));
    expect(chinese(r.cause)).toContain('10031');
    expect(chinese(r.cause)).toContain('reason 10031 / 描述 10031');
    expect(chinese(r.cause)).toContain('黑名单');
    expect(chinese(r.fix)).toContain('小米应用商店');
    expect(JSON.stringify(r)).not.toContain('[object Object]');
  });

  it('gets the one-a-day default channel warning and --live in Chinese', async () => {
    const app = vx.app();
    delete (app.certificates[2] as { channelId?: string }).channelId;
    const r = await tester.test(app, mi(xiaomiToken()));
    expect(chinese(r.cause)).toContain('证书 30003 没有设置 channelId');
    const [h] = await tester.certificates(vx.app(vx.certificates.slice(2)), { live: true });
    expect(chinese(h!.summary)).toMatch(/已应答（HTTP \d+）.*无法校验 AppSecret/);
    expect(JSON.stringify(h)).not.toContain('[object Object]');
  });
});

describe('a Chinese reader of OPPO, vivo and Meizu test pushes', () => {
  const SECRETS = { oppoMaster: 'oppo-master-7f3a9c1e55', vivoSecret: 'vivo-secret-2b8d4e6f01', meizuSecret: 'meizu-secret-9c0a1b2d33' };
  let oppo: OppoEmulator;
  let vivo: VivoEmulator;
  let meizu: MeizuEmulator;
  let tester: DeviceTester;
  const logged = capturingLogger();
  const certs: CertificateConfig[] = [
    { id: '30014', platform: 'oppo', appKey: 'oppo-key', masterSecret: SECRETS.oppoMaster },
    { id: '30015', platform: 'vivo', appId: '10001', appKey: 'vivo-key', appSecret: SECRETS.vivoSecret, pushMode: 1 },
    { id: '30006', platform: 'meizu', appId: '110001', appSecret: SECRETS.meizuSecret },
  ];
  const app: AppConfig = { name: 'prod', sdkAppId: 1400000000, secretKey: 'k', certificates: certs };

  beforeAll(async () => {
    oppo = await startOppoEmulator({ 'oppo-key': SECRETS.oppoMaster });
    vivo = await startVivoEmulator({ '10001': { appKey: 'vivo-key', appSecret: SECRETS.vivoSecret } });
    meizu = await startMeizuEmulator({ '110001': SECRETS.meizuSecret });
    const providers: ProvidersConfig = {
      ...DEFAULT_PROVIDERS,
      oppo: { url: oppo.url, timeoutMs: 1000 },
      vivo: { url: vivo.url, timeoutMs: 1000 },
      meizu: { url: meizu.url, timeoutMs: 1000 },
    };
    tester = createDeviceTester({ providers, log: logged.log });
  });
  afterAll(async () => {
    await tester.close();
    await Promise.all([oppo.close(), vivo.close(), meizu.close()]);
  });
  beforeEach(() => {
    oppo.reset();
    vivo.reset();
    meizu.reset();
    VENDOR_ACCESS_TOKENS.clear();
  });

  it('OPPO: the acceptance carries the marketing-quota warnings; a refusal keeps OPPO’s code and message', async () => {
    const ok = await tester.test(app, device('30014', oppoToken(), 'oppo'));
    expect(ok.verdict).toBe('DELIVERED');
    expect(chinese(ok.cause)).toMatch(/^OPPO 推送已接受 AppKey \S+ 的测试通知。证书 30014 没有设置 channelId.*证书 30014 没有设置 category/s);
    expect(chinese(ok.fix)).toContain('默认关闭通知');
    oppo.forceSend({ kind: 'json', body: { code: 33, message: 'The number of messages exceeds the daily limit' } });
    const r = await tester.test(app, device('30014', oppoToken(), 'oppo'));
    expect(chinese(r.cause)).toContain('33');
    expect(chinese(r.cause)).toContain('The number of messages exceeds the daily limit');
    expect(chinese(r.cause)).toContain('公信消息');
    expect(chinese(r.fix)).toContain('通讯与服务');
    expect(JSON.stringify([ok, r])).not.toContain('[object Object]');
  });

  it('vivo: test mode and the missing category are said in Chinese around vivo’s desc', async () => {
    const token = vivoToken();
    vivo.unknownTokens.add(token);
    const r = await tester.test(app, device('30015', token, 'vivo'));
    expect(r.verdict).toBe('BAD_DEVICE_TOKEN');
    expect(chinese(r.cause)).toContain('regId不合法');
    expect(chinese(r.cause)).toMatch(/pushMode 为 1（测试推送）.*证书 30015 没有设置 category/s);
    expect(chinese(r.fix)).toContain('PushClient.getInstance(context).getRegId()');
    expect(JSON.stringify(r)).not.toContain('[object Object]');
  });

  it('Meizu: the acceptance names the public-message limit; a per-pushId refusal is explained', async () => {
    const ok = await tester.test(app, device('30006', meizuToken(), 'meizu'));
    expect(chinese(ok.cause)).toMatch(/魅族推送已接受 App ID 110001 的测试通知.*公信通知.*3 条/);
    const gone = meizuToken();
    meizu.perPushId.set(gone, '110002');
    const r = await tester.test(app, device('30006', gone, 'meizu'));
    expect(chinese(r.cause)).toContain('110002');
    expect(chinese(r.cause)).toContain('未订阅');
    expect(chinese(r.fix)).toContain('PushManager.register()');
    expect(JSON.stringify([ok, r])).not.toContain('[object Object]');
  });

  it('push certs --live: what each vendor said, in Chinese', async () => {
    const health = await tester.certificates(app, { live: true });
    for (const h of health) {
      expect(chinese(h.summary), h.certificateId).toMatch(CJK);
      for (const p of h.problems) expect(chinese(p.problem), h.certificateId).toMatch(CJK);
    }
    expect(chinese(health[2]!.summary)).toContain('魅族推送接受了 App ID 和 App Secret');
    expect(JSON.stringify(health)).not.toContain('[object Object]');
  });
});
