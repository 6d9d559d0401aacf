// One FCM test push, every answer explained through the reason table. Light on purpose (firebase-admin comes
// in through the sender, loaded on the first push).
import { say } from '../../../text/index.js';
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
      say((t) => t.providers.fcm.test.dryRunAccepted(projectId)),
      say((t) => t.providers.fcm.test.nothingToFix),
      { reason: 'accepted' },
      answer.messageId,
    );
  }
  if (answer.ok) {
    return pushResult(
      device,
      'fcm',
      'DELIVERED',
      say((t) => t.providers.fcm.test.accepted(projectId)),
      say((t) => t.providers.fcm.test.acceptedFix),
      { reason: 'accepted' },
      answer.messageId,
    );
  }
  const message = scrub(answer.message ?? '', device.token);
  const step = answer.step === 'validate' ? 'validate' : 'send';
  if (answer.timedOut) {
    return pushResult(
      device,
      'fcm',
      'NETWORK',
      say((t) => t.providers.fcm.test.timedOut(settings.timeoutMs, step)),
      say((t) => t.providers.fcm.test.timedOutFix),
      { reason: answer.code },
    );
  }
  const e = explainFcmError(answer.code, message);
  const showProblems = tokenProblems.length > 0 && (e.verdict === 'BAD_DEVICE_TOKEN' || e.verdict === 'TOKEN_UNREGISTERED');
  return pushResult(
    device,
    'fcm',
    e.verdict,
    say((t, $) => t.providers.fcm.test.failed(step, answer.code, message, $(e.cause), showProblems ? tokenProblems.map($) : undefined)),
    e.fix,
    { status: e.status, reason: answer.code },
  );
}
