// vivo credential health offline: the fields imops.yml must carry, test mode, and the classification whose
// absence makes every notification an operation message (marketing quota, 07:00–23:00 only).
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import { VIVO_OPERATION_CATEGORIES, VIVO_SYSTEM_CATEGORIES, type VivoCertificateConfig } from './config.js';
import { VIVO_CONSOLE } from './reasons.js';

export function vivoClassificationWarnings(cert: VivoCertificateConfig): { problem: string; fix: string }[] {
  const category = cert.category?.toUpperCase();
  if (!category) {
    return [
      {
        problem: `Certificate ${cert.id} has no category: vivo treats the message as an operation (marketing) message, limited to 2 per device per day and sent only between 07:00 and 23:00.`,
        fix: `Set category to a system category approved for the app (IM for chat) in imops.yml, as configured in ${VIVO_CONSOLE} > 消息分类.`,
      },
    ];
  }
  if (VIVO_OPERATION_CATEGORIES.includes(category)) {
    return [
      {
        problem: `Certificate ${cert.id} has category ${cert.category}, an operation (marketing) category: vivo limits it to 2 per device per day, between 07:00 and 23:00.`,
        fix: 'For chat messages use category IM.',
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
    c.fail(`appId ${cert.appId} is not a number: vivo's APP ID is numeric.`, `Copy the APP ID from ${VIVO_CONSOLE} > 应用信息.`);
  }
  if (/\s/.test(cert.appKey) || /\s/.test(cert.appSecret)) {
    c.fail('appKey or appSecret contains spaces or line breaks, so vivo will reject the signature.', 'Paste the values again without spaces.');
  }
  if (cert.appKey.trim() === cert.appSecret.trim()) {
    c.fail('appKey and appSecret are the same value: vivo issues two different ones.', `Copy both again from ${VIVO_CONSOLE} > 应用信息.`);
  }
  const category = cert.category?.toUpperCase();
  if (category && !VIVO_SYSTEM_CATEGORIES.includes(category) && !VIVO_OPERATION_CATEGORIES.includes(category)) {
    c.warn(
      `category ${cert.category} is not a vivo category (${[...VIVO_SYSTEM_CATEGORIES, ...VIVO_OPERATION_CATEGORIES].join(', ')}).`,
      'Use IM for chat messages.',
    );
  }
  if (cert.pushMode === 1) {
    c.warn(
      'pushMode is 1 (test push): vivo delivers only to the test devices registered in its console (at most 20); every other phone gets nothing and the test reports it as an error.',
      `Register the phone's regId in ${VIVO_CONSOLE} > 测试设备, or set pushMode: 0 once the app is a formal (not restricted) app.`,
    );
  }
  for (const w of vivoClassificationWarnings(cert)) c.warn(w.problem, w.fix);
  const summary = `APP ID ${cert.appId}, category ${cert.category ?? '(none)'}, ${cert.pushMode === 1 ? 'test push (pushMode 1)' : 'formal push'}`;
  return finish(cert, summary, c, c.problems.some((p) => p.level === 'failure') ? undefined : cert);
}
