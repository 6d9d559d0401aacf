import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { generateUserSig, inspectUserSig, verifyUserSig } from '../../src/usersig/index.js';
import { randomKey } from './helpers.js';
import { pemLike } from './pem-like.js';

const KEY = randomKey();
const APP = 1400000000;
const dir = mkdtempSync(join(tmpdir(), 'imops-usersig-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { IMOPS_SDKAPPID: String(APP), IMOPS_SECRET_KEY: KEY };

async function run(argv: string[], env: NodeJS.ProcessEnv = ENV, cwd = dir, io: { interactive?: boolean; stdin?: string } = {}) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    io: {
      out: (t) => {
        out += t.endsWith('\n') ? t : `${t}\n`;
      },
      err: (t) => {
        err += t.endsWith('\n') ? t : `${t}\n`;
      },
      env,
      cwd,
      interactive: io.interactive ?? true,
      readStdin: async () => io.stdin ?? '',
    },
  });
  return { code, out, err };
}
const SIG = /eJ[A-Za-z0-9*_-]{40,}/;
const NOW = Math.floor(Date.now() / 1000);

describe('imops usersig gen', () => {
  it('prints the UserSig and its fields, aligned, with UTC and relative times', async () => {
    const r = await run(['usersig', 'gen', 'alice']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const sig = SIG.exec(r.out)![0];
    expect(verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: sig }).verdict).toBe('VALID');
    expect(r.out).toMatch(/^✓ UserSig for alice$/m);
    expect(r.out).toMatch(/^ {2}SDKAppID: +1400000000$/m);
    expect(r.out).toMatch(/^ {2}Expires: +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in 180 days\)$/m);
    expect(r.out).toMatch(/Validity: +180 days/);
  });

  it('--json is one document: the key and its decoded fields; --time and --expire are honoured', async () => {
    const r = await run(['usersig', 'gen', 'alice', '--time', '1700000000', '--expire', '12h', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toEqual({
      userSig: generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: 1700000000, expireSeconds: 43200 }),
      app: 'default',
      sdkAppId: APP,
      userId: 'alice',
      generatedAt: '2023-11-14T22:13:20Z',
      expiresAt: '2023-11-15T10:13:20Z',
      expireSeconds: 43200,
    });
  });

  it('bad input is a usage error (exit 2) with the fix', async () => {
    const bad = await run(['usersig', 'gen', 'john doe']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/a space/);
    expect(bad.err).toMatch(/fix: .*--relaxed-user-id/);
    expect((await run(['usersig', 'gen', 'john doe', '--relaxed-user-id'])).code).toBe(0);
    expect((await run(['usersig', 'gen', 'alice', '--expire', '0'])).err).toMatch(/at least 1 second/);
    expect((await run(['usersig', 'gen', 'alice', '--time', 'yesterday'])).code).toBe(2);
    expect((await run(['usersig', 'gen'])).code).toBe(2);
  });

  it('without any configured app, says how to configure one (exit 2)', async () => {
    const r = await run(['usersig', 'gen', 'alice'], {});
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/IMOPS_SDKAPPID/);
  });

  it('tells the operator on stderr that whitespace was trimmed from the key, and still signs correctly', async () => {
    const r = await run(['usersig', 'gen', 'alice', '--json'], { ...ENV, IMOPS_SECRET_KEY: `${KEY}\n` });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/note: .*trimmed/);
    expect(verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: JSON.parse(r.out).userSig }).verdict).toBe('VALID');
  });

  it('picks the app by name from imops.yml', async () => {
    const cfgDir = mkdtempSync(join(dir, 'cfg-'));
    const other = randomKey();
    writeFileSync(
      join(cfgDir, 'imops.yml'),
      `apps:\n  - name: test\n    sdkAppId: 1400000001\n    secretKey: \${TEST_KEY}\n  - name: prod\n    sdkAppId: ${APP}\n    secretKey: ${KEY}\n`,
    );
    const r = await run(['usersig', 'gen', 'alice', '--app', 'test', '--json'], { TEST_KEY: other }, cfgDir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ app: 'test', sdkAppId: 1400000001 });
    const ambiguous = await run(['usersig', 'gen', 'alice'], { TEST_KEY: other }, cfgDir);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/--app/);
  });
});

