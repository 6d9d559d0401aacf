// APNs (iOS): token keys (.p8) and certificates (.p12 / PEM) through @parse/node-apn.
import { say, type Words } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import {
  apnsCertificateSchema,
  apnsSettingsSchema,
  APNS_DEFAULTS,
  resolveApnsCertificate,
  resolveApnsSettings,
  type ApnsCertificateConfig,
  type ApnsSettings,
} from './config.js';
import { inspectApns, type ApnsCredential } from './credential.js';
import { APNS_REASONS } from './reasons.js';
import { apnsTokenShape } from './token-shape.js';
import { apnsTester } from './test-push.js';
import type { z } from 'zod';

export const apns: PushProvider<
  'apns',
  ApnsCertificateConfig,
  ApnsSettings,
  ApnsCredential,
  z.infer<typeof apnsCertificateSchema>,
  z.infer<typeof apnsSettingsSchema>
> = {
  id: 'apns',
  certificateSchema: apnsCertificateSchema,
  settingsSchema: apnsSettingsSchema,
  defaults: APNS_DEFAULTS,
  sweepMode: 'background',
  reasons: APNS_REASONS,
  resolveCertificate: resolveApnsCertificate,
  resolveSettings: resolveApnsSettings,
  describeCertificate(c) {
    return say((t) => t.providers.apns.certificate(c.environment, c.bundleId));
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform, environment: c.environment, bundleId: c.bundleId };
  },
  tokenShape: apnsTokenShape,
  reportWarnings(cert, report) {
    const warnings: Words[] = [];
    const { environment, bundleId } = report;
    if (environment !== undefined && environment !== cert.environment) {
      warnings.push(say((t) => t.providers.apns.report.environment(environment, cert.id, cert.environment)));
    }
    if (bundleId !== undefined && bundleId !== cert.bundleId) {
      warnings.push(say((t) => t.providers.apns.report.bundleId(bundleId, cert.id, cert.bundleId)));
    }
    return warnings;
  },
  inspect: inspectApns,
  async createSender(settings) {
    const { ApnsSender } = await import('./sender.js');
    return apnsTester(new ApnsSender(settings));
  },
};
