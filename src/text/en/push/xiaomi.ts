// The words of xiaomi's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const xiaomi = {
  names: {
    display: 'Xiaomi Mi Push',
    article: 'a',
    device: 'Android (Xiaomi Mi Push)',
    credentialKind: 'AppSecret',
    token: 'a Xiaomi regId',
    tokenSource: 'the regId from MiPushClient.getRegId()',
  } satisfies ProviderNames,
};
