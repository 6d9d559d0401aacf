// The words of huawei's answers: its names, reason table (cause and fix per code) and the sentences its sender,
// credential check and token check build. Keys are the provider's own codes.
import type { ProviderNames } from './names.js';

export const huawei = {
  names: {
    display: 'Huawei Push Kit',
    article: 'a',
    device: 'Android (Huawei Push Kit)',
    credentialKind: 'OAuth client',
    token: 'a Huawei Push Kit token',
    tokenSource: 'the token from HmsInstanceId.getToken()',
  } satisfies ProviderNames,
};
