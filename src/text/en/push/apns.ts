// The words of apns's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const apns = {
  names: {
    display: 'APNs',
    article: 'an',
    device: 'iOS (APNs)',
    credentialKind: 'key or certificate',
    token: 'an APNs device token (hex)',
    tokenSource: 'the APNs device token from didRegisterForRemoteNotificationsWithDeviceToken',
  } satisfies ProviderNames,
};
