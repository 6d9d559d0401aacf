// Xiaomi credential health from the config alone: a package name that is one, a secret that is set, and the
// channel that keeps test pushes off the default channel (one push per device per day).
import { say, type Words } from '../../../text/index.js';
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import type { VendorLoaded } from '../vendor/result.js';
import { secretProblems } from '../vendor/secret.js';
import type { XiaomiCertificateConfig } from './config.js';

export function xiaomiChannelNote(cert: XiaomiCertificateConfig): Words | undefined {
  return cert.channelId === undefined ? say((t) => t.providers.xiaomi.channelNote(cert.id)) : undefined;
}

export async function inspectXiaomi(cert: XiaomiCertificateConfig): Promise<Inspection<VendorLoaded>> {
  const c = new Collector();
  if (!/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/.test(cert.packageName)) {
    c.fail(
      say((t) => t.providers.xiaomi.notAPackage(cert.packageName)),
      say((t) => t.providers.xiaomi.packageFix),
    );
  }
  for (const p of secretProblems(cert.appSecret, 'appSecret'))
    c.fail(
      p,
      say((t) => t.providers.xiaomi.secretFix),
    );
  const note = xiaomiChannelNote(cert);
  if (note)
    c.warn(
      note,
      say((t) => t.providers.xiaomi.channelFix),
    );
  return finish(
    cert,
    say((t) => t.providers.xiaomi.summary(cert.packageName, cert.channelId)),
    c,
    { notes: note ? [note] : [] },
  );
}
