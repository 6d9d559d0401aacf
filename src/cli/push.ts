import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { EXIT_CHECK_FAILED, type CliContext } from '../cli.js';
import { findApp, loadConfig } from '../config/load.js';
import type { AppConfig, CertificateConfig, Config } from '../config/types.js';
import { ConfigError, UsageError } from '../errors.js';
import { createLogger, maskToken, type Logger } from '../log.js';
import { evictionWarnings, uploadWarnings } from '../push/devices.js';
import { describeCertificate, unknownCertificate } from '../push/preflight.js';
import { explainNoDevices } from '../push/service.js';
import { createDeviceTester } from '../push/tester.js';
import type { CertificateHealth, Device, PushResult } from '../push/types.js';
import { certificateFacts, PLATFORMS, providerFor, type PushPlatform } from '../push/providers/index.js';
import { openServices, type Services } from '../services.js';
import { formatFields, formatTime } from '../format.js';
import { logLevelFrom, storeOpenError } from './startup.js';

const platformName = (p: PushPlatform) => providerFor(p).displayName;

export function registerPushCommands(program: Command, ctx: CliContext): void {
  const devices = program.command('devices').description('the devices (push tokens) UserIDs uploaded');

  devices
    .command('add')
    .description('store a device as if the app had uploaded it (admins and scripts; apps use PUT /v1/devices)')
    .argument('<userId>', 'the UserID the device belongs to')
    .requiredOption('--cert <id>', 'certificate ID the token was registered with')
    .requiredOption('--token <token>', 'the device token')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .addOption(new Option('--platform <platform>', 'platform as the app reports it (default: the certificate\'s)').choices([...PLATFORMS]))
    .addOption(new Option('--environment <env>', 'APNs environment the app reports').choices(['production', 'sandbox']))
    .option('--bundle-id <id>', 'bundle ID the app reports')
    .option('--app-version <version>', 'app version')
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { cert: string; token: string; app?: string; platform?: PushPlatform; environment?: 'production' | 'sandbox'; bundleId?: string; appVersion?: string; json?: boolean }) => {
      if (opts.token.trim() === '') throw new UsageError('--token is empty', 'pass the device token the app reported');
      await withServices(ctx, opts.app, async (s, app) => {
        const cert = app.certificates.find((c) => c.id === opts.cert);
        if (!cert) throw unknownCertificateError(app, opts.cert);
        const warnings = uploadWarnings(cert, { token: opts.token, platform: opts.platform, environment: opts.environment, bundleId: opts.bundleId });
        const { device, created, evicted } = s.devices.upsert({
          app: app.name,
          userId,
          certificateId: cert.id,
          platform: opts.platform ?? cert.platform,
          token: opts.token,
          ...(opts.environment && { environment: opts.environment }),
          ...(opts.bundleId && { bundleId: opts.bundleId }),
          ...(opts.appVersion && { appVersion: opts.appVersion }),
          warnings,
        });
        s.audit.record({ principal: cliPrincipal(), action: 'devices.add', app: app.name, target: userId, outcome: created ? 'created' : 'updated', detail: `certificate ${cert.id}${evicted.length ? `; ${evicted.length} old device evicted` : ''}` });
        const evictedWarnings = evictionWarnings(evicted, s.devices.maxPerUser);
        if (opts.json) {
          ctx.out(JSON.stringify({ created, device: maskedDevice(device), warnings: [...warnings, ...evictedWarnings], ...(evicted.length > 0 && { evicted: evicted.map(maskedDevice) }) }, null, 2));
          return;
        }
        ctx.out(`${created ? 'Stored' : 'Updated'} ${providerFor(device.platform).article} ${platformName(device.platform)} device for ${userId} in app ${app.name}.`);
        ctx.out(formatFields([['certificate', describeCertificate(cert)], ['token', maskToken(device.token)]], '  '));
        for (const w of warnings) ctx.out(`  warning: ${w}`);
        if (warnings.length) ctx.out('  (stored anyway: `imops push test` shows what the providers say about it)');
        for (const w of evictedWarnings) ctx.out(`  warning: ${w}`);
      });
    });

  devices
    .command('list')
    .description('show the devices a UserID uploaded: platform, certificate ID, masked token, times')
    .argument('<userId>', 'the UserID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { app?: string; json?: boolean }) => {
      await withServices(ctx, opts.app, async (s, app) => {
        const list = s.push.devices(app.name, userId);
        if (opts.json) {
          ctx.out(JSON.stringify({ app: app.name, userId, devices: list.map(maskedDevice) }, null, 2));
          return;
        }
        if (list.length === 0) {
          printNoDevices(ctx, app, userId);
          return;
        }
        ctx.out(`${userId} in app ${app.name}: ${list.length} device${list.length === 1 ? '' : 's'}`);
        list.forEach((d, i) => {
          ctx.out('');
          ctx.out(`${i + 1}. ${platformName(d.platform)}  certificate ${d.certificateId}  ${maskToken(d.token)}`);
          ctx.out(deviceFields(d, app));
        });
      });
    });

  const push = program.command('push').description('offline push self-service check');

  push
    .command('test')
    .description('send a test notification to every device of a UserID and explain each result')
    .argument('<userId>', 'the UserID')
    .option('--cert <id>', 'only the devices uploaded with this certificate ID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { cert?: string; app?: string; json?: boolean }) => {
      await withServices(ctx, opts.app, async (s, app) => {
        const all = s.push.devices(app.name, userId);
        if (opts.cert !== undefined && !app.certificates.some((c) => c.id === opts.cert) && !all.some((d) => d.certificateId === opts.cert)) {
          throw unknownCertificateError(app, opts.cert);
        }
        const tested = opts.cert === undefined ? all : all.filter((d) => d.certificateId === opts.cert);
        const results = await s.push.test(app.name, userId, opts.cert === undefined ? {} : { certificateId: opts.cert });
        const ok = results.length > 0 && results.every((r) => r.ok);
        s.audit.record({
          principal: cliPrincipal(),
          action: 'push.test',
          app: app.name,
          target: userId,
          outcome: results.length === 0 ? 'no devices' : `${results.filter((r) => r.ok).length}/${results.length} delivered`,
          ...(results.length > 0 && { detail: [...new Set(results.map((r) => r.verdict))].join(',') }),
        });
        if (!ok) ctx.setExit(EXIT_CHECK_FAILED);

        if (results.length === 0) {
          const others = [...new Set(all.map((d) => d.certificateId))];
          const none = explainNoDevices(app, userId, opts.cert, others);
          if (opts.json) {
            ctx.out(JSON.stringify({ app: app.name, userId, ...(opts.cert !== undefined && { certificateId: opts.cert }), ok: false, ...none, results: [] }, null, 2));
          } else {
            printNoDevices(ctx, app, userId, opts.cert, others);
          }
          return;
        }
        if (opts.json) {
          ctx.out(JSON.stringify({ app: app.name, userId, ...(opts.cert !== undefined && { certificateId: opts.cert }), ok, results }, null, 2));
          return;
        }
        const passed = results.filter((r) => r.ok).length;
        ctx.out(`Test push to ${userId} in app ${app.name}: ${passed} of ${results.length} device${results.length === 1 ? '' : 's'} passed`);
        results.forEach((r, i) => {
          // Results come in the order devices() lists them; match on the masked token in case a device changed in between.
          const device = tested[i] && maskToken(tested[i].token) === r.token ? tested[i] : undefined;
          ctx.out('');
          ctx.out(resultLine(r));
          ctx.out(resultFields(r, device));
        });
      });
    });

  push
    .command('certs')
    .description('check each push credential without sending: key format, IDs, expiry, environment, bundle ID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document')
    .action(async (opts: { app?: string; json?: boolean }) => {
      const { config, log } = loadCli(ctx);
      const app = findApp(config, opts.app);
      if (app.certificates.length === 0) {
        throw new ConfigError(config.source, `apps[${config.apps.indexOf(app)}].certificates`, `app ${app.name} has no push certificates`, 'list the APNs and FCM certificates under the app in imops.yml (see README)');
      }
      const tester = createDeviceTester({ providers: config.providers, log });
      let health: CertificateHealth[];
      try {
        health = await tester.certificates(app);
      } finally {
        await tester.close();
      }
      const failed = health.some((h) => h.level === 'failure');
      if (failed) ctx.setExit(EXIT_CHECK_FAILED);
      if (opts.json) {
        ctx.out(JSON.stringify({ app: app.name, ok: !failed, certificates: health }, null, 2));
        return;
      }
      const counts = (['ok', 'warning', 'failure'] as const).map((l) => [l, health.filter((h) => h.level === l).length] as const).filter(([, n]) => n > 0);
      ctx.out(`Push certificates of app ${app.name}: ${counts.map(([l, n]) => `${n} ${l === 'failure' ? 'failed' : l === 'ok' ? 'ok' : `with warning${n === 1 ? '' : 's'}`}`).join(', ')}`);
      for (const h of health) {
        const cert = app.certificates.find((c) => c.id === h.certificateId);
        ctx.out('');
        ctx.out(`${LEVEL_MARK[h.level]}  ${platformName(h.platform)}  certificate ${h.certificateId}${cert ? `  ${certDetail(cert)}` : ''}`);
        ctx.out(`      ${h.summary}`);
        for (const p of h.problems) {
          ctx.out(formatFields([[p.level === 'failure' ? 'problem' : 'warning', p.problem], ['fix', p.fix]], '      '));
        }
      }
    });
}

