// One Meizu test push, every answer explained, including a `code "200"` whose `value` map lists the pushId.
import type { Logger } from '../../../log.js';
import { say, type Words } from '../../../text/index.js';
import type { PushResult } from '../../types.js';
import { pushResult } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { failureResult, TOKEN_VERDICTS } from '../vendor/result.js';
import type { MeizuClient } from './client.js';
import type { MeizuCertificateConfig, MeizuSettings } from './config.js';

export function meizuTester(client: MeizuClient): PushSender<MeizuCertificateConfig, MeizuCertificateConfig> {
  return { test: (context) => testMeizu(client, context), close: () => client.close() };
}

async function testMeizu(
  client: MeizuClient,
  { device, certificate: cert, tokenProblems }: TestContext<MeizuCertificateConfig, MeizuCertificateConfig>,
): Promise<PushResult> {
  const outcome = await client.send(cert, device.token);
  if (outcome.ok) {
    return pushResult(
      device,
      'meizu',
      'DELIVERED',
      say((t) => t.providers.meizu.delivered(cert.appId)),
      say((t) => t.providers.meizu.deliveredFix),
      { status: '200', reason: '200' },
      outcome.msgId,
    );
  }
  const notes: Words[] = [];
  if (TOKEN_VERDICTS.has(outcome.failure.entry.verdict) && tokenProblems.length) {
    notes.push(say((t, $) => t.providers.meizu.tokenLooksWrong(tokenProblems.map($))));
  }
  if (outcome.failure.reason === '110011') notes.push(say((t) => t.providers.meizu.publicQuota));
  const step = outcome.perPushId ? say((t) => t.providers.meizu.sendForPushId) : 'send';
  return failureResult(
    device,
    'meizu',
    say((t) => t.providers.meizu.serviceName),
    step,
    outcome.failure,
    notes,
  );
}

/** A pushId that cannot exist (Meizu pushIds are hex after the prefix): nothing can be delivered to it. */
export const MEIZU_PROBE_PUSH_ID = 'IMOPSLIVECHECK';

/**
 * `push certs --live` for Meizu, which has no token endpoint: a signed push to a pushId that cannot exist. A
 * signature or App ID problem is answered before the pushId is looked at [inferred]; the answer for the
 * made-up pushId shows that the appId and appSecret were accepted. It cannot tell whether real pushIds belong
 * to this app, nor the quota left.
 */
export async function meizuLiveCheck(cert: MeizuCertificateConfig, settings: MeizuSettings, _log: Logger): Promise<LiveCheck> {
  const { MeizuClient, meizuFailure } = await import('./client.js');
  const client = new MeizuClient(settings);
  try {
    const { MEIZU_PUSH_PATH } = await import('./config.js');
    const answer = await client.http.post(MEIZU_PUSH_PATH, { form: MeizuClient.form(cert, MEIZU_PROBE_PUSH_ID) });
    const f = meizuFailure(answer, MEIZU_PROBE_PUSH_ID);
    if (f?.perPushId || (f && ['1005', '110004'].includes(f.reason))) {
      return { summary: say((t) => t.providers.meizu.live.accepted(f.reason)), problems: [] };
    }
    if (!f) {
      return {
        summary: say((t) => t.providers.meizu.live.answered200),
        problems: [
          {
            level: 'warning',
            verdict: 'PROVIDER_UNAVAILABLE',
            problem: say((t) => t.providers.meizu.live.unexpected),
            fix: say((t) => t.providers.meizu.live.unexpectedFix),
          },
        ],
      };
    }
    return {
      summary: say((t) => t.providers.meizu.live.refused),
      problems: [
        {
          level: f.entry.verdict === 'CREDENTIAL_INVALID' || f.entry.verdict === 'APP_NOT_APPROVED' ? 'failure' : 'warning',
          verdict: f.entry.verdict,
          problem: say((t, $) => t.providers.meizu.live.refusedProblem(f.reason, f.message, $(f.entry.cause))),
          fix: f.entry.fix,
        },
      ],
    };
  } finally {
    await client.close();
  }
}
