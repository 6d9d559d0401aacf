// One Meizu test push, every answer explained, including a `code "200"` whose `value` map lists the pushId.
import type { Logger } from '../../../log.js';
import type { PushResult } from '../../types.js';
import { pushResult } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { failureResult, TOKEN_VERDICTS } from '../vendor/result.js';
import type { MeizuClient } from './client.js';
import type { MeizuCertificateConfig, MeizuSettings } from './config.js';

const PUBLIC_QUOTA =
  'imops sends it as a public (公信) notification, which Meizu limits to 3 per device per day (5 for news apps) and folds beyond 5 a minute.';

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
      `Meizu push accepted the test notification for App ID ${cert.appId} (code 200, no failed pushIds). ${PUBLIC_QUOTA}`,
      'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app in Flyme settings and that the user is logged in.',
      { status: '200', reason: '200' },
      outcome.msgId,
    );
  }
  const notes: string[] = [];
  if (TOKEN_VERDICTS.has(outcome.failure.entry.verdict) && tokenProblems.length) notes.push(`The token itself looks wrong: ${tokenProblems.join(' ')}`);
  if (outcome.failure.reason === '110011') notes.push(PUBLIC_QUOTA);
  return failureResult(device, 'meizu', 'Meizu push', outcome.perPushId ? 'send (for this pushId)' : 'send', outcome.failure, notes);
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
  const limits =
    'Meizu has no token endpoint: --live sent one signed request to a made-up pushId (nothing can be delivered). It checks the App ID and App Secret, not whether uploaded pushIds belong to this app or how much quota is left.';
  try {
    const { MEIZU_PUSH_PATH } = await import('./config.js');
    const answer = await client.http.post(MEIZU_PUSH_PATH, { form: MeizuClient.form(cert, MEIZU_PROBE_PUSH_ID) });
    const f = meizuFailure(answer, MEIZU_PROBE_PUSH_ID);
    if (f?.perPushId || (f && ['1005', '110004'].includes(f.reason))) {
      return {
        summary: `Meizu accepted the App ID and App Secret (a signed probe to a made-up pushId, answered ${f.reason}); it cannot tell whether uploaded pushIds belong to this app or how much quota is left`,
        problems: [],
      };
    }
    if (!f) {
      return {
        summary: 'Meizu answered the signed probe with code 200',
        problems: [
          {
            level: 'warning',
            verdict: 'PROVIDER_UNAVAILABLE',
            problem: `${limits} Meizu accepted the made-up pushId without listing it as invalid, which imops did not expect.`,
            fix: 'Send a test push to a real device with `imops push test`.',
          },
        ],
      };
    }
    return {
      summary: 'Meizu refused the signed probe',
      problems: [
        {
          level: f.entry.verdict === 'CREDENTIAL_INVALID' || f.entry.verdict === 'APP_NOT_APPROVED' ? 'failure' : 'warning',
          verdict: f.entry.verdict,
          problem: `Meizu answered ${f.reason}${f.message ? ` ("${f.message}")` : ''}: ${f.entry.cause} ${limits}`,
          fix: f.entry.fix,
        },
      ],
    };
  } finally {
    await client.close();
  }
}