describe('imops usersig in scripts', () => {
  it('gen prints only the UserSig and a newline when stdout is not a terminal (SIG=$(imops usersig gen alice))', async () => {
    const r = await run(['usersig', 'gen', 'alice'], ENV, dir, { interactive: false });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^eJ[A-Za-z0-9*_-]+\n$/);
    expect(verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: r.out.trim() }).verdict).toBe('VALID');
    // --json is one document either way.
    expect(JSON.parse((await run(['usersig', 'gen', 'alice', '--json'], ENV, dir, { interactive: false })).out)).toMatchObject({ userId: 'alice' });
  });

  it('verify and inspect read the UserSig from standard input when it is given as -', async () => {
    const sig = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice' });
    const ok = await run(['usersig', 'verify', 'alice', '-', '--json'], ENV, dir, { stdin: `\n${sig}\n` });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, verdict: 'VALID', userId: 'alice' });
    expect((await run(['usersig', 'inspect', '-', '--json'], ENV, dir, { stdin: sig })).out).toMatch(/"DECODED"/);
    const empty = await run(['usersig', 'verify', 'alice', '-'], ENV, dir, { stdin: '  \n' });
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/standard input held no UserSig/);
  });

  it('a UserID that looks like an option exits 2 and says to put it after --', async () => {
    const r = await run(['usersig', 'gen', '-bob']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option '-bob'/);
    expect(r.err).toMatch(/if "-bob" is a UserID, put it after "--".*imops usersig gen -- -bob/);
    const fixed = await run(['usersig', 'gen', '--json', '--', '-bob']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out)).toMatchObject({ userId: '-bob' });
  });

  it('explain takes the minus sign as editors type it (−100018, –100018), as chat does', async () => {
    for (const code of ['\u2212100018', '\u2013100018', '-100018']) {
      const r = await run(['usersig', 'explain', code, '--json'], {});
      expect(r.code, code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ code: -100018 });
    }
  });
});

describe('imops usersig privmap', () => {
  it('signs a room grant and shows it', async () => {
    const r = await run(['usersig', 'privmap', 'alice', '--room', '10000', '--privileges', 'all', '--expire', '10m', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.privateMap).toMatchObject({ roomId: 10000, privileges: 255 });
    expect(verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: doc.privateMapKey }).verdict).toBe('VALID');
    const human = await run(['usersig', 'privmap', 'bob', '--str-room', 'live-42', '--privileges', '42']);
    expect(human.out).toMatch(/room: +"live-42" \(string room\)/);
    expect(human.out).toMatch(/Privileges: +42 \(enter room, receive audio, receive video\)/);
  });

  it('needs exactly one room (exit 2)', async () => {
    expect((await run(['usersig', 'privmap', 'alice', '--privileges', '3'])).code).toBe(2);
    expect((await run(['usersig', 'privmap', 'alice', '--room', '1', '--str-room', '1', '--privileges', '3'])).code).toBe(2);
    expect((await run(['usersig', 'privmap', 'alice', '--room', '1', '--privileges', 'lots'])).err).toMatch(/fix: add the bits/);
  });
});

describe('imops usersig verify', () => {
  const sig = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW - 86400 });

  it('VALID: exit 0, the fields and an "expires in" hint', async () => {
    const r = await run(['usersig', 'verify', 'alice', sig, '--at', String(NOW)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✓ Valid UserSig for alice/);
    expect(r.out).toMatch(/Verdict: +VALID/);
    expect(r.out).toMatch(/Expires: .* UTC \(in 179 days\)/);
    expect(r.out).toMatch(/Generated: .* UTC \(1 day ago\)/);
  });

  it('not valid: exit 1, the verdict, the client error code, cause and fix', async () => {
    const r = await run(['usersig', 'verify', 'bob', sig]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^✗ Invalid UserSig: USERID_MISMATCH/);
    expect(r.out).toMatch(/Code: +IM 70013/);
    expect(r.out).toMatch(/Cause: +This UserSig was signed for UserID "alice"/);
    expect(r.out).toMatch(/Fix: +Sign exactly/);
  });

  it('--at judges expiry at another time; --json prints the library object', async () => {
    const r = await run(['usersig', 'verify', 'alice', sig, '--at', new Date((NOW + 200 * 86400) * 1000).toISOString(), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toEqual(verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: sig, now: NOW + 200 * 86400 }));
    expect(doc).toMatchObject({ valid: false, verdict: 'EXPIRED', imErrorCode: 70001 });
    expect((await run(['usersig', 'verify', 'alice', sig, '--at', 'soon'])).code).toBe(2);
  });

  it('a broken paste is explained, not crashed on', async () => {
    const r = await run(['usersig', 'verify', 'alice', sig.slice(0, 80)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ Invalid UserSig: TRUNCATED/);
  });
});

