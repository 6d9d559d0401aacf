// The device tester: one test push to one uploaded device, every outcome explained. Preflight first (certificate
// ID, platform, credential health), then APNs or FCM, then the catalogue in reasons.ts turns the answer into a
// verdict with cause and fix.
import type { AppConfig, ApnsCertificateConfig, ApnsEnvironment, CertificateConfig, FcmCertificateConfig, ProvidersConfig } from '../config/types.js';
import { maskToken, type Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { ApnsAnswer, ApnsSender } from './apns.js';
import { inspectCertificate, type CertificateInspection, type LoadedCredential } from './certificates.js';
import type { FcmSender } from './fcm.js';
import { preflight, type Inspect } from './preflight.js';
import { APNS_ENVIRONMENT_REASONS, explainApnsReason, explainFcmError } from './reasons.js';
import type { CertificateHealth, Device, PushResult } from './types.js';

export interface DeviceTester {
  test(app: AppConfig, device: Device): Promise<PushResult>;
  certificates(app: AppConfig): Promise<CertificateHealth[]>;
  close(): Promise<void>;
}

export interface DeviceTesterOptions {
  providers: ProvidersConfig;
  log: Logger;
  metrics?: Metrics;
  /** Clock for credential expiry (ms), for tests. */
  now?: () => number;
}

/** Credential files are re-read at most this often while testing pushes (`certificates()` always re-reads). */
const HEALTH_TTL_MS = 60_000;

const BUILD_KIND: Record<ApnsEnvironment, string> = {
  sandbox: 'development build (run from Xcode, or a debug build)',
  production: 'TestFlight, Ad Hoc or App Store build',
};

export function createDeviceTester(options: DeviceTesterOptions): DeviceTester {
  const { providers, log, metrics } = options;
  const now = options.now ?? Date.now;
  // The provider libraries load on the first push, not when the CLI starts: most commands never send one.
  let apnsSender: Promise<ApnsSender> | undefined;
  let fcmSender: Promise<FcmSender> | undefined;
  const apns = () => (apnsSender ??= import('./apns.js').then((m) => new m.ApnsSender(providers.apns)));
  const fcm = () => (fcmSender ??= import('./fcm.js').then((m) => new m.FcmSender(providers.fcm)));
  const health = new Map<string, { at: number; value: Promise<CertificateInspection & { loaded: LoadedCredential }> }>();

  // Keyed by content, not identity: a reloaded config with the same certificate keeps its cached health.
  const keys = new WeakMap<CertificateConfig, string>();
  const keyOf = (c: CertificateConfig) => {
    let k = keys.get(c);
    if (!k) keys.set(c, (k = JSON.stringify(c)));
    return k;
  };
  const inspect: Inspect = (certificate) => {
    const key = keyOf(certificate);
    const cached = health.get(key);
    if (cached && now() - cached.at < HEALTH_TTL_MS) return cached.value;
    const value = inspectCertificate(certificate, now());
    health.set(key, { at: now(), value });
    return value;
  };

  async function test(app: AppConfig, device: Device): Promise<PushResult> {
    const started = process.hrtime.bigint();
    let result: PushResult;
    try {
      const pre = await preflight(app, device, inspect);
      if (!pre.go) result = pre.result;
      else if (pre.certificate.platform === 'apns') result = await testApns(app, device, pre.certificate, pre.loaded, pre.tokenProblems);
      else result = await testFcm(device, pre.certificate, pre.loaded, pre.tokenProblems);
    } catch (err) {
      // A bug or an unexpected library failure must still give the person a result, never a crash.
      log.error({ err: { name: (err as Error).name, message: scrub((err as Error).message ?? String(err), device.token) } }, 'test push failed unexpectedly');
      result = base(device, device.platform, 'NETWORK', 'imops failed while sending the test push (an unexpected error; it is in the imops log).', 'Run the check again; if it repeats, report it to the imops maintainers with the log line.', {});
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics?.pushVerdicts.inc({ platform: result.platform, verdict: result.verdict });
    metrics?.pushSeconds.observe(seconds, { platform: result.platform });
    // debug, not info: pino's redaction costs more per line than the rest of a test push (bench/push.ts).
    log.debug({
      app: app.name, userId: device.userId, certificateId: result.certificateId, platform: result.platform,
      device: result.token, verdict: result.verdict, status: result.provider.status, reason: result.provider.reason,
      environment: result.provider.environment, ms: Math.round(seconds * 1000),
    }, 'test push');
    return result;
  }

  async function testApns(app: AppConfig, device: Device, cert: ApnsCertificateConfig, loaded: LoadedCredential, tokenProblems: string[]): Promise<PushResult> {
    const credential = loaded.apns!;
    const env = cert.environment;
    const first = await (await apns()).send(cert, credential, env, device.token);
    const provider = { status: first.status, reason: first.reason, environment: env };
    if (first.credentialError) {
      return base(device, 'apns', 'CREDENTIAL_INVALID', `Nothing was sent: the APNs library refused certificate ${cert.id}: ${scrub(first.credentialError, device.token)}.`, 'Run `imops push certs` and fix the problems it lists for this certificate.', provider);
    }
    if (first.ok) return delivered(device, cert, first, provider);
    if (first.network) return network(device, first.network, env);

    if (first.reason && APNS_ENVIRONMENT_REASONS.has(first.reason)) {
      const other: ApnsEnvironment = env === 'production' ? 'sandbox' : 'production';
      const second = await (await apns()).send(cert, credential, other, device.token);
      if (second.ok) {
        const match = app.certificates.find((c): c is ApnsCertificateConfig => c.platform === 'apns' && c.environment === other && c.bundleId === cert.bundleId && c.id !== cert.id);
        const r = base(device, 'apns', 'TOKEN_ENVIRONMENT_MISMATCH',
          `This is a ${other} token: APNs ${env} rejected it (${first.reason}) and APNs ${other} accepted the same test push (apns-id ${second.apnsId ?? 'none'}). The app is a ${BUILD_KIND[other]}, which registers with APNs ${other}, but it uploaded its token with certificate ${cert.id}, configured for ${env}.`,
          match
            ? `The app must upload its token with certificate ID ${match.id} (the ${other} certificate for ${cert.bundleId}) in ${other === 'sandbox' ? 'debug' : 'release'} builds: set the ${other} certificate ID in the app's push configuration (e.g. TUIOfflinePushCertificateIDForAPNS) for this build type.`
            : `No ${other} certificate for ${cert.bundleId} is configured: upload one in the IM console and add it to imops.yml, then have ${BUILD_KIND[other]}s report its certificate ID; or test with a ${BUILD_KIND[env]}.`,
          provider);
        r.id = second.apnsId;
        return r;
      }
      if (second.status === 410) {
        const e = explainApnsReason(second.reason, second.status);
        return base(device, 'apns', e.verdict, `This is a ${other} token (APNs ${env} said ${first.reason}), and APNs ${other} says it is no longer valid (${second.reason}). ${e.cause}`, e.fix, { status: second.status, reason: second.reason, environment: other });
      }
    }
    const e = explainApnsReason(first.reason, first.status);
    const extra = tokenProblems.length && (e.verdict === 'BAD_DEVICE_TOKEN') ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : '';
    return base(device, 'apns', e.verdict, `APNs ${env} answered ${first.status ?? ''} ${first.reason ?? ''}`.replace(/\s+/g, ' ').trim() + `: ${e.cause}${extra}${first.timestamp ? ` (APNs last saw the token valid at ${new Date(first.timestamp).toISOString()}.)` : ''}`, e.fix, provider);
  }

  async function testFcm(device: Device, cert: FcmCertificateConfig, loaded: LoadedCredential, tokenProblems: string[]): Promise<PushResult> {
    const projectId = loaded.fcm!.projectId;
    const answer = await (await fcm()).send(cert, projectId, device.token);
    if (answer.ok) {
      const r = base(device, 'fcm', 'DELIVERED',
        `FCM accepted the test notification for project ${projectId} (dry run, then the real send).`,
        'Nothing to fix on the push side. If nothing shows on the phone: check that notifications are allowed for the app (Android 13+ asks), that battery optimisation does not kill it, and that the user is logged in (after logout IM sends no offline push).',
        { reason: 'accepted' });
      r.id = answer.messageId;
      return r;
    }
    const message = scrub(answer.message ?? '', device.token);
    if (answer.timedOut) {
      return base(device, 'fcm', 'NETWORK', `FCM did not answer within ${providers.fcm.timeoutMs} ms (${answer.step === 'validate' ? 'dry run' : 'send'}).`, 'Check the network path to fcm.googleapis.com (or providers.fcm.url) and try again.', { reason: answer.code });
    }
    const e = explainFcmError(answer.code, message);
    const extra = tokenProblems.length && (e.verdict === 'BAD_DEVICE_TOKEN' || e.verdict === 'TOKEN_UNREGISTERED') ? ` The token itself looks wrong: ${tokenProblems.join(' ')}` : '';
    return base(device, 'fcm', e.verdict,
      `FCM ${answer.step === 'validate' ? 'dry run' : 'send'} failed with ${answer.code ?? 'an error'}${message ? ` ("${message}")` : ''}: ${e.cause}${extra}`,
      e.fix, { status: e.status, reason: answer.code });
  }

  return {
    test,
    async certificates(app) {
      return Promise.all(app.certificates.map(async (c: CertificateConfig) => {
        const value = inspectCertificate(c, now());
        health.set(keyOf(c), { at: now(), value });
        return (await value).health;
      }));
    },
    async close() {
      await Promise.all([apnsSender?.then((a) => a.close()), fcmSender?.then((f) => f.close())]);
    },
  };
}

function base(device: Device, platform: PushResult['platform'], verdict: PushResult['verdict'], cause: string, fix: string, provider: PushResult['provider']): PushResult {
  return { certificateId: device.certificateId, platform, token: maskToken(device.token), ok: verdict === 'DELIVERED', verdict, cause, fix, provider };
}

function delivered(device: Device, cert: ApnsCertificateConfig, answer: ApnsAnswer, provider: PushResult['provider']): PushResult {
  const r = base(device, 'apns', 'DELIVERED',
    `APNs ${answer.environment} accepted the test notification for ${cert.bundleId}${answer.uniqueId ? ` (apns-unique-id ${answer.uniqueId}: look it up in the Push Notifications Console delivery log)` : ''}. It shows as an alert titled "imops test notification" unless the app is in the foreground.`,
    'Nothing to fix on the push side. If the user still sees nothing: check the notification permission and Focus mode on the device, and that the user is logged in (after logout IM sends no offline push).',
    { ...provider, status: 200 });
  r.id = answer.apnsId;
  return r;
}

function network(device: Device, n: NonNullable<ApnsAnswer['network']>, env: ApnsEnvironment): PushResult {
  const fixes: Record<typeof n.kind, string> = {
    tls: 'If a proxy intercepts TLS, set providers.apns.caFile to its CA certificate; otherwise check the server clock and its CA store.',
    dns: 'Check DNS on the imops server, and providers.apns.productionUrl / sandboxUrl in imops.yml.',
    connect: 'Check that the server can reach APNs on port 443 (or 2197) through any firewall or proxy, and the URLs in providers.apns.',
    timeout: 'Run the check again; if it keeps timing out, check the network path to APNs (or raise providers.apns.timeoutMs).',
    closed: 'Run the check again: imops opens a new connection. If it keeps happening, check any proxy between imops and APNs.',
    other: 'Run the check again; if it repeats, check the network path to APNs and the imops log.',
  };
  return base(device, 'apns', 'NETWORK', `No answer from APNs ${env}: ${scrub(n.detail, device.token)}.`, fixes[n.kind], { reason: n.kind, environment: env });
}

/** A full token must never leave in a message, whatever a library put in its error text. */
function scrub(text: string, token: string): string {
  return token.length >= 8 ? text.split(token).join(maskToken(token)) : text;
}
