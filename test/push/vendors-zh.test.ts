/**
 * The shared vendor words and Huawei's and Honor's (t.pushWords.vendor, t.providers.huawei / honor): zh-CN has every
 * key of en, every sentence is Chinese with its data verbatim, and the vendor helpers word their results in both
 * languages, also for callers that still pass plain English strings.
 */
import { describe, expect, it } from 'vitest';
import { englishProse } from '../text/language.js';
import { huaweiTokenShape } from '../../src/push/providers/huawei/token-shape.js';
import { HONOR_REASONS } from '../../src/push/providers/honor/reasons.js';
import { explainHuawei, explainHuaweiOAuth, HUAWEI_REASONS } from '../../src/push/providers/huawei/reasons.js';
import { providerFor } from '../../src/push/providers/index.js';
import { failureResult, providerName, transportRows, unknownCode, unknownReason } from '../../src/push/providers/vendor/result.js';
import { secretProblemWords, secretProblems } from '../../src/push/providers/vendor/secret.js';
import type { Catalogue } from '../../src/text/index.js';
import { en } from '../../src/text/en/index.js';
import { zhCN } from '../../src/text/zh-CN/index.js';
import { chinese, english } from '../text/english.js';
import { device } from './helpers.js';

const CJK = /[\u4e00-\u9fff]/;

/** The first run of English prose (three or more English words outside data), if any. */
const englishRun = (s: string): string | undefined => englishProse(s)[0];

function expectChinese(s: string, where = s) {
  expect(s, `${where} has no Chinese`).toMatch(CJK);
  expect(englishRun(s), `${where} carries English prose`).toBeUndefined();
  for (const bad of ['undefined', 'NaN', '[object Object]']) expect(s, `${where} says ${bad}`).not.toContain(bad);
}

/** Every leaf of an object as [path, value]. */
function leaves(value: unknown, path: string): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

const words = (t: Catalogue) => ({ vendor: t.pushWords.vendor, huawei: t.providers.huawei, honor: t.providers.honor });

/** Leaves that are names or data, the same in both languages. */
const SAME_IN_BOTH = new Set(['huawei.names.device']);
/** Leaves that are no sentence: English's article, and the words of a step inside a sentence. */
const NOT_SENTENCES = new Set(['huawei.names.article', 'honor.names.article']);