const LEVEL_MARK = { ok: 'OK  ', warning: 'WARN', failure: 'FAIL' } as const;

function resultLine(r: PushResult): string {
  return `${r.ok ? 'PASS' : 'FAIL'}  ${r.verdict}  ${platformName(r.platform)}  certificate ${r.certificateId}  ${r.token}`;
}

function resultFields(r: PushResult, device: Device | undefined): string {
  const p = r.provider;
  const provider = [p.status, p.reason, p.environment && `(${p.environment})`].filter((x) => x !== undefined && x !== '').join(' ');
  return formatFields([
    ['cause', r.cause],
    ['fix', r.ok ? undefined : r.fix],
    ['provider', provider || undefined],
    ['message ID', r.id],
    ['app version', device?.appVersion],
    ['uploaded', device && formatTime(device.firstUploaded)],
    ['last seen', device && device.lastSeen !== device.firstUploaded ? formatTime(device.lastSeen) : undefined],
    ['upload warning', device?.warnings.length ? device.warnings.join('\n') : undefined],
  ], '      ');
}

function deviceFields(d: Device, app: AppConfig): string {
  const cert = app.certificates.find((c) => c.id === d.certificateId);
  return formatFields([
    ['configured as', cert ? `${platformName(cert.platform)} ${certDetail(cert).slice(1, -1)}` : 'not configured in imops (a test push will say UNKNOWN_CERTIFICATE)'],
    ['environment', d.environment],
    ['bundle ID', d.bundleId],
    ['app version', d.appVersion],
    ['device', [d.deviceModel, d.osVersion].filter(Boolean).join(', ') || undefined],
    ['uploaded', formatTime(d.firstUploaded)],
    ['last seen', d.lastSeen !== d.firstUploaded ? formatTime(d.lastSeen) : undefined],
    ['warning', d.warnings.length ? d.warnings.join('\n') : undefined],
  ], '   ');
}