describe('imops usersig inspect and explain', () => {
  it('inspect decodes without a key (exit 0), and fails on garbage (exit 1)', async () => {
    const sig = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW });
    const ok = await run(['usersig', 'inspect', sig], {});
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/not that it is authentic\. Use imops usersig verify/);
    expect(ok.out).toMatch(/UserID: +alice/);
    const j = JSON.parse((await run(['usersig', 'inspect', sig, '--json'], {})).out);
    expect(j).toMatchObject({ verdict: 'DECODED', userId: 'alice', sdkAppId: APP });
    const bad = await run(['usersig', 'inspect', 'hello'], {});
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/✗ Cannot decode this UserSig: (TRUNCATED|NOT_ZLIB|MALFORMED)/);
  });

  it('explain: meaning, cause and fix of a code; unknown is exit 1; not a number is exit 2', async () => {
    const r = await run(['usersig', 'explain', '70009'], {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^• IM error 70009: ERR_SVR_ACCOUNT_USERSIG_MISMATCH_PUBLICKEY/);
    expect(r.out).toMatch(/The signature does not match the app's key\./);
    expect(r.out).toMatch(/Cause: +/);
    expect(r.out).toMatch(/Fix: +/);
    expect(JSON.parse((await run(['usersig', 'explain', '-100006', '--json'], {})).out)).toMatchObject({ code: -100006, source: 'TRTC' });
    expect((await run(['usersig', 'explain', '99999'], {})).code).toBe(1);
    expect((await run(['usersig', 'explain', 'seventy'], {})).code).toBe(2);
  });
});

describe('help', () => {
  it('each subcommand has --help with examples', async () => {
    for (const sub of ['gen', 'privmap', 'verify', 'inspect', 'explain']) {
      const r = await run(['usersig', sub, '--help'], {});
      expect(r.code, sub).toBe(0);
      expect(r.out, sub).toMatch(new RegExp(`Usage: imops usersig ${sub}`));
      expect(r.out, sub).toMatch(new RegExp(`Examples:\\n +\\$ imops usersig ${sub} `));
    }
    const top = await run(['usersig', '--help'], {});
    expect(top.out).toMatch(/gen.*\n[\s\S]*verify/);
  });
});

describe('secrets stay out of stderr and error output', () => {
  it('no secret key or UserSig in stderr, in any error path', async () => {
    const sig = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW });
    const pem = pemLike('PRIVATE KEY', 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg');
    const runs = await Promise.all([
      run(['usersig', 'verify', 'bob', sig]),
      run(['usersig', 'verify', 'alice', sig], { ...ENV, IMOPS_SECRET_KEY: randomKey() }),
      run(['usersig', 'verify', 'alice', `${sig.slice(0, 60)}+${sig.slice(61)}`]),
      run(['usersig', 'verify', 'alice', sig, '--at', 'nope']),
      run(['usersig', 'gen', 'bad id']),
      run(['usersig', 'gen', 'alice'], { ...ENV, IMOPS_SECRET_KEY: pem }),
      run(['usersig', 'gen', 'alice'], { IMOPS_SECRET_KEY: KEY }),
      run(['usersig', 'gen', 'alice'], { ...ENV, IMOPS_SECRET_KEY: `${KEY}  ` }),
      run(['usersig', 'inspect', sig.slice(0, 100)]),
    ]);
    expect(runs[5]!.err).toMatch(/v1 ECDSA key/);
    for (const r of runs) {
      for (const secret of [KEY.slice(0, 16), KEY.slice(-16), 'MIGHAgEAMBMGByqGSM49', sig.slice(10, 30), sig.slice(-30, -10)]) {
        expect(r.err).not.toContain(secret);
      }
      // Verdict output is about the UserSig, never a copy of it.
      if (!r.out.includes('✓ UserSig for alice')) expect(r.out).not.toContain(sig.slice(10, 30));
    }
  });

  it('verification and inspection results (what the bot logs and replies with) never carry the key or the UserSig', () => {
    const sig = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW });
    const results = [
      verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: sig }),
      verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'bob', userSig: sig }),
      verifyUserSig({ sdkAppId: APP, secretKey: randomKey(), userId: 'alice', userSig: sig }),
      verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: sig, now: NOW + 400 * 86400 }),
      verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: sig.slice(0, 120) }),
      verifyUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', userSig: sig.replace(/\*/g, '+') }),
      inspectUserSig(sig),
    ];
    for (const r of results) {
      const text = JSON.stringify(r);
      expect(text).not.toContain(KEY.slice(0, 16));
      expect(text).not.toContain(sig.slice(10, 30));
    }
  });
});

