// One OPPO test push, every answer explained, with the classification warnings in every result.
import type { Logger } from '../../../log.js';
import { say, type Words } from '../../../text/index.js';
import type { PushResult } from '../../types.js';
import { pushResult } from '../result.js';
import type { LiveCheck, PushSender, TestContext } from '../types.js';
import { failureResult, liveTokenCheck, maskKey, TOKEN_VERDICTS } from '../vendor/result.js';
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
      say((t, $) => t.providers.oppo.delivered(maskKey(cert.appKey), cert.channelId, quota.map($))),
      say((t) => t.providers.oppo.deliveredFix),
      { status: 200, reason: '0' },
      outcome.messageId,
    );
  }
  const notes: Words[] = [...quota];
  if (TOKEN_VERDICTS.has(outcome.failure.entry.verdict)) {
    if (oppoRegion(device.token).overseas) notes.unshift(say((t) => t.providers.oppo.overseasNote));
    if (tokenProblems.length) notes.unshift(say((t, $) => t.providers.oppo.tokenLooksWrong(tokenProblems.map($))));
  }
  if (outcome.retried && outcome.failure.reason !== '11') notes.unshift(say((t) => t.providers.oppo.renewed));
  return failureResult(
    device,
    'oppo',
    say((t) => t.providers.oppo.serviceName),
    outcome.step,
    outcome.failure,
    notes,
  );
}

/** `push certs --live`: ask OPPO for an auth_token with this AppKey and MasterSecret. */
export async function oppoLiveCheck(cert: OppoCertificateConfig, settings: OppoSettings, _log: Logger): Promise<LiveCheck> {
  const { OppoClient } = await import('./client.js');
  return liveTokenCheck(
    new OppoClient(settings),
    cert,
    say((t) => t.providers.oppo.vendorName),
    say((t) => t.providers.oppo.issued),
  );
}
