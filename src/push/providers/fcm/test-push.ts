// One FCM test push, every answer explained through the reason table. Light on purpose (firebase-admin comes
// in through the sender, loaded on the first push).
import type { PushResult } from '../../types.js';
import { pushResult, scrub } from '../result.js';
import type { PushSender, TestContext } from '../types.js';
import type { FcmCertificateConfig, FcmSettings } from './config.js';
import type { FcmCredential } from './credential.js';
import { explainFcmError } from './reasons.js';
import type { FcmSender } from './sender.js';

export function fcmTester(sender: FcmSender, settings: FcmSettings): PushSender<FcmCertificateConfig, FcmCredential> {
  return {
    test: (context) => testFcm(sender, settings, context),
    sweep: (context) => testFcm(sender, settings, context, true),
    close: () => sender.close(),
  };
}

async function testFcm(
  sender: FcmSender,
  settings: FcmSettings,
  { device, certificate: cert, loaded, tokenProblems }: TestContext<FcmCertificateConfig, FcmCredential>,
  dryRunOnly = false,
): Promise<PushResult> {
  const projectId = loaded.projectId;
  const answer = await sender.send(cert, projectId, device.token, dryRunOnly);
  if (answer.ok && dryRunOnly) {
    return pushResult(
      device,
      'fcm',
      'DELIVERED',
      `FCM accepted a dry run (validate_only) for project ${projectId}: credential and token are good; nothing was sent.`,
      'Nothing to fix on the push side.',
      { reason: 'accepted' },
      answer.messageId,
    );
  }
  if (answer.ok) {
    return pushResult(
      device,
      'fcm',
      'DELIVERED',
      `FCM accepted the test notification for project ${projectId} (dry run, then the real send).`,
      'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app (Android 13+ asks), that battery optimisation does not kill it, and that the user is logged in (after logout IM sends no offline push).',
      { reason: 'accepted' },
      answer.messageId,
    );
  }
  const message = scrub(answer.message ?? '', device.token);
  if (answer.timedOut) {
    return pushResult(
      device,
      'fcm',
      'NETWORK',
      `FCM did not answer within ${settings.timeoutMs} ms (${answer.step === 'validate' ? 'dry run' : 'send'}).`,
      'Check the network path to fcm.googleapis.com (or providers.fcm.url) and try again.',
      { reason: answer.code },
    );
  }
  const e = explainFcmError(answer.code, message);
  const extra =
    tokenProblems.length && (e.verdict === 'BAD_DEVICE_TOKEN' || e.verdict === 'TOKEN_UNREGISTERED')
      ? ` The token itself looks wrong: ${tokenProblems.join(' ')}`
      : '';
  return pushResult(
    device,
    'fcm',
    e.verdict,
    `FCM ${answer.step === 'validate' ? 'dry run' : 'send'} failed with ${answer.code ?? 'an error'}${message ? ` ("${message}")` : ''}: ${e.cause}${extra}`,
    e.fix,
    { status: e.status, reason: answer.code },
  );
}
