// Meizu credential health offline: what can be known without a request (Meizu has no token endpoint).
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import type { MeizuCertificateConfig } from './config.js';
import { MEIZU_CONSOLE } from './reasons.js';

export async function inspectMeizu(cert: MeizuCertificateConfig): Promise<Inspection<MeizuCertificateConfig>> {
  const c = new Collector();
  if (!/^\d+$/.test(cert.appId)) {
    c.fail(`appId ${cert.appId} is not a number: Meizu's App ID is numeric.`, `Copy the App ID from ${MEIZU_CONSOLE} > 应用信息.`);
  }
  if (/\s/.test(cert.appSecret)) {
    c.fail('appSecret contains spaces or line breaks, so every signature will be wrong (Meizu code 1006).', 'Paste the App Secret again without spaces.');
  }
  const summary = `App ID ${cert.appId} (per-request signatures; no token to check offline)`;
  return finish(cert, summary, c, c.problems.some((p) => p.level === 'failure') ? undefined : cert);
}
