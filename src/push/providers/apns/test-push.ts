// One APNs test push, every answer explained: the environment-mismatch retry on the other host, then the
// reason table. Light on purpose (node-apn comes in through the sender, loaded on the first push).
import type { PushResult } from '../../types.js';
import { pushResult, scrub } from '../result.js';
import type { PushSender, TestContext } from '../types.js';
import type { ApnsCertificateConfig, ApnsEnvironment } from './config.js';
import type { ApnsCredential } from './credential.js';
import { APNS_ENVIRONMENT_REASONS, explainApnsReason } from './reasons.js';
import type { ApnsAnswer, ApnsSender } from './sender.js';

const BUILD_KIND: Record<ApnsEnvironment, string> = {
  sandbox: 'development build (run from Xcode, or a debug build)',
  production: 'TestFlight, Ad Hoc or App Store build',
};

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
    return pushResult(
      device,
      'apns',
      'CREDENTIAL_INVALID',
      `Nothing was sent: the APNs library refused certificate ${cert.id}: ${scrub(first.credentialError, device.token)}.`,
      'Run `imops push certs` and fix the problems it lists for this certificate.',
      provider,
    );
  }
  if (first.ok) return delivered(device, cert, first, provider, kind);
  if (first.network) return network(device, first.network, env);

  if (first.reason && APNS_ENVIRONMENT_REASONS.has(first.reason)) {
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
        `This is a ${other} token: APNs ${env} rejected it (${first.reason}) and APNs ${other} accepted the same test push (apns-id ${second.apnsId ?? 'none'}). The app is a ${BUILD_KIND[other]}, which registers with APNs ${other}, but it uploaded its token with certificate ${cert.id}, configured for ${env}.`,
        match
          ? `The app must upload its token with certificate ID ${match.id} (the ${other} certificate for ${cert.bundleId}) in ${other === 'sandbox' ? 'debug' : 'release'} builds: set the ${other} certificate ID in the app's push configuration (e.g. TUIOfflinePushCertificateIDForAPNS) for this build type.`
          : `No ${other} certificate for ${cert.bundleId} is configured: upload one in the IM console and add it to imops.yml, then have ${BUILD_KIND[other]}s report its certificate ID; or test with a ${BUILD_KIND[env]}.`,
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
        `This is a ${other} token (APNs ${env} said ${first.reason}), and APNs ${other} says it is no longer valid (${second.reason}). ${e.cause}`,
        e.fix,
        { status: second.status, reason: second.reason, environment: other },
      );
    }
  }
  const e = explainApnsReason(first.reason, first.status);
  const extra = tokenProblems.length && e.verdict === 'BAD_DEVICE_TOKEN' ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : '';
  return pushResult(
    device,
    'apns',
    e.verdict,
    `APNs ${env} answered ${first.status ?? ''} ${first.reason ?? ''}`.replace(/\s+/g, ' ').trim() +
      `: ${e.cause}${extra}${first.timestamp ? ` (APNs last saw the token valid at ${new Date(first.timestamp).toISOString()}.)` : ''}`,
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
      `APNs ${answer.environment} accepted a background push for ${cert.bundleId} (nothing is shown on the device).`,
      'Nothing to fix on the push side.',
      { ...provider, status: 200 },
      answer.apnsId,
    );
  }
  return pushResult(
    device,
    'apns',
    'DELIVERED',
    `APNs ${answer.environment} accepted the test notification for ${cert.bundleId}${answer.uniqueId ? ` (apns-unique-id ${answer.uniqueId}: look it up in the Push Notifications Console delivery log)` : ''}. It shows as an alert titled "imops test notification" unless the app is in the foreground.`,
    'Nothing to fix on the push side. If the user still sees nothing: check the notification permission and Focus mode on the device, and that the user is logged in (after logout IM sends no offline push).',
    { ...provider, status: 200 },
    answer.apnsId,
  );
}

const NETWORK_FIX: Record<NonNullable<ApnsAnswer['network']>['kind'], string> = {
  tls: 'If a proxy intercepts TLS, set providers.apns.caFile to its CA certificate; otherwise check the server clock and its CA store.',
  dns: 'Check DNS on the imops server, and providers.apns.productionUrl / sandboxUrl in imops.yml.',
  connect: 'Check that the server can reach APNs on port 443 (or 2197) through any firewall or proxy, and the URLs in providers.apns.',
  timeout: 'Run the check again; if it keeps timing out, check the network path to APNs (or raise providers.apns.timeoutMs).',
  closed: 'Run the check again: imops opens a new connection. If it keeps happening, check any proxy between imops and APNs.',
  other: 'Run the check again; if it repeats, check the network path to APNs and the imops log.',
};

function network(device: Context['device'], n: NonNullable<ApnsAnswer['network']>, env: ApnsEnvironment): PushResult {
  return pushResult(device, 'apns', 'NETWORK', `No answer from APNs ${env}: ${scrub(n.detail, device.token)}.`, NETWORK_FIX[n.kind], {
    reason: n.kind,
    environment: env,
  });
}