function printNoDevices(ctx: CliContext, app: AppConfig, userId: string, certificateId?: string, others: readonly string[] = []): void {
  const none = explainNoDevices(app, userId, certificateId, others);
  ctx.out(`NO_DEVICES  ${none.cause}`);
  ctx.out('  usual reasons:');
  for (const r of none.reasons) ctx.out(`    - ${r}`);
  ctx.out(`  fix: ${none.fix}`);
}

function certDetail(c: CertificateConfig): string {
  const { environment, bundleId } = certificateFacts(c);
  const provider = providerFor(c.platform);
  return `(${[environment, bundleId].filter(Boolean).join(', ') || `${provider.displayName} ${provider.credentialKind}`})`;
}

function unknownCertificateError(app: AppConfig, id: string): UsageError {
  const { problem, fix } = unknownCertificate(app, id);
  return new UsageError(problem, fix);
}

function maskedDevice(d: Device): Device {
  return { ...d, token: maskToken(d.token) };
}

/** The CLI runs with its operator's rights; the audit log names the OS account. */
function cliPrincipal(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/** The configuration and a logger that writes to the CLI's stderr (quiet unless LOG_LEVEL says otherwise). */
export function loadCli(ctx: CliContext): { config: Config; log: Logger } {
  const { config, notices } = loadConfig({ path: ctx.configPath(), env: ctx.env, cwd: ctx.cwd });
  for (const n of notices) ctx.err(`imops: note: ${n}`);
  const log = createLogger({ level: logLevelFrom(ctx.env, 'warn'), destination: { write: (line: string) => ctx.err(line) } });
  return { config, log };
}

async function withServices(ctx: CliContext, appName: string | undefined, fn: (s: Services, app: AppConfig) => Promise<void>): Promise<void> {
  const { config, log } = loadCli(ctx);
  const app = findApp(config, appName);
  let services: Services;
  try {
    services = openServices({ config, log });
  } catch (err) {
    throw storeOpenError(config.dataDir, err);
  }
  try {
    await fn(services, app);
  } finally {
    await services.close();
  }
}
