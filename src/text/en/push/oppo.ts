// The words of oppo's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const oppo = {
  names: {
    display: 'OPPO',
    article: 'an',
    device: 'Android (OPPO)',
    credentialKind: 'AppKey and MasterSecret',
    token: 'an OPPO registration ID',
    tokenSource: 'the registration ID from HeytapPushManager.getRegisterID()',
  } satisfies ProviderNames,
};
