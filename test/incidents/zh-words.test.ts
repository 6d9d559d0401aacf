// Fleet replies for a Chinese reader: provider names, platform lists, credential states and token examples come
// from the reader's catalogue, and credential problems (Words) are read in Chinese.
import { describe, expect, it } from 'vitest';
import type { CheckDeps } from '../../src/checks/check.js';
import { sweepCheck } from '../../src/checks/sweep.js';
import type { WatchAlert, WatchFinding } from '../../src/checks/watch.js';
import { UsageError } from '../../src/errors.js';
import { usageErrorReply } from '../../src/present/common.js';
import type { AppConfig } from '../../src/config/types.js';
import { alertReply, alertWords, importProblem, watchTerminal } from '../../src/present/incidents.js';
import { deviceCard, platformName } from '../../src/present/push.js';
import { PLATFORMS } from '../../src/push/providers/index.js';
import { en } from '../../src/text/en/index.js';
import { catalogue } from '../../src/text/index.js';
import { zhCN } from '../../src/text/zh-CN/index.js';

const zh = catalogue('zh-CN');

describe('fleet replies in Chinese', () => {
  it('a platform is named by the reader’s catalogue; an unknown one as stored', () => {
    expect(platformName(zh, 'huawei')).toBe(zhCN.providers.huawei.names.display);
    expect(platformName(en, 'huawei')).toBe('Huawei Push Kit');
    expect(platformName(zh, 'nokia')).toBe('nokia');
  });

  it('an import line with a bad platform lists the platforms with 、 and 或', () => {
    const problem = importProblem(zh, { kind: 'platform', value: 'ios' });
    expect(problem).toContain(`${PLATFORMS.slice(0, -1).join('、')} 或 ${PLATFORMS.at(-1)}`);
    expect(importProblem(en, { kind: 'platform', value: 'ios' })).toContain(`${PLATFORMS.slice(0, -1).join(', ')} or ${PLATFORMS.at(-1)}`);
  });

  it('a credential alert reads its Words problem in Chinese, and the watch round says the credential state in Chinese', () => {
    const alert: WatchAlert = {
      app: 'prod',
      certificateId: '10086',
      platform: 'apns',
      kind: 'credential',
      verdict: 'CREDENTIAL_INVALID',
      facts: { kind: 'credential', problem: { en: 'The key is bad.', 'zh-CN': '密钥有问题。' }, fix: { en: 'Replace it.', 'zh-CN': '请更换。' } },
    };
    expect(alertWords(zh, alert)).toEqual({ cause: '密钥有问题。', fix: '请更换。' });
    expect(alertWords(en, alert)).toEqual({ cause: 'The key is bad.', fix: 'Replace it.' });
    const reply = alertReply(zh, alert);
    expect(reply.blocks[0]).toMatchObject({ type: 'fields' });
    expect(JSON.stringify(reply)).toContain(zhCN.providers.apns.names.display);

    const round: WatchFinding = {
      ran: true,
      alerts: [],
      certificates: [
        { app: 'prod', certificateId: '10086', platform: 'apns', credential: 'bad' },
        { app: 'prod', certificateId: '20001', platform: 'fcm', credential: 'ok' },
      ],
      elapsedMs: 1,
    };
    const items = JSON.stringify(watchTerminal(zh, round));
    expect(items).toContain(zhCN.pushWords.common.credentialState.bad);
    expect(items).toContain(zhCN.pushWords.common.credentialState.ok);
    expect(JSON.stringify(watchTerminal(en, round))).toMatch(/credential bad.*credential ok/);
  });

  it('a device card shows stored Words warnings in the reader’s language, joined the Chinese way', () => {
    const app = { name: 'prod', sdkAppId: 1400000000, certificates: [{ id: '10086', platform: 'apns' }] } as unknown as AppConfig;
    const at = '2026-01-01T00:00:00.000Z';
    const card = deviceCard(
      zh,
      {
        app,
        userId: 'alice',
        devices: [
          {
            app: 'prod',
            userId: 'alice',
            certificateId: '10086',
            platform: 'apns',
            token: 'a'.repeat(64),
            warnings: [{ en: 'First.', 'zh-CN': '第一条。' }, 'An old English warning.', { en: 'Third.', 'zh-CN': '第三条。' }],
            firstUploaded: at,
            lastSeen: at,
          },
        ],
      },
      undefined,
      undefined,
      10,
      Date.parse(at),
    );
    const text = JSON.stringify(card);
    expect(text).toContain('第一条。An old English warning. 第三条。');
    expect(text).toContain(zhCN.providers.apns.names.device);
    expect(text).not.toContain('[object Object]');
  });

  it('a sweep of a certificate ID the app does not have: the usage error carries both languages', () => {
    const app = { name: 'prod', sdkAppId: 1400000000, certificates: [{ id: '20001', platform: 'fcm', serviceAccountFile: '/sa.json' }] };
    const deps = { config: { source: 'test', apps: [app] } } as unknown as CheckDeps;
    let err: unknown;
    try {
      sweepCheck.prepare(deps, { certificateId: '99999' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const usage = err as UsageError;
    expect(usage.message).toMatch(/^certificate ID "99999" is not configured for app prod \(SDKAppID 1400000000\); configured: 20001 \(/);
    const reply = usageErrorReply(zh, usage);
    expect(reply.cause).toMatch(/^证书 ID "99999" 未在应用 prod（SDKAppID 1400000000）中配置；已配置的证书：20001（/);
    expect(reply.fix).toContain('上报 Token 时请使用已配置的证书 ID 之一');
  });
});