/** Every function of the three word files, called with sample data (a new function must be added here). */
function samples(t: Catalogue): Record<string, string> {
  const { vendor: v, huawei: h, honor: o } = words(t);
  const name = t.providers.huawei.names.display;
  return {
    'vendor.sentences': v.sentences([h.inIllegalTokens, h.requestId('0123abc')]),
    'vendor.failedWith': v.failedWith(h.steps.send, '80300007', 'invalid token', h.reasons['80300007'].cause),
    'vendor.failedWithCode': v.failedWithCode(name, v.steps.auth, '11', 'Invalid AppKey', h.reasons['80100004'].cause),
    'vendor.tokenLooksWrong': v.tokenLooksWrong(h.tokenLength(77)),
    'vendor.warning': v.warning(h.categoryMissing('30001')),
    'vendor.unknownAnswer': v.unknownAnswer(h.vendor, '80999999'),
    'vendor.unknownCode.cause': v.unknownCode.cause(name, '98765', 'new error'),
    'vendor.unknownCode.fix': v.unknownCode.fix(name, '98765', 'developer.huawei.com'),
    ...Object.fromEntries(
      Object.entries(v.transport).flatMap(([code, w]) => [
        [`vendor.transport.${code}.cause`, w.cause(name)],
        [`vendor.transport.${code}.fix`, w.fix(name, 'push-api.cloud.huawei.com', 'providers.huawei.url')],
      ]),
    ),
    'vendor.unanswered.timedOut': v.unanswered.timedOut(name, 300),
    'vendor.unanswered.unreachable': v.unanswered.unreachable(name, 'ECONNREFUSED'),
    'vendor.unanswered.fix': v.unanswered.fix('https://push-api.cloud.huawei.com', 'providers.huawei.url'),
    'vendor.liveToken.issued': v.liveToken.issued(name, 'auth_token'),
    'vendor.liveToken.refused': v.liveToken.refused(name),
    'vendor.liveToken.answered': v.liveToken.answered(name, '16', 'sign error', h.reasons.invalid_client.cause),
    'vendor.oauth.step': v.oauth.step(h.vendor),
    'vendor.oauth.server': v.oauth.server(h.vendor),
    'vendor.oauth.timedOut': v.oauth.timedOut(300),
    'vendor.oauth.unreachable': v.oauth.unreachable('ENOTFOUND'),
    'vendor.oauth.reachFix': v.oauth.reachFix('https://oauth-login.cloud.huawei.com', 'providers.huawei.authUrl'),
    'vendor.oauth.issued': v.oauth.issued(h.vendor, '104000001', 59),
    'vendor.oauth.refused': v.oauth.refused(o.vendor, 'honor-client'),
    'vendor.oauth.answered': v.oauth.answered(h.vendor, '1101', 'sub_error 20001: invalid client secret', h.reasons['1101'].cause),
    'vendor.oauth.notChecked': [
      v.oauth.notChecked(h.vendor, { kind: 'timeout', ms: 300 }),
      v.oauth.notChecked(h.vendor, { kind: 'network', code: 'ECONNREFUSED' }),
      v.oauth.notChecked(o.vendor, { kind: 'unavailable', status: 503 }),
    ].join(' | '),
    'vendor.oauth.notCheckedProblem': v.oauth.notCheckedProblem('https://iam.developer.honor.com', { kind: 'unavailable', status: 503 }),
    'vendor.oauth.notCheckedFix': v.oauth.notCheckedFix('providers.honor.authUrl'),
    'vendor.secret.placeholder': v.secret.placeholder('clientSecret'),
    'vendor.secret.padded': v.secret.padded('clientSecret'),
    'vendor.secret.spaces': v.secret.spaces('appSecret'),
    'huawei.describe': [h.describe('104000001', 'IM'), h.describe('104000001', undefined)].join(' | '),
    'huawei.summary': [h.summary('104000001', '104000001', 'IM'), h.summary('104000001', '104000001', undefined)].join(' | '),
    'huawei.categoryMissing': h.categoryMissing('30001'),
    'huawei.categoryUnknown': h.categoryUnknown('30001', 'CHAT', ['IM', 'VOIP']),
    'huawei.appIdNotDigits': h.appIdNotDigits('com.example.app'),
    'huawei.clientIdNotDigits': h.clientIdNotDigits('abc'),
    'huawei.tokenLength': h.tokenLength(77),
    'huawei.validated': h.validated('104000001'),
    'huawei.accepted': h.accepted('104000001'),
    'huawei.requestId': h.requestId('0123abc'),
    'honor.describe': [o.describe('104400001', 'NORMAL'), o.describe('104400001', undefined)].join(' | '),
    'honor.summary': [o.summary('104400001', 'honor-client', 'NORMAL'), o.summary('104400001', 'honor-client', undefined)].join(' | '),
    'honor.importanceLow': o.importanceLow('30002'),
    'honor.importanceMissing': o.importanceMissing('30002'),
    'honor.clientIsAppId': o.clientIsAppId('104400001'),
    'honor.noDryRun': o.noDryRun('honor-client'),
    'honor.accepted': o.accepted('104400001'),
    'honor.requestId': o.requestId('0123abc'),
  };
}

describe('the vendor, Huawei and Honor words', () => {
  it('zh-CN has every key of en, and a sample for every function', () => {
    const keys = (t: Catalogue) => leaves(words(t), '').map(([p]) => p);
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const functions = leaves(words(en), '')
      .filter(([path, v]) => typeof v === 'function' && !path.startsWith('vendor.transport.'))
      .map(([p]) => p);
    for (const path of functions) expect(Object.keys(samples(en)), path).toContain(path);
  });

  it('every plain string of zh-CN is Chinese, apart from names and data', () => {
    const enLeaves = new Map(leaves(words(en), ''));
    for (const [path, value] of leaves(words(zhCN), '')) {
      if (typeof value !== 'string' || NOT_SENTENCES.has(path)) continue;
      if (SAME_IN_BOTH.has(path)) continue;
      expect(value, `${path} is the English text`).not.toBe(enLeaves.get(path));
      expectChinese(value, path);
    }
    expect(zhCN.providers.huawei.names.article).toBe('');
    expect(zhCN.providers.honor.names.article).toBe('');
  });

  it('every sentence of zh-CN is Chinese and carries its data verbatim', () => {
    const zh = samples(zhCN);
    const enSamples = samples(en);
    for (const [path, sentence] of Object.entries(zh)) {
      expectChinese(sentence, path);
      // Codes, IDs, hosts and config keys in the English sentence are in the Chinese one too.
      for (const data of enSamples[path]!.match(/\b(?:\d{2,}|providers\.\w+\.\w+|[\w-]+\.(?:com|cn)\b|[a-z]+_[a-z_]+)/g) ?? []) {
        expect(sentence, `${path} lost ${data}`).toContain(data);
      }
    }
    expect(zh['vendor.oauth.notChecked']).toMatch(/在 300 毫秒内没有应答.*无法连接（ECONNREFUSED）.*返回了 HTTP 503/);
    expect(zh['vendor.failedWithCode']).toBe('华为 Push Kit 鉴权请求失败，错误码 11（“Invalid AppKey”）：Push Kit 拒绝了消息的 TTL：它早于当前时间。');
  });
});