describe('imops usersig in Chinese (--lang zh-CN, or LANG=zh_CN.UTF-8)', () => {
  const ZH_SHELL = { ...ENV, LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' };

  it('gen with a bad expiry: the problem and the fix in Chinese on stderr, exit 2', async () => {
    for (const r of [
      await run(['--lang', 'zh-CN', 'usersig', 'gen', 'alice', '--expire', 'soon']),
      await run(['usersig', 'gen', 'alice', '--expire', 'soon'], ZH_SHELL),
    ]) {
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^imops: 无法识别有效期 "soon"\n {2}处理方法：请填写整数秒数，或带单位的数字：180d、12h、30m、45s（最长 50 年）\n$/);
    }
    // The same run in English is unchanged.
    const en = await run(['usersig', 'gen', 'alice', '--expire', 'soon']);
    expect(en.err).toBe(
      'imops: expiry "soon" is not understood\n  fix: give a whole number of seconds, or a number with a unit: 180d, 12h, 30m, 45s (at most 50 years)\n',
    );
  });

  it("the CLI's own usage errors and notes are Chinese too", async () => {
    const at = await run(['--lang', 'zh-CN', 'usersig', 'verify', 'alice', 'x', '--at', 'soon']);
    expect(at.code).toBe(2);
    expect(at.err).toMatch(/^imops: --at 必须是 Unix 秒数或 ISO 8601 时间，实际为 "soon"\n {2}处理方法：例如 --at 1700000000/);
    const room = await run(['usersig', 'privmap', 'alice', '--privileges', '3'], ZH_SHELL);
    expect(room.code).toBe(2);
    expect(room.err).toMatch(/^imops: 必须指定房间\n {2}处理方法：数字房间号用 --room N/);
    const bits = await run(['--lang', 'zh-CN', 'usersig', 'privmap', 'alice', '--room', '1', '--privileges', 'lots']);
    expect(bits.err).toMatch(/处理方法：把所需权限的位值相加：1 创建房间，2 进入房间，/);
    const stdin = await run(['--lang', 'zh-CN', 'usersig', 'verify', 'alice', '-'], ENV, dir, { stdin: '' });
    expect(stdin.err).toMatch(/^imops: 标准输入中没有 UserSig/);
    const trimmed = await run(['--lang', 'zh-CN', 'usersig', 'gen', 'alice', '--json'], { ...ENV, IMOPS_SECRET_KEY: `${KEY}\n` });
    expect(trimmed.code).toBe(0);
    // The label is the reader's; the configuration's own notice stays English, like configuration errors.
    expect(trimmed.err).toMatch(/^imops: 注意：IMOPS_SECRET_KEY: surrounding whitespace was trimmed/);
    const code = await run(['--lang', 'zh-CN', 'usersig', 'explain', 'abc'], {});
    expect(code.err).toMatch(/^imops: "abc" 不是错误码\n {2}处理方法：请填写客户端上报的错误码数字/);
    for (const r of [at, room, bits, stdin, trimmed, code]) expect(r.err).not.toContain('[object Object]');
  });

  it('verify of an expired UserSig: the cause in Chinese, times on the shell clock with their UTC offset', async () => {
    const expired = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice', now: NOW - 7200, expireSeconds: 3600 });
    for (const r of [
      await run(['--lang', 'zh-CN', 'usersig', 'verify', 'alice', expired], { ...ENV, TZ: 'Asia/Shanghai' }),
      await run(['usersig', 'verify', 'alice', expired], ZH_SHELL),
    ]) {
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/EXPIRED/);
      expect(r.out).toMatch(/该 UserSig 已于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+8 过期，即 1 小时前/);
      expect(r.out).toMatch(/请生成新的 UserSig/);
      expect(r.out).not.toMatch(/ UTC \(|ago\b/);
    }
  });

  it('--lang xx: exit 2 and an English message naming the languages imops speaks', async () => {
    const sig = generateUserSig({ sdkAppId: APP, secretKey: KEY, userId: 'alice' });
    const r = await run(['--lang', 'xx', 'usersig', 'verify', 'alice', sig]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^imops: --lang "xx" is not a language imops speaks\n {2}fix: .*\ben, zh-CN\b/);
  });
});
