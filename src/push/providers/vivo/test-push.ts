// One vivo test push, every answer explained, with the classification and test-mode warnings in every result.
import type { Logger } from '../../../log.js';
import { say, type Words } from '../../../text/index.js';
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
  const notes: Words[] = vivoClassificationWarnings(cert).map((w) => w.problem);
  const mode = cert.pushMode === 1 ? 'test' : 'formal';
  const outcome = await client.send(cert, device.token);
  if (outcome.ok) {
    return pushResult(
      device,
      'vivo',
      'DELIVERED',
      say((t, $) => t.providers.vivo.delivered(t.providers.vivo.mode[mode], cert.appId, notes.map($))),
      say((t) => t.providers.vivo.deliveredFix),
      { status: 200, reason: '0' },
      outcome.taskId,
    );
  }
  const aboutToken = TOKEN_VERDICTS.has(outcome.failure.entry.verdict);
  if (aboutToken && tokenProblems.length) notes.unshift(say((t, $) => t.providers.vivo.tokenLooksWrong(tokenProblems.map($))));
  if (cert.pushMode === 1 && aboutToken) notes.unshift(say((t) => t.providers.vivo.testModeNote));
  if (outcome.retried && outcome.failure.reason !== '10000') notes.unshift(say((t) => t.providers.vivo.renewed));
  return failureResult(
    device,
    'vivo',
    say((t) => t.providers.vivo.serviceName),
    outcome.step,
    outcome.failure,
    notes,
  );
}

/** `push certs --live`: ask vivo for an authToken with this APP ID, APP KEY and APP SECRET. */
export async function vivoLiveCheck(cert: VivoCertificateConfig, settings: VivoSettings, _log: Logger): Promise<LiveCheck> {
  const { VivoClient } = await import('./client.js');
  return liveTokenCheck(
    new VivoClient(settings),
    cert,
    say((t) => t.providers.vivo.vendorName),
    say((t) => t.providers.vivo.issued),
  );
}
