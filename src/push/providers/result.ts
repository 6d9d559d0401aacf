// Building a device's PushResult, the same way for every provider.
import { maskToken } from '../../log.js';
import type { Device, PushResult } from '../types.js';
import type { PushVerdict } from '../verdicts.js';
import type { Text } from '../../text/index.js';

export function pushResult(
  device: Device,
  platform: PushResult['platform'],
  verdict: PushVerdict,
  cause: Text,
  fix: Text,
  provider: PushResult['provider'],
  id?: string,
): PushResult {
  return {
    certificateId: device.certificateId,
    platform,
    token: maskToken(device.token),
    ok: verdict === 'DELIVERED',
    verdict,
    cause,
    fix,
    provider,
    ...(id !== undefined && { id }),
  };
}

/** A full token must never leave in a message, whatever a library put in its error text. */
export function scrub(text: string, token: string): string {
  return token.length >= 8 ? text.split(token).join(maskToken(token)) : text;
}

/** Never echo key material or access tokens, whatever a library put in its message. */
export function stripSecrets(text: string): string {
  return text.replace(/-----BEGIN[\s\S]*?-----END[^-]*-----/g, '[key material]').replace(/ya29\.[\w.-]+/g, '[access token]');
}

/**
 * What every test push shows: the alert a person may see on the phone. English on purpose, not from the catalogue:
 * it is shown to the app's user, whose language imops does not know (it is not the support engineer's).
 */
export const TEST_ALERT = {
  title: 'imops test notification',
  body: 'This is a test push sent from imops by your support team to check notifications. You can ignore it.',
};
