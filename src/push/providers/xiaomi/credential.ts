// Xiaomi credential health from the config alone: a package name that is one, a secret that is set, and the
// channel that keeps test pushes off the default channel (one push per device per day).
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import type { VendorLoaded } from '../vendor/result.js';
import { secretProblems } from '../vendor/secret.js';
import type { XiaomiCertificateConfig } from './config.js';

export function xiaomiChannelNote(cert: XiaomiCertificateConfig): string | undefined {
  return cert.channelId === undefined
    ? `Certificate ${cert.id} has no channelId, so Xiaomi sends on the default channel: 1 push per device per day, and apps that moved to the new message classification get every such push rejected.`
    : undefined;
}

export async function inspectXiaomi(cert: XiaomiCertificateConfig): Promise<Inspection<VendorLoaded>> {
  const c = new Collector();
  if (!/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/.test(cert.packageName)) {
    c.fail(
      `packageName ${cert.packageName} is not an Android package name (such as com.example.app).`,
      "Set packageName to the app's package name as registered in the Xiaomi open platform (dev.mi.com) > Push.",
    );
  }
  for (const p of secretProblems(cert.appSecret, 'appSecret'))
    c.fail(p, 'Set appSecret to the AppSecret from the Xiaomi open platform (dev.mi.com) > Push > Application information.');
  const note = xiaomiChannelNote(cert);
  if (note) {
    c.warn(
      note,
      'Create a channel in the Xiaomi open platform (dev.mi.com) > Push > Message classification (private messages for chat, after approval) and set channelId of this certificate to its ID.',
    );
  }
  return finish(cert, `package ${cert.packageName}, channel ${cert.channelId ?? '(none: default channel, 1 a day)'}`, c, { notes: note ? [note] : [] });
}
