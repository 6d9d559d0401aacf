// The words of fcm's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const fcm = {
  names: {
    display: 'FCM',
    article: 'an',
    device: 'Android (FCM)',
    credentialKind: 'service account',
    token: 'an FCM registration token',
    tokenSource: 'the token from FirebaseMessaging.getToken()',
  } satisfies ProviderNames,
};
