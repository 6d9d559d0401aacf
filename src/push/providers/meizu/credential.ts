// Meizu credential health offline: what can be known without a request (Meizu has no token endpoint).
import { say } from '../../../text/index.js';
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import type { MeizuCertificateConfig } from './config.js';

export async function inspectMeizu(cert: MeizuCertificateConfig): Promise<Inspection<MeizuCertificateConfig>> {
  const c = new Collector();
  if (!/^\d+$/.test(cert.appId)) {
    c.fail(
      say((t) => t.providers.meizu.appIdNotNumber(cert.appId)),
      say((t) => t.providers.meizu.appIdFix),
    );
  }
  if (/\s/.test(cert.appSecret)) {
    c.fail(
      say((t) => t.providers.meizu.spaces),
      say((t) => t.providers.meizu.spacesFix),
    );
  }
  const summary = say((t) => t.providers.meizu.summary(cert.appId));
  return finish(cert, summary, c, c.problems.some((p) => p.level === 'failure') ? undefined : cert);
}
