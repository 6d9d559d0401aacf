// FCM (Android, and iOS through Firebase): a service account through firebase-admin.
import type { z } from 'zod';
import { say } from '../../../text/index.js';
import type { PushProvider } from '../types.js';
import {
  fcmCertificateSchema,
  fcmSettingsSchema,
  FCM_DEFAULTS,
  resolveFcmCertificate,
  resolveFcmSettings,
  type FcmCertificateConfig,
  type FcmSettings,
} from './config.js';
import { inspectFcm, type FcmCredential } from './credential.js';
import { FCM_REASONS } from './reasons.js';
import { fcmTokenShape } from './token-shape.js';
import { fcmTester } from './test-push.js';

export const fcm: PushProvider<
  'fcm',
  FcmCertificateConfig,
  FcmSettings,
  FcmCredential,
  z.infer<typeof fcmCertificateSchema>,
  z.infer<typeof fcmSettingsSchema>
> = {
  id: 'fcm',
  certificateSchema: fcmCertificateSchema,
  settingsSchema: fcmSettingsSchema,
  defaults: FCM_DEFAULTS,
  sweepMode: 'validate_only',
  reasons: FCM_REASONS,
  resolveCertificate: resolveFcmCertificate,
  resolveSettings: resolveFcmSettings,
  describeCertificate() {
    return say((t) => t.providers.fcm.names.display);
  },
  certificateFacts(c) {
    return { id: c.id, platform: c.platform };
  },
  tokenShape: fcmTokenShape,
  reportWarnings() {
    return [];
  },
  inspect: (cert) => inspectFcm(cert),
  async createSender(settings) {
    const { FcmSender } = await import('./sender.js');
    return fcmTester(new FcmSender(settings), settings);
  },
};
