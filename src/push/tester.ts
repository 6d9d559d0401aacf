// The device tester: one test push to one uploaded device, every outcome explained. Preflight first (certificate
// ID, platform, credential health), then the certificate's provider sends and explains its answer.
import type { AppConfig, CertificateConfig, ProvidersConfig } from '../config/types.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { say } from '../text/index.js';
import { preflight, type Inspect } from './preflight.js';
import { inspectCertificate, providerFor, type PushPlatform } from './providers/index.js';
import { pushResult, scrub } from './providers/result.js';
import type { Inspection, LiveCheck, PushSender } from './providers/types.js';
import type { CertificateHealth, Device, PushResult } from './types.js';

export interface DeviceTester {
  test(app: AppConfig, device: Device): Promise<PushResult>;
  /**
   * Test a device without showing anything on it, in its provider's sweep mode (SweepMode): a background push,
   * a dry run, or (vendors without one) the credential check and the token's shape, sending nothing.
   */
  sweep(app: AppConfig, device: Device): Promise<PushResult>;
  /** Credential health of every certificate; `live` also asks providers that can (an access token, no push). */
  certificates(app: AppConfig, options?: { live?: boolean }): Promise<CertificateHealth[]>;
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

export function createDeviceTester(options: DeviceTesterOptions): DeviceTester {
  const { providers, log, metrics } = options;
  const now = options.now ?? Date.now;
  // A provider's library loads on its first push, not when the CLI starts: most commands never send one.
  const senders = new Map<PushPlatform, Promise<PushSender<CertificateConfig, unknown>>>();
  const senderFor = (platform: PushPlatform) => {
    let sender = senders.get(platform);
    if (!sender) {
      sender = providerFor(platform).createSender(providers[platform], log);
      senders.set(platform, sender);
    }
    return sender;
  };
  const health = new Map<string, { at: number; value: Promise<Inspection> }>();

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

  async function send(app: AppConfig, device: Device, how: 'test' | 'sweep'): Promise<PushResult> {
    const pre = await preflight(app, device, inspect);
    if (!pre.go) return pre.result;
    const { certificate, loaded, tokenProblems } = pre;
    const sender = await senderFor(certificate.platform);
    const context = { app, device, certificate, loaded, tokenProblems };
    if (how === 'test') return sender.test(context);
    // A sender that can check more without showing anything (an access token, a dry run) does so.
    if (sender.sweep) return sender.sweep(context);
    // No dry run at this vendor: what can be known without sending is the credential (preflight) and the token.
    const platform = certificate.platform;
    return tokenProblems.length
      ? pushResult(
          device,
          platform,
          'BAD_DEVICE_TOKEN',
          say((t, $) => t.pushWords.common.tester.noDryRunBadTokenCause(t.providers[platform].names, tokenProblems.map($))),
          say((t) => t.pushWords.common.tester.noDryRunBadTokenFix(certificate.id, t.providers[platform].names)),
          {},
        )
      : pushResult(
          device,
          platform,
          'DELIVERED',
          say((t) => t.pushWords.common.tester.noDryRunOkCause(certificate.id, t.providers[platform].names)),
          say((t) => t.pushWords.common.tester.noDryRunOkFix),
          { reason: 'credential_and_token' },
        );
  }

  async function test(app: AppConfig, device: Device, how: 'test' | 'sweep' = 'test'): Promise<PushResult> {
    const started = process.hrtime.bigint();
    let result: PushResult;
    try {
      result = await send(app, device, how);
    } catch (err) {
      // A bug or an unexpected library failure must still give the person a result, never a crash.
      log.error({ err: { name: (err as Error).name, message: scrub((err as Error).message ?? String(err), device.token) } }, 'test push failed unexpectedly');
      result = pushResult(
        device,
        device.platform,
        'NETWORK',
        say((t) => t.pushWords.common.tester.unexpectedCause),
        say((t) => t.pushWords.common.tester.unexpectedFix),
        {},
      );
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // Sweeps are counted by the sweep check (imops_sweep_verdicts_total), not as test pushes.
    if (how === 'test') metrics?.pushVerdicts.inc({ platform: result.platform, verdict: result.verdict });
    metrics?.pushSeconds.observe(seconds, { platform: result.platform });
    // debug, not info: pino's redaction costs more per line than the rest of a test push (bench/push.ts).
    log.debug(
      {
        app: app.name,
        userId: device.userId,
        certificateId: result.certificateId,
        platform: result.platform,
        device: result.token,
        verdict: result.verdict,
        status: result.provider.status,
        reason: result.provider.reason,
        environment: result.provider.environment,
        ms: Math.round(seconds * 1000),
      },
      'test push',
    );
    return result;
  }

  return {
    test: (app, device) => test(app, device),
    sweep: (app, device) => test(app, device, 'sweep'),
    async certificates(app, opts = {}) {
      return Promise.all(
        app.certificates.map(async (c: CertificateConfig) => {
          const value = inspectCertificate(c, now());
          health.set(keyOf(c), { at: now(), value });
          const inspection = await value;
          if (!opts.live || inspection.loaded === undefined) return inspection.health;
          // A provider asks live either with its own signed probe (liveCheck) or through its sender (an access token).
          const provider = providerFor(c.platform);
          if (provider.liveCheck) return withLive(inspection.health, await provider.liveCheck(c, providers[c.platform], log));
          const sender = await senderFor(c.platform);
          if (!sender.checkLive) return inspection.health;
          return withLive(inspection.health, await sender.checkLive(c, inspection.loaded));
        }),
      );
    },
    async close() {
      const open = [...senders.values()];
      senders.clear();
      await Promise.all(
        open.map((s) =>
          s.then(
            (sender) => sender.close(),
            () => undefined,
          ),
        ),
      );
    },
  };
}

/** The offline health with what the provider said when asked (`push certs --live`). */
function withLive(h: CertificateHealth, live: LiveCheck): CertificateHealth {
  const problems = [...h.problems, ...live.problems.map(({ level, problem, fix }) => ({ level, problem, fix }))];
  const level = problems.some((p) => p.level === 'failure') ? 'failure' : problems.length ? 'warning' : 'ok';
  return { ...h, level, summary: say((t, $) => t.pushWords.common.tester.withLive($(h.summary), $(live.summary))), problems };
}
