// The words of meizu's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const meizu = {
  names: {
    display: 'Meizu',
    article: 'a',
    device: 'Android (Meizu)',
    credentialKind: 'App ID and App Secret',
    token: 'a Meizu pushId',
    tokenSource: 'the pushId from MzPushMessageReceiver.onRegisterStatus()',
  } satisfies ProviderNames,
};
