// Every provider says how a sweep tests its devices unseen, and one that claims a silent push or a dry run has
// a sender that can send it (a provider without a dry run needs nothing more than its sweepMode).
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { PROVIDERS, providerFor } from '../../src/push/providers/index.js';

describe('sweep modes', () => {
  it.each(PROVIDERS.map((p) => [p.id]))('%s declares a sweep mode its sender supports', async (id) => {
    const provider = providerFor(id);
    expect(['background', 'validate_only', 'credential_and_token']).toContain(provider.sweepMode);
    if (provider.sweepMode === 'credential_and_token') return;
    const sender = await provider.createSender(provider.defaults, createLogger({ level: 'silent' }));
    try {
      expect(typeof sender.sweep).toBe('function');
    } finally {
      await sender.close();
    }
  });

  it('APNs sweeps with background pushes and FCM with dry runs', () => {
    expect(providerFor('apns').sweepMode).toBe('background');
    expect(providerFor('fcm').sweepMode).toBe('validate_only');
  });
});
