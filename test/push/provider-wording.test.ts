// Sentences that name push providers read well with all eight: they name the provider concerned, or every
// registered one from the registry, never "APNs or FCM" nor a list of "neither … nor" / "none of an … token".
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { registerPushCommands } from '../../src/cli/push.js';
import type { AppConfig } from '../../src/config/types.js';
import { testResultsReply } from '../../src/present/push.js';
import { describeToken } from '../../src/push/token-shape.js';
import { en } from '../../src/text/en/index.js';
import { catalogue } from '../../src/text/index.js';
import { zhCN } from '../../src/text/zh-CN/index.js';
import { PLATFORMS } from '../../src/push/providers/index.js';
import { chinese, english } from '../text/english.js';

const ALL = 'APNs, FCM, Huawei Push Kit, Honor Push, Xiaomi Mi Push, OPPO, vivo, Meizu';

describe('provider-neutral wording', () => {
  it('a token imops does not recognise: one sentence naming every provider it knows', () => {
    expect(describeToken('not-a-token').problems.map(english)).toEqual([`The token does not look like any push token imops knows (${ALL}).`]);
    expect(english(describeToken('hello world').problems.at(-1)!)).toBe(
      `The token contains spaces, so it does not look like any push token imops knows (${ALL}).`,
    );
    expect(english(describeToken('ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]').problems[0]!)).toContain(
      `not directly with any push provider imops knows (${ALL})`,
    );
    // Chinese lists them with 、, each provider as the Chinese catalogue names it.
    const names = PLATFORMS.map((p) => zhCN.providers[p].names.display).join('、');
    expect(chinese(describeToken('not-a-token').problems[0]!)).toBe(`该 Token 不像 imops 已知的任何推送 Token（${names}）。`);
  });

  it('an unreachable provider: the certificate’s provider by name, or every provider when no certificate was chosen', () => {
    const app = { name: 'prod', certificates: [{ id: '30005', platform: 'oppo' }] } as unknown as AppConfig;
    const one = testResultsReply(en, { kind: 'unreachable', app, userId: 'alice', certificateId: '30005', code: 'ECONNREFUSED' }, 10, [], 0);
    expect(one.cause).toBe('imops could not connect to OPPO (ECONNREFUSED). Nothing was sent.');
    expect(one.fix).toMatch(/^Check that the imops host can reach OPPO: the providers\.\* URLs/);
    const any = testResultsReply(en, { kind: 'unreachable', app, userId: 'alice', code: 'ENOTFOUND' }, 10, [], 0);
    expect(any.cause).toBe(`imops could not connect to the push providers (${ALL}) (ENOTFOUND). Nothing was sent.`);
    expect(`${any.cause} ${any.fix}`).not.toMatch(/APNs or FCM|fcm\.googleapis\.com/);
    const zh = testResultsReply(catalogue('zh-CN'), { kind: 'unreachable', app, userId: 'alice', code: 'ENOTFOUND' }, 10, [], 0);
    expect(zh.cause).toContain(`推送服务（${PLATFORMS.map((p) => zhCN.providers[p].names.display).join('、')}）`);
    expect(zh.cause).not.toContain('the push providers');
  });

  it('the push-test rate limit speaks of the app’s push provider credentials, not APNs/FCM', () => {
    expect(en.rate.why['push.test']).toContain("the app's push provider credentials");
    expect(en.rate.why['push.test']).not.toMatch(/APNs|FCM|Apple or Google/);
  });

  it('`push certs --live` help: one sentence for every provider, naming none in particular', () => {
    const program = new Command();
    registerPushCommands(program, {} as CliContext);
    const certs = program.commands.find((c) => c.name() === 'push')!.commands.find((c) => c.name() === 'certs')!;
    const live = certs.options.find((o) => o.long === '--live')!;
    expect(live.description).toBe(
      'also ask each provider itself whether the credential works, as far as it can without showing anything on a phone (an access token, a signed probe, or only whether its server answers)',
    );
  });
});
