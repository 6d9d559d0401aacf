import { Option, type Command } from 'commander';
import { wordsIn } from '../text/words.js';
import { runCheck } from '../checks/check.js';
import { listDevicesCheck, reportDeviceCheck } from '../checks/devices.js';
import { certificatesCheck, pushTestCheck, type CertificatesFinding } from '../checks/push.js';
import { certificatesReply, deviceCard, explainNoDevices, noDevicesReply, testResultsReply } from '../present/push.js';
import { renderTerminal } from '../present/terminal.js';
import { EXIT_CHECK_FAILED, type CliContext } from './context.js';
import { loadCli, withServices } from './services.js';
import { operator } from './operator.js';
import { findApp } from '../config/load.js';
import { ConfigError, UsageError } from '../errors.js';
import { maskToken } from '../log.js';
import { describeCertificate } from '../push/preflight.js';
import { createDeviceTester } from '../push/tester.js';
import type { Device } from '../push/types.js';
import { PLATFORMS, providerNames, type PushPlatform } from '../push/providers/index.js';
import { formatFields } from '../format.js';
import { inLocale } from '../text/words.js';
import { say } from '../text/index.js';

export function registerPushCommands(program: Command, ctx: CliContext): void {
  const devices = program.command('devices').description('the devices (push tokens) UserIDs uploaded');

  devices
    .command('add')
    .description('store a device as if the app had uploaded it (admins and scripts; apps use PUT /v1/devices)')
    .argument('<userId>', 'the UserID the device belongs to')
    .requiredOption('--cert <id>', 'certificate ID the token was registered with')
    .requiredOption('--token <token>', 'the device token')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .addOption(new Option('--platform <platform>', "platform as the app reports it (default: the certificate's)").choices([...PLATFORMS]))
    .addOption(new Option('--environment <env>', 'APNs environment the app reports').choices(['production', 'sandbox']))
    .option('--bundle-id <id>', 'bundle ID the app reports')
    .option('--app-version <version>', 'app version')
    .option('--json', 'print one JSON document')
    .action(
      async (
        userId: string,
        opts: {
          cert: string;
          token: string;
          app?: string;
          platform?: PushPlatform;
          environment?: 'production' | 'sandbox';
          bundleId?: string;
          appVersion?: string;
          json?: boolean;
        },
      ) => {
        if (opts.token.trim() === '') {
          throw new UsageError(
            say((t) => t.cli.devices.emptyToken),
            say((t) => t.cli.devices.emptyTokenFix),
          );
        }
        await withServices(ctx, opts.app, async (_s, app, deps) => {
          const report = {
            certificateId: opts.cert,
            token: opts.token,
            ...(opts.platform && { platform: opts.platform }),
            ...(opts.environment && { environment: opts.environment }),
            ...(opts.bundleId && { bundleId: opts.bundleId }),
            ...(opts.appVersion && { appVersion: opts.appVersion }),
          };
          const f = await runCheck(deps, operator(), reportDeviceCheck, { app, userId, report });
          const cert = app.certificates.find((c) => c.id === opts.cert);
          if (opts.json) {
            ctx.out(
              JSON.stringify(
                {
                  created: f.created,
                  device: maskedDevice(f.device),
                  warnings: [...f.warnings, ...f.evictionWarnings].map((w) => inLocale(w, ctx.t())),
                  ...(f.evicted.length > 0 && { evicted: f.evicted.map(maskedDevice) }),
                },
                null,
                2,
              ),
            );
            return;
          }
          const t = ctx.t();
          const names = t.providers[f.device.platform].names;
          const said = f.created ? t.cli.devices.stored : t.cli.devices.updated;
          ctx.out(said(names.article, names.display, userId, app.name));
          ctx.out(
            formatFields(
              [
                [t.cli.devices.certificate, cert ? inLocale(describeCertificate(cert), t) : t.cli.devices.certificateNotConfigured(opts.cert)],
                [t.cli.devices.token, maskToken(f.device.token)],
              ],
              '  ',
              t.chrome.colon,
            ),
          );
          for (const w of f.warnings) ctx.out(`  ${t.cli.warning(inLocale(w, t))}`);
          if (f.warnings.length) ctx.out(`  ${t.cli.devices.storedAnyway}`);
          for (const w of f.evictionWarnings) ctx.out(`  ${t.cli.warning(inLocale(w, t))}`);
        });
      },
    );

  devices
    .command('list')
    .description('show the devices a UserID uploaded: platform, certificate ID, masked token, times')
    .argument('<userId>', 'the UserID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document')
    .action(async (userId: string, opts: { app?: string; json?: boolean }) => {
      await withServices(ctx, opts.app, async (_s, app, deps) => {
        const f = await runCheck(deps, operator(), listDevicesCheck, { app: app.name, userId });
        if (opts.json) {
          ctx.out(JSON.stringify({ app: app.name, userId, devices: f.devices.map(maskedDevice) }, wordsIn(ctx.t()), 2));
          return;
        }
        const reply = f.devices.length === 0 ? noDevicesReply(ctx.t(), app, userId) : deviceCard(ctx.t(), f, undefined, undefined, 0, deps.now());
        ctx.out(renderTerminal(reply, ctx.t()));
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
      await withServices(ctx, opts.app, async (_s, app, deps) => {
        const input = { app: app.name, userId, strictCertificate: true, ...(opts.cert !== undefined && { certificateId: opts.cert }) };
        const f = await runCheck(deps, operator(), pushTestCheck, input);
        const results = f.kind === 'tested' ? f.results : [];
        const ok = results.length > 0 && results.every((r) => r.ok);
        if (!ok) ctx.setExit(EXIT_CHECK_FAILED);
        if (opts.json) {
          const head = { app: app.name, userId, ...(opts.cert !== undefined && { certificateId: opts.cert }), ok };
          if (f.kind === 'tested' && results.length === 0) {
            ctx.out(JSON.stringify({ ...head, ...explainNoDevices(ctx.t(), app, userId, opts.cert, f.uploadedWith), results: [] }, wordsIn(ctx.t()), 2));
          } else if (f.kind === 'unreachable') {
            ctx.out(JSON.stringify({ ...head, error: 'provider_unreachable', code: f.code, results: [] }, wordsIn(ctx.t()), 2));
          } else {
            ctx.out(JSON.stringify({ ...head, results }, wordsIn(ctx.t()), 2));
          }
          return;
        }
        ctx.out(renderTerminal(testResultsReply(ctx.t(), f, results.length, [], deps.now()), ctx.t()));
      });
    });

  push
    .command('certs')
    .description('check each push credential without sending: key format, IDs, expiry, environment, bundle ID')
    .option('--app <name>', 'configured app (needed when several are configured)')
    .option('--json', 'print one JSON document')
    .option(
      '--live',
      'also ask each provider itself whether the credential works, as far as it can without showing anything on a phone (an access token, a signed probe, or only whether its server answers)',
    )
    .action(async (opts: { app?: string; live?: boolean; json?: boolean }) => {
      const { config, log } = loadCli(ctx);
      const app = findApp(config, opts.app);
      if (app.certificates.length === 0) {
        throw new ConfigError(
          config.source,
          `apps[${config.apps.indexOf(app)}].certificates`,
          `app ${app.name} has no push certificates`,
          `list the app's push certificates (${providerNames()}) under the app in imops.yml (see README)`,
        );
      }
      const tester = createDeviceTester({ providers: config.providers, log });
      let f: CertificatesFinding;
      try {
        // Credentials only: no store, so the check runs wherever the config can be read (a deploy step, CI).
        f = await runCheck(
          { config, log, now: Date.now, credentials: (a) => tester.certificates(a, { live: opts.live === true }) },
          operator(),
          certificatesCheck,
          { app: app.name },
        );
      } finally {
        await tester.close();
      }
      const failed = f.health.some((h) => h.level === 'failure');
      if (failed) ctx.setExit(EXIT_CHECK_FAILED);
      ctx.out(
        opts.json
          ? JSON.stringify({ app: app.name, ok: !failed, certificates: f.health }, wordsIn(ctx.t()), 2)
          : renderTerminal(certificatesReply(ctx.t(), f), ctx.t()),
      );
    });
}

function maskedDevice(d: Device): Device {
  return { ...d, token: maskToken(d.token) };
}
