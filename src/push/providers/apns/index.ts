// APNs (iOS): token keys (.p8) and certificates (.p12 / PEM) through @parse/node-apn.
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
  displayName: 'APNs',
  article: 'an',
  deviceLabel: 'iOS (APNs)',
  credentialKind: 'key or certificate',
  tokenName: 'an APNs device token (hex)',
  tokenSource: 'the APNs device token from didRegisterForRemoteNotificationsWithDeviceToken',
  certificateSchema: apnsCertificateSchema,
  settingsSchema: apnsSettingsSchema,
  defaults: APNS_DEFAULTS,
  sweepMode: 'background',
  reasons: APNS_REASONS,
  resolveCertificate: resolveApnsCertificate,
  resolveSettings: resolveApnsSettings,
  describeCertificate(c) {
    return `APNs ${c.environment}, ${c.bundleId}`;
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform, environment: c.environment, bundleId: c.bundleId };
  },
  tokenShape: apnsTokenShape,
  reportWarnings(cert, report) {
    const warnings: string[] = [];
    if (report.environment !== undefined && report.environment !== cert.environment) {
      warnings.push(
        `The app reported a ${report.environment} token but certificate ${cert.id} is for ${cert.environment}: debug builds get sandbox tokens, release builds production tokens, and each needs its own certificate ID.`,
      );
    }
    if (report.bundleId !== undefined && report.bundleId !== cert.bundleId) {
      warnings.push(
        `The app reported bundle ID ${report.bundleId} but certificate ${cert.id} pushes to ${cert.bundleId}: APNs will answer DeviceTokenNotForTopic.`,
      );
    }
    return warnings;
  },
  inspect: inspectApns,
  async createSender(settings) {
    const { ApnsSender } = await import('./sender.js');
    return apnsTester(new ApnsSender(settings));
  },
};
