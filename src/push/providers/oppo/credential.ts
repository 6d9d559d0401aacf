// OPPO credential health offline: the fields imops.yml must carry, and the classification fields whose absence
// puts every notification under OPPO's marketing quota (shown by `push certs` and in every test result).
import { say, type Words } from '../../../text/index.js';
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import { maskKey } from '../vendor/result.js';
import type { OppoCertificateConfig } from './config.js';

/** OPPO categories [inferred from Tencent's API names and OPPO code 67; vendors.md §4.2]. */
const OPPO_CATEGORIES = ['IM', 'ACCOUNT', 'DEVICE_REMINDER', 'ORDER', 'TODO', 'SUBSCRIPTION', 'NEWS', 'CONTENT', 'MARKETING', 'SOCIAL'];
const OPPO_MARKETING = ['NEWS', 'CONTENT', 'MARKETING', 'SOCIAL'];

/** What is missing from the certificate's classification, as problem + fix (warnings). */
export function oppoClassificationWarnings(cert: OppoCertificateConfig): { problem: Words; fix: Words }[] {
  const out: { problem: Words; fix: Words }[] = [];
  if (!cert.channelId) {
    out.push({ problem: say((t) => t.providers.oppo.noChannel(cert.id)), fix: say((t) => t.providers.oppo.noChannelFix) });
  }
  const category = cert.category;
  if (!category) {
    out.push({ problem: say((t) => t.providers.oppo.noCategory(cert.id)), fix: say((t) => t.providers.oppo.noCategoryFix) });
  } else if (OPPO_MARKETING.includes(category.toUpperCase())) {
    out.push({
      problem: say((t) => t.providers.oppo.marketingCategory(cert.id, category)),
      fix: say((t) => t.providers.oppo.marketingCategoryFix),
    });
  }
  return out;
}

export async function inspectOppo(cert: OppoCertificateConfig): Promise<Inspection<OppoCertificateConfig>> {
  const c = new Collector();
  if (cert.masterSecret.trim() === cert.appKey.trim()) {
    c.fail(
      say((t) => t.providers.oppo.sameKeys),
      say((t) => t.providers.oppo.sameKeysFix),
    );
  }
  if (/\s/.test(cert.appKey) || /\s/.test(cert.masterSecret)) {
    c.fail(
      say((t) => t.providers.oppo.spaces),
      say((t) => t.providers.oppo.spacesFix),
    );
  }
  const category = cert.category;
  if (category && !OPPO_CATEGORIES.includes(category.toUpperCase())) {
    c.warn(
      say((t) => t.providers.oppo.unknownCategory(category, OPPO_CATEGORIES)),
      say((t) => t.providers.oppo.unknownCategoryFix),
    );
  }
  const level = cert.notifyLevel;
  if (level !== undefined && ![1, 2, 16].includes(level)) {
    c.warn(
      say((t) => t.providers.oppo.notifyLevel(level)),
      say((t) => t.providers.oppo.notifyLevelFix),
    );
  }
  for (const w of oppoClassificationWarnings(cert)) c.warn(w.problem, w.fix);
  const summary = say((t) => t.providers.oppo.summary(maskKey(cert.appKey), cert.channelId, cert.category));
  return finish(cert, summary, c, c.problems.some((p) => p.level === 'failure') ? undefined : cert);
}
