// vivo credential health offline: the fields imops.yml must carry, test mode, and the classification whose
// absence makes every notification an operation message (marketing quota, 07:00–23:00 only).
import { say, type Words } from '../../../text/index.js';
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import { VIVO_OPERATION_CATEGORIES, VIVO_SYSTEM_CATEGORIES, type VivoCertificateConfig } from './config.js';

export function vivoClassificationWarnings(cert: VivoCertificateConfig): { problem: Words; fix: Words }[] {
  const category = cert.category?.toUpperCase();
  if (!category) {
    return [{ problem: say((t) => t.providers.vivo.noCategory(cert.id)), fix: say((t) => t.providers.vivo.noCategoryFix) }];
  }
  if (VIVO_OPERATION_CATEGORIES.includes(category)) {
    const written = cert.category ?? category;
    return [
      {
        problem: say((t) => t.providers.vivo.operationCategory(cert.id, written)),
        fix: say((t) => t.providers.vivo.operationCategoryFix),
      },
    ];
  }
  return [];
}

/** vivo's classification for the category: 1 system, 0 operation. */
export function vivoClassification(cert: VivoCertificateConfig): 0 | 1 {
  return cert.category && VIVO_SYSTEM_CATEGORIES.includes(cert.category.toUpperCase()) ? 1 : 0;
}

export async function inspectVivo(cert: VivoCertificateConfig): Promise<Inspection<VivoCertificateConfig>> {
  const c = new Collector();
  if (!/^\d+$/.test(cert.appId)) {
    c.fail(
      say((t) => t.providers.vivo.appIdNotNumber(cert.appId)),
      say((t) => t.providers.vivo.appIdFix),
    );
  }
  if (/\s/.test(cert.appKey) || /\s/.test(cert.appSecret)) {
    c.fail(
      say((t) => t.providers.vivo.spaces),
      say((t) => t.providers.vivo.spacesFix),
    );
  }
  if (cert.appKey.trim() === cert.appSecret.trim()) {
    c.fail(
      say((t) => t.providers.vivo.sameKeys),
      say((t) => t.providers.vivo.sameKeysFix),
    );
  }
  const category = cert.category;
  const upper = category?.toUpperCase();
  if (category && upper && !VIVO_SYSTEM_CATEGORIES.includes(upper) && !VIVO_OPERATION_CATEGORIES.includes(upper)) {
    c.warn(
      say((t) => t.providers.vivo.unknownCategory(category, [...VIVO_SYSTEM_CATEGORIES, ...VIVO_OPERATION_CATEGORIES])),
      say((t) => t.providers.vivo.unknownCategoryFix),
    );
  }
  if (cert.pushMode === 1) {
    c.warn(
      say((t) => t.providers.vivo.testMode),
      say((t) => t.providers.vivo.testModeFix),
    );
  }
  for (const w of vivoClassificationWarnings(cert)) c.warn(w.problem, w.fix);
  const summary = say((t) => t.providers.vivo.summary(cert.appId, cert.category, cert.pushMode === 1));
  return finish(cert, summary, c, c.problems.some((p) => p.level === 'failure') ? undefined : cert);
}
