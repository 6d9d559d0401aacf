// One OPPO test push, every answer explained, with the classification warnings in every result.
import type { Logger } from '../../../log.js';
import type { PushResult } from '../../types.js';
import { pushResult } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { failureResult, liveTokenCheck, TOKEN_VERDICTS, maskKey } from '../vendor/result.js';
import type { OppoClient } from './client.js';
import type { OppoCertificateConfig, OppoSettings } from './config.js';
import { oppoClassificationWarnings } from './credential.js';
import { oppoRegion } from './token-shape.js';

export function oppoTester(client: OppoClient): PushSender<OppoCertificateConfig, OppoCertificateConfig> {
  return { test: (context) => testOppo(client, context), close: () => client.close() };
}

async function testOppo(
  client: OppoClient,
  { device, certificate: cert, tokenProblems }: TestContext<OppoCertificateConfig, OppoCertificateConfig>,
): Promise<PushResult> {
  const quota = oppoClassificationWarnings(cert).map((w) => w.problem);
  const outcome = await client.send(cert, device.token);
  if (outcome.ok) {
    return pushResult(
      device,
      'oppo',
      'DELIVERED',
      `OPPO push accepted the test notification for AppKey ${maskKey(cert.appKey)}${cert.channelId ? ` on channel ${cert.channelId}` : ''}.${quota.length ? ` ${quota.join(' ')}` : ''}`,
      'Nothing to fix on the push side. If nothing shows on the phone: OPPO turns notifications off for newly installed apps (Settings > Notifications > the app), the channel must exist in the app, and the user must be logged in.',
      { status: 200, reason: '0' },
      outcome.messageId,
    );
  }
  const notes = [...quota];
  if (TOKEN_VERDICTS.has(outcome.failure.entry.verdict)) {
    if (oppoRegion(device.token).overseas) notes.unshift('The registration ID has an overseas region prefix: it cannot be reached through the China host.');
    if (tokenProblems.length) notes.unshift(`The token itself looks wrong: ${tokenProblems.join(' ')}`);
  }
  if (outcome.retried && outcome.failure.reason !== '11') notes.unshift('(imops renewed the expired auth_token once and sent again.)');
  return failureResult(device, 'oppo', 'OPPO push', outcome.step, outcome.failure, notes);
}

/** `push certs --live`: ask OPPO for an auth_token with this AppKey and MasterSecret. */
export async function oppoLiveCheck(cert: OppoCertificateConfig, settings: OppoSettings, _log: Logger): Promise<LiveCheck> {
  const { OppoClient } = await import('./client.js');
  return liveTokenCheck(new OppoClient(settings), cert, 'OPPO', 'an auth_token (AppKey and MasterSecret accepted)');
}
