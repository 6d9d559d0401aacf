// The words of vivo's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const vivo = {
  names: {
    display: 'vivo',
    article: 'a',
    device: 'Android (vivo)',
    credentialKind: 'APP ID, APP KEY and APP SECRET',
    token: 'a vivo regId',
    tokenSource: 'the regId from PushClient.getInstance(context).getRegId()',
  } satisfies ProviderNames,
};
