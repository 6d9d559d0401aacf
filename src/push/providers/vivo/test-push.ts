// One vivo test push, every answer explained, with the classification and test-mode warnings in every result.
import type { Logger } from '../../../log.js';
import type { PushResult } from '../../types.js';
import { pushResult } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { failureResult, liveTokenCheck, TOKEN_VERDICTS } from '../vendor/result.js';
import type { VivoClient } from './client.js';
import type { VivoCertificateConfig, VivoSettings } from './config.js';
import { vivoClassificationWarnings } from './credential.js';

export function vivoTester(client: VivoClient): PushSender<VivoCertificateConfig, VivoCertificateConfig> {
  return { test: (context) => testVivo(client, context), close: () => client.close() };
}

async function testVivo(
  client: VivoClient,
  { device, certificate: cert, tokenProblems }: TestContext<VivoCertificateConfig, VivoCertificateConfig>,
): Promise<PushResult> {
  const notes = vivoClassificationWarnings(cert).map((w) => w.problem);
  const mode = cert.pushMode === 1 ? 'test push (pushMode 1: only registered test devices get it)' : 'formal push';
  const outcome = await client.send(cert, device.token);
  if (outcome.ok) {
    return pushResult(
      device,
      'vivo',
      'DELIVERED',
      `vivo push accepted the test notification (${mode}) for APP ID ${cert.appId}.${notes.length ? ` ${notes.join(' ')}` : ''}`,
      'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app (i Manager / Settings > Notifications), that the app is listed in the vivo app store (restricted apps reach only test devices), and that the user is logged in.',
      { status: 200, reason: '0' },
      outcome.taskId,
    );
  }
  if (TOKEN_VERDICTS.has(outcome.failure.entry.verdict) && tokenProblems.length) notes.unshift(`The token itself looks wrong: ${tokenProblems.join(' ')}`);
  if (cert.pushMode === 1 && TOKEN_VERDICTS.has(outcome.failure.entry.verdict)) {
    notes.unshift('pushMode is 1 (test push): vivo accepts only regIds registered as test devices in its console.');
  }
  if (outcome.retried && outcome.failure.reason !== '10000') notes.unshift('(imops renewed the expired authToken once and sent again.)');
  return failureResult(device, 'vivo', 'vivo push', outcome.step, outcome.failure, notes);
}

/** `push certs --live`: ask vivo for an authToken with this APP ID, APP KEY and APP SECRET. */
export async function vivoLiveCheck(cert: VivoCertificateConfig, settings: VivoSettings, _log: Logger): Promise<LiveCheck> {
  const { VivoClient } = await import('./client.js');
  return liveTokenCheck(new VivoClient(settings), cert, 'vivo', 'an authToken (APP ID, APP KEY and APP SECRET accepted)');
}
