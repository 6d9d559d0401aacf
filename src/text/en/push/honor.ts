// The words of honor's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const honor = {
  names: {
    display: 'Honor Push',
    article: 'a',
    device: 'Android (Honor Push)',
    credentialKind: 'OAuth client',
    token: 'a Honor Push token',
    tokenSource: 'the token from HonorPushClient.getPushToken()',
  } satisfies ProviderNames,
};