describe('the vendor helpers', () => {
  it('word reason rows in both languages; plain English names from callers not yet moved still work', () => {
    const rows = transportRows('OPPO push', 'api.push.oppomobile.com', 'providers.oppo.url');
    expect(english(rows[0]!.cause)).toBe('OPPO push did not answer in time.');
    expect(english(rows[4]!.fix)).toBe(
      "Check providers.oppo.url: it must be the origin only (imops adds OPPO push's paths), such as https://api.push.oppomobile.com.",
    );
    expect(chinese(rows[0]!.cause)).toBe('OPPO push 没有及时应答。');
    const named = transportRows(providerName('huawei'), 'push-api.cloud.huawei.com', 'providers.huawei.url');
    expect(chinese(named[2]!.cause)).toBe('华为 Push Kit（或其前面的网关）返回 HTTP 429：请求过多。');
    const unknown = unknownReason('xiaomi', 'Xiaomi', '99999', 'Look it up.');
    expect(english(unknown.cause)).toBe('Xiaomi answered with 99999, a code imops does not know.');
    expect(chinese(unknown.cause)).toBe('Xiaomi 返回了 imops 不认识的返回码 99999。');
    const code = unknownCode('meizu', 'Meizu push', '110099', '新的错误', "Meizu's docs");
    expect(english(code.cause)).toBe('Meizu push refused the push with code 110099 ("新的错误"), a code imops does not know.');
    expect(chinese(code.cause)).toContain('110099（“新的错误”）');
  });

  it('failureResult words the steps it knows (auth, send) and keeps the vendor code and words', () => {
    const entry = { provider: 'oppo', reason: '16', verdict: 'CREDENTIAL_INVALID' as const, cause: 'The MasterSecret is wrong.', fix: 'Copy it.' };
    const r = failureResult(device('30004', 'a'.repeat(32), 'oppo'), 'oppo', 'OPPO push', 'auth', { entry, reason: '16', message: 'sign error' }, ['A note.']);
    expect(english(r.cause)).toBe('OPPO push auth failed with code 16 ("sign error"): The MasterSecret is wrong. A note.');
    expect(chinese(r.cause)).toBe('OPPO push 鉴权请求失败，错误码 16（“sign error”）：The MasterSecret is wrong. A note.');
    expect(r.fix).toBe('Copy it.');
  });

  it('secret problems in both languages, and the English-only shape for callers that still collect strings', () => {
    const [w] = secretProblemWords('${HW_SECRET}', 'clientSecret');
    expect(chinese(w!)).toBe('clientSecret 是未展开的 ${…} 占位符：它引用的环境变量没有设置。');
    expect(secretProblems(' x ', 'appSecret')).toEqual(['appSecret has spaces or line breaks around it, so the vendor will refuse it.']);
  });
});

describe('Huawei and Honor answers in Chinese', () => {
  it('every reason row reads in Chinese, different from English', () => {
    for (const table of [HUAWEI_REASONS, HONOR_REASONS]) {
      for (const [code, row] of table) {
        expectChinese(chinese(row.cause), `${row.provider} ${code} cause`);
        expectChinese(chinese(row.fix), `${row.provider} ${code} fix`);
      }
    }
  });

  it('codes imops does not know name the vendor in the reader’s language', () => {
    expect(chinese(explainHuawei('80999999').cause)).toBe('华为返回了 imops 不认识的返回码 80999999。');
    expect(chinese(explainHuaweiOAuth('weird_error').cause)).toBe('华为 OAuth 服务器返回了 imops 不认识的返回码 weird_error。');
    expect(english(explainHuaweiOAuth('weird_error').cause)).toBe("Huawei's OAuth server answered with weird_error, a code imops does not know.");
  });

  it('a short token is described in Chinese', () => {
    const problems = huaweiTokenShape('Zx'.repeat(40))!.problems;
    expect(chinese(problems[0]!)).toBe('该 Token 长 80 个字符；华为 Push Kit 的 Token 通常约 130 个字符，它可能被截断了。');
  });

  it('certificates are described in Chinese', () => {
    const hw = providerFor('huawei').describeCertificate({
      id: '30001',
      platform: 'huawei',
      appId: '104000001',
      clientId: '104000001',
      clientSecret: 'x',
      category: 'IM',
    } as never);
    expect(chinese(hw)).toBe('华为 Push Kit，App ID 104000001，category IM');
    const ho = providerFor('honor').describeCertificate({ id: '30002', platform: 'honor', appId: '104400001', clientId: 'c', clientSecret: 'x' } as never);
    expect(english(ho)).toBe('Honor Push, App ID 104400001');
    expect(chinese(ho)).toBe('荣耀推送，App ID 104400001');
  });
});
