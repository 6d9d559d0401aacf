/**
 * The zh-CN words of usage errors (t.usage) and of the CLI's own output (t.cli): Chinese sentences that keep every
 * number, flag and value of the English one and carry no English prose; chat words a UsageError in the reader's
 * language.
 */
import { describe, expect, it } from 'vitest';
import type { UsageError } from '../../src/errors.js';
import { usageErrorReply } from '../../src/present/common.js';
import { catalogue } from '../../src/text/index.js';
import { cli as enCli } from '../../src/text/en/cli.js';
import { usage as enUsage } from '../../src/text/en/usage.js';
import { cli as zhCli } from '../../src/text/zh-CN/cli.js';
import { usage as zhUsage } from '../../src/text/zh-CN/usage.js';
import { parseExpiry, PRIVILEGES } from '../../src/usersig/index.js';
import type { ShownChar, ShownValue } from '../../src/usersig/inputs.js';

const CJK = /[\u4e00-\u9fff]/;

/** Runs of three or more English words outside `code` and quotes: English prose, not a name or a code. */
function englishRuns(s: string): string[] {
  const bare = s
    .replace(/`[^`]*`/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ');
  return bare.match(/\b[A-Za-z][A-Za-z'’]*(?:[ ,]+[A-Za-z][A-Za-z'’]*){2,}\b/g) ?? [];
}

type Words = typeof enUsage & { cli: typeof enCli };

/** Every sentence of t.usage and t.cli, with sample facts, as [key, sentence]. */
function sentences(w: Words): [string, string][] {
  const long: ShownValue = { kind: 'longString', length: 30 };
  const zero: ShownValue = { kind: 'literal', text: '0' };
  const chars: ShownChar[] = [{ kind: 'space' }, { kind: 'control', code: 'U+0009' }, { kind: 'char', char: 'é', code: 'U+00E9' }];
  const u = w;
  const c = w.cli;
  return [
    ['expiry.notUnderstood', u.expiry.notUnderstood('soon')],
    ['expiry.tooShort', u.expiry.tooShort],
    ['expiry.tooLong', u.expiry.tooLong('18251d')],
    ['expiry.fix', u.expiry.fix],
    ['expiry.neitherExpiryNorApp', u.expiry.neitherExpiryNorApp('prdo')],
    ['expiry.neitherFix', u.expiry.neitherFix(['prod', 'test'])],
    ['userId.empty', u.userId.empty],
    ['userId.emptyFix', u.userId.emptyFix],
    ['userId.tooLong', u.userId.tooLong(33, 32)],
    ['userId.tooLongFix', u.userId.tooLongFix],
    ...chars.map((ch): [string, string] => [`userId.notPrintable ${ch.kind}`, u.userId.notPrintable('a b', ch)]),
    ['userId.notPrintableFix', u.userId.notPrintableFix],
    ...chars.map((ch): [string, string] => [`userId.notRecommended ${ch.kind}`, u.userId.notRecommended('a b', ch)]),
    ['userId.notRecommendedFix', u.userId.notRecommendedFix],
    ['userId.notAsciiForRoom', u.userId.notAsciiForRoom('josé')],
    ['userId.notAsciiForRoomFix', u.userId.notAsciiForRoomFix],
    ['sdkAppId.invalid', u.sdkAppId.invalid(4294967295, long)],
    ['sdkAppId.fix', u.sdkAppId.fix],
    ['validity.invalid userSig', u.validity.invalid('userSig', 1576800000, zero)],
    ['validity.invalid privateMapKey', u.validity.invalid('privateMapKey', 1576800000, zero)],
    ['validity.fix', u.validity.fix],
    ['signingTime.invalid', u.signingTime.invalid({ kind: 'literal', text: '-1' })],
    ['signingTime.invalidFix', u.signingTime.invalidFix],
    ['signingTime.tooLate', u.signingTime.tooLate],
    ['signingTime.tooLateFix', u.signingTime.tooLateFix],
    ['secretKey.missing', u.secretKey.missing],
    ['secretKey.empty', u.secretKey.empty],
    ['secretKey.fix', u.secretKey.fix],
    ['secretKey.pem', u.secretKey.pem],
    ['secretKey.pemFix', u.secretKey.pemFix],
    ['secretKey.trimmed', u.secretKey.trimmed],
    ['privileges.invalid', u.privileges.invalid('256')],
    ['privileges.fix', u.privileges.fix(PRIVILEGES)],
    ['room.missing', u.room.missing],
    ['room.both', u.room.both],
    ['room.fix', u.room.fix],
    ['room.numeric', u.room.numeric(4294967294, '0')],
    ['room.stringEmpty', u.room.stringEmpty],
    ['room.stringNotAscii', u.room.stringNotAscii('salle-é')],
    ['room.stringTooLong', u.room.stringTooLong(65, 64)],
    ['userSig.tooLong', u.userSig.tooLong(3001)],
    ['userSig.tooLongFix', u.userSig.tooLongFix],
    ['cli.note', c.note(u.secretKey.trimmed)],
    ['cli.warning', c.warning(u.secretKey.trimmed)],
    ...Object.entries(c.usersig).map(([k, v]): [string, string] => [`cli.usersig.${k}`, typeof v === 'string' ? v : v('--room', 'x1')]),
    ['cli.devices.emptyToken', c.devices.emptyToken],
    ['cli.devices.emptyTokenFix', c.devices.emptyTokenFix],
    ['cli.devices.stored', c.devices.stored('an', 'APNs', 'erin', 'prod')],
    ['cli.devices.updated', c.devices.updated('an', 'APNs', 'erin', 'prod')],
    ['cli.devices.certificateNotConfigured', c.devices.certificateNotConfigured('999')],
    ['cli.devices.storedAnyway', c.devices.storedAnyway],
    ['cli.fleet.notWholeInRange', c.fleet.notWholeInRange('--sample', 1, 100000, '0')],
    ['cli.fleet.notRate', c.fleet.notRate('2')],
    ['cli.fleet.notRateFix', c.fleet.notRateFix],
    ['cli.fleet.cannotRead', c.fleet.cannotRead('/tmp/x.jsonl', 'ENOENT')],
    ['cli.fleet.notAFile', c.fleet.notAFile('/tmp')],
    ['cli.fleet.fileFix', c.fleet.fileFix],
    ['cli.audit.badLimit', c.audit.badLimit(10000, '0')],
    ['cli.audit.limitFix', c.audit.limitFix],
    ['cli.audit.empty', c.audit.empty('/data')],
    ['cli.audit.columns', Object.values(c.audit.columns).join(' ')],
    ['cli.serve.portInUse', c.serve.portInUse(3000)],
    ['cli.serve.portInUseFix', c.serve.portInUseFix],
    ['cli.serve.portDenied', c.serve.portDenied(80)],
    ['cli.serve.portDeniedFix', c.serve.portDeniedFix],
    ['cli.serve.notAPort', c.serve.notAPort('http')],
    ['cli.serve.notAPortFix', c.serve.notAPortFix],
    ['cli.serve.badLogLevel', c.serve.badLogLevel('verbose')],
    ['cli.serve.logLevelFix', c.serve.logLevelFix(['fatal', 'error'])],
  ];
}

describe('zh-CN usage and CLI words', () => {
  const en = sentences({ ...enUsage, cli: enCli });
  const zh = sentences({ ...zhUsage, cli: zhCli });

  it('are Chinese, with no English prose, and keep every number, flag and value of the English sentence', () => {
    expect(zh.map(([k]) => k)).toEqual(en.map(([k]) => k));
    zh.forEach(([key, text], i) => {
      const english = en[i]![1];
      expect(text, key).toMatch(CJK);
      expect(englishRuns(text), `${key}: ${text}`).toEqual([]);
      expect(text, key).not.toContain('[object Object]');
      for (const n of english.match(/\d+/g) ?? []) expect(text, `${key}: ${english} -> ${text}`).toContain(n);
      for (const flag of english.match(/--[a-z-]+/g) ?? []) expect(text, `${key}: ${english} -> ${text}`).toContain(flag);
      for (const quoted of english.match(/"[^"]*"/g) ?? []) expect(text, `${key}: ${english} -> ${text}`).toContain(quoted);
    });
  });

  it('put a space between Chinese and Latin letters or digits', () => {
    for (const [key, text] of zh) {
      // Full-width punctuation needs no space; a flag or a code right after a Chinese character does.
      expect(text, key).not.toMatch(/[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]/);
    }
  });

  it('chat words a UsageError in the reader language: problem and fix', () => {
    let err: UsageError | undefined;
    try {
      parseExpiry('soon');
    } catch (e) {
      err = e as UsageError;
    }
    const zhReply = usageErrorReply(catalogue('zh-CN'), err!);
    expect(zhReply.cause).toMatch(/^无法识别有效期 "soon"/);
    expect(zhReply.fix).toMatch(/^请填写整数秒数/);
    const enReply = usageErrorReply(catalogue('en'), err!);
    expect(enReply.cause).toBe('Expiry "soon" is not understood.');
    expect(enReply.fix).toBe('Give a whole number of seconds, or a number with a unit: 180d, 12h, 30m, 45s (at most 50 years)');
  });
});
