/**
 * The zh-CN catalogue's own sections (labels … watch): every key of en is there, the sentences are Chinese, and the
 * data they carry (UserIDs, certificate IDs, codes, commands) comes out verbatim.
 */
import { describe, expect, it } from 'vitest';
import { englishProse } from './language.js';
import { en } from '../../src/text/en/index.js';
import { zhCN } from '../../src/text/zh-CN/index.js';

const CJK = /[\u4e00-\u9fff]/;

/** Sections this file checks; im, triage, usersigVerdicts, usersigGenerators and imErrors have their own files. */
const SECTIONS = ['labels', 'kinds', 'app', 'access', 'rate', 'errors', 'forms', 'usersig', 'push', 'sweep', 'importDevices', 'watch'] as const;

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
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  return [[path, value]];
}

/** Words that are product names or field names, the same in both languages. */
const SAME_IN_BOTH = new Set(['labels.sdkAppId', 'labels.userId', 'kinds.privateMapKey', 'kinds.userSig', 'usersig.forms.title', 'usersig.forms.userSig']);

describe('the zh-CN catalogue', () => {
  it('has every key of en in its own sections, and the same sweep modes', () => {
    for (const section of SECTIONS) {
      const keys = (o: unknown) => leaves(o, section).map(([p]) => p.replace(/\[\d+\]$/, '[]'));
      expect([...new Set(keys(zhCN[section]))].sort(), section).toEqual([...new Set(keys(en[section]))].sort());
    }
    expect(Object.keys(zhCN.sweep.mode).sort()).toEqual(Object.keys(en.sweep.mode).sort());
    expect(zhCN.locale).toBe('zh-CN');
  });

  it('writes every plain string in Chinese, apart from product and field names', () => {
    for (const section of SECTIONS) {
      for (const [path, value] of leaves(zhCN[section], section)) {
        // Punctuation (a sentence end) is a word too, with no letters.
        if (typeof value !== 'string' || /^\p{P}+$/u.test(value)) continue;
        if (SAME_IN_BOTH.has(path)) expect(value, path).toBe(leaves(en, '').find(([p]) => p === path)?.[1]);
        else expectChinese(value, path);
      }
    }
  });

  it('renders sentences in Chinese with their placeholders verbatim', () => {
    const t = zhCN;
    const cases: [string, string, string[]][] = [
      ['push.noDevices.cause', t.push.noDevices.cause('alice_01', 'prod', 1400000000), ['alice_01', 'prod', '1400000000']],
      ['push.noDevices.otherCause', t.push.noDevices.otherCause('alice_01', '10086', ['20001', '20002']), ['alice_01', '10086', '20001、20002']],
      ['push.noDevices.otherFix', t.push.noDevices.otherFix(['20001', '20002']), ['20001 或 20002']],
      ['push.notConfiguredWarning', t.push.notConfiguredWarning('10086', 'prod'), ['证书 ID 10086', 'prod']],
      ['push.certificateTitle', t.push.certificateTitle('warning', '10086 · APNs'), ['警告', '10086 · APNs']],
      ['push.resultTitle', t.push.resultTitle(false, 'APNs', '10086', 'BAD_DEVICE_TOKEN'), ['失败', 'APNs', '10086', 'BAD_DEVICE_TOKEN']],
      ['push.certificatesTitle', t.push.certificatesTitle('prod', 2, 1, 0), ['prod', '2 个正常', '1 个有警告']],
      ['push.cardIntro', t.push.cardIntro(12, undefined, 12, 10), ['12 台设备', '最近上报的 10 台']],
      ['push.terminalIntro', t.push.terminalIntro(3, 'imops push test alice'), ['`imops push test alice`']],
      ['push.skippedNote', t.push.skippedNote(10, 14, 10, 4, false), ['14 台', '10 台', '4 台']],
      ['errors.staleTitle', t.errors.staleTitle('form'), ['表单']],
      ['errors.staleCause', t.errors.staleCause('button'), ['按钮']],
      ['errors.internalFix', t.errors.internalFix('a1b2c3d4e5f6'), ['a1b2c3d4e5f6']],
      ['access.deniedTitle', t.access.deniedTitle(t.access.actions['usersig.generate']), ['生成 UserSig']],
      ['access.deniedFix', t.access.deniedFix('U123', 'usersig.generate'), ['access.usersig.generate: ["U123"]']],
      ['rate.title', t.rate.title(t.rate.what['push.test'], t.time.span(90)), ['1 分钟 30 秒']],
      ['rate.cause', t.rate.cause(10, t.rate.what['usersig.generate'], t.time.span(3600), t.rate.why['usersig.generate']), ['1 小时', '10 次']],
      ['usersig.validTitle', t.usersig.validTitle('用户_7'), ['用户_7']],
      ['usersig.unknownCode.title', t.usersig.unknownCode.title(-100018), ['-100018']],
      ['usersig.knownCode', t.usersig.knownCode('IM', 70001, 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED'), ['70001', 'ERR_SVR_ACCOUNT_USERSIG_EXPIRED']],
      ['sweep.title.failed', t.sweep.title.failed('10086', '35%', '20%'), ['10086', '35%', '20%']],
      ['sweep.rateValue', t.sweep.rateValue(7, 20, '35%'), ['RATE_LIMITED', '20 台中 7 台']],
      ['sweep.pruneHint', t.sweep.pruneHint(3), ['TOKEN_UNREGISTERED', '--prune']],
      ['importDevices.problem.platform', t.importDevices.problem.platform('ios', 'apns, fcm'), ['"platform"', '"ios"']],
      ['importDevices.rejectedTitle', t.importDevices.rejectedTitle(80, 50), ['80', '50', '--json']],
      ['watch.alertTitle.expiring', t.watch.alertTitle.expiring('10086', 12), ['10086', '12 天']],
      ['watch.expiringCause', t.watch.expiringCause('2027-01-01', 12), ['2027-01-01', '12 天']],
      ['watch.failureFix', t.watch.failureFix(undefined, '10086', 2), ['`imops push sweep --cert 10086`', '`imops push sweep --cert 10086 --prune`']],
      ['watch.recoveredCause', t.watch.recoveredCause(t.watch.condition.credential, 'CREDENTIAL_EXPIRED'), ['CREDENTIAL_EXPIRED']],
      ['watch.roundCertificate', t.watch.roundCertificate('prod/10086', 'ok', '5%'), ['prod/10086', 'ok', '5%']],
    ];
    for (const [where, text, data] of cases) {
      expectChinese(text, where);
      for (const d of data) expect(text, where).toContain(d);
    }
  });

  it('words the certificate levels and results as the brief asks', () => {
    expect(zhCN.push.certificateTitle('ok', '1')).toMatch(/^正常 · /);
    expect(zhCN.push.certificateTitle('failure', '1')).toMatch(/^失败 · /);
    expect(zhCN.push.resultTitle(true, 'FCM', '2', 'DELIVERED')).toMatch(/^通过 · /);
    expect(zhCN.push.certificatesTitle('prod', 0, 0, 0)).toBe('应用 prod 的推送证书：无');
  });
});
