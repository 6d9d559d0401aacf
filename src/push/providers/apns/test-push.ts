// One APNs test push, every answer explained: the environment-mismatch retry on the other host, then the
// reason table. Light on purpose (node-apn comes in through the sender, loaded on the first push).
import { type Catalogue, say } from '../../../text/index.js';
import type { PushResult } from '../../types.js';
import { pushResult, scrub, TEST_ALERT } from '../result.js';
import type { PushSender, TestContext } from '../types.js';
import type { ApnsCertificateConfig, ApnsEnvironment } from './config.js';
import type { ApnsCredential } from './credential.js';
import { APNS_ENVIRONMENT_REASONS, explainApnsReason } from './reasons.js';
import type { ApnsAnswer, ApnsSender, NetworkFailure } from './sender.js';

type Context = TestContext<ApnsCertificateConfig, ApnsCredential>;

export function apnsTester(sender: ApnsSender): PushSender<ApnsCertificateConfig, ApnsCredential> {
  return {
    test: (context) => testApns(sender, context),
    sweep: (context) => testApns(sender, context, 'background'),
    close: () => sender.close(),
  };
}

async function testApns(
  sender: ApnsSender,
  { app, device, certificate: cert, loaded: credential, tokenProblems }: Context,
  kind: 'alert' | 'background' = 'alert',
): Promise<PushResult> {
  const env = cert.environment;
  const send = (environment: ApnsEnvironment) => sender.send(cert.id, cert.bundleId, credential, environment, device.token, kind);
  const first = await send(env);
  const provider = { status: first.status, reason: first.reason, environment: env };
  if (first.credentialError) {
    const refusal = scrub(first.credentialError, device.token);
    return pushResult(
      device,
      'apns',
      'CREDENTIAL_INVALID',
      say((t) => t.providers.apns.test.libraryRefused(cert.id, refusal)),
      say((t) => t.providers.apns.test.libraryRefusedFix),
      provider,
    );
  }
  if (first.ok) return delivered(device, cert, first, provider, kind);
  if (first.network) return network(device, first.network, env);

  if (first.reason && APNS_ENVIRONMENT_REASONS.has(first.reason)) {
    const firstReason = first.reason;
    const other: ApnsEnvironment = env === 'production' ? 'sandbox' : 'production';
    const second = await send(other);
    if (second.ok) {
      const match = app.certificates.find(
        (c): c is ApnsCertificateConfig => c.platform === cert.platform && c.environment === other && c.bundleId === cert.bundleId && c.id !== cert.id,
      );
      return pushResult(
        device,
        'apns',
        'TOKEN_ENVIRONMENT_MISMATCH',
        say((t) => t.providers.apns.test.otherEnvironment(env, firstReason, second.apnsId, cert.id)),
        match
          ? say((t) => t.providers.apns.test.useOtherCertificate(other, match.id, cert.bundleId))
          : say((t) => t.providers.apns.test.noOtherCertificate(other, cert.bundleId)),
        provider,
        second.apnsId,
      );
    }
    if (second.status === 410) {
      const e = explainApnsReason(second.reason, second.status);
      return pushResult(
        device,
        'apns',
        e.verdict,
        say((t, $) => t.providers.apns.test.goneInOtherEnvironment(env, firstReason, second.reason, $(e.cause))),
        e.fix,
        { status: second.status, reason: second.reason, environment: other },
      );
    }
  }
  const e = explainApnsReason(first.reason, first.status);
  const showProblems = tokenProblems.length > 0 && e.verdict === 'BAD_DEVICE_TOKEN';
  const lastValid = first.timestamp;
  return pushResult(
    device,
    'apns',
    e.verdict,
    say((t, $) =>
      t.providers.apns.test.answered(
        env,
        first.status,
        first.reason,
        $(e.cause),
        showProblems ? tokenProblems.map($) : undefined,
        lastValid ? t.time.at(lastValid) : undefined,
      ),
    ),
    e.fix,
    provider,
  );
}

function delivered(
  device: Context['device'],
  cert: ApnsCertificateConfig,
  answer: ApnsAnswer,
  provider: PushResult['provider'],
  kind: 'alert' | 'background',
): PushResult {
  if (kind === 'background') {
    return pushResult(
      device,
      'apns',
      'DELIVERED',
      say((t) => t.providers.apns.test.deliveredBackground(answer.environment, cert.bundleId)),
      say((t) => t.providers.apns.test.nothingToFix),
      { ...provider, status: 200 },
      answer.apnsId,
    );
  }
  return pushResult(
    device,
    'apns',
    'DELIVERED',
    say((t) => t.providers.apns.test.delivered(answer.environment, cert.bundleId, answer.uniqueId, TEST_ALERT.title)),
    say((t) => t.providers.apns.test.deliveredFix),
    { ...provider, status: 200 },
    answer.apnsId,
  );
}

function network(device: Context['device'], n: NetworkFailure, env: ApnsEnvironment): PushResult {
  return pushResult(
    device,
    'apns',
    'NETWORK',
    say((t) => t.providers.apns.test.noAnswer(env, networkDetail(t.providers.apns.test.network, n, device.token))),
    say((t) => t.providers.apns.test.networkFix[n.kind]),
    { reason: n.kind, environment: env },
  );
}

/** What went wrong on the way to APNs, in one catalogue's words (the library's message scrubbed of the token). */
function networkDetail(w: Catalogue['providers']['apns']['test']['network'], n: NetworkFailure, token: string): string {
  switch (n.kind) {
    case 'timeout':
      return w.timeout(n.timeoutMs);
    case 'dns':
    case 'tls':
    case 'connect':
      return w[n.kind](scrub(n.message, token));
    case 'closed':
      return n.goaway ? w.goaway(n.goaway) : w.closed;
    case 'other':
      return n.noResult ? w.noResult : scrub(n.message, token) || w.unknown;
  }
}
