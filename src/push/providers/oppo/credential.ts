// OPPO credential health offline: the fields imops.yml must carry, and the classification fields whose absence
// puts every notification under OPPO's marketing quota (shown by `push certs` and in every test result).
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import type { OppoCertificateConfig } from './config.js';
import { OPPO_CONSOLE } from './reasons.js';
import { maskKey } from '../vendor/result.js';

/** OPPO categories [inferred from Tencent's API names and OPPO code 67; vendors.md §4.2]. */
const OPPO_CATEGORIES = ['IM', 'ACCOUNT', 'DEVICE_REMINDER', 'ORDER', 'TODO', 'SUBSCRIPTION', 'NEWS', 'CONTENT', 'MARKETING', 'SOCIAL'];
const OPPO_MARKETING = ['NEWS', 'CONTENT', 'MARKETING', 'SOCIAL'];

/** What is missing from the certificate's classification, as problem + fix (warnings). */
export function oppoClassificationWarnings(cert: OppoCertificateConfig): { problem: string; fix: string }[] {
  const out: { problem: string; fix: string }[] = [];
  if (!cert.channelId) {
    out.push({
      problem: `Certificate ${cert.id} has no channelId: on Android 8+ OPPO phones may show nothing without a notification channel, and the message counts as 内容与营销 (marketing), limited to 2 per device per day (5 for news apps).`,
      fix: `Register a 通讯与服务 channel in ${OPPO_CONSOLE} > 通道配置, create it in the app, and set channelId to its ID in imops.yml (the same value as the app's setAndroidOPPOChannelID).`,
    });
  }
  if (!cert.category) {
    out.push({
      problem: `Certificate ${cert.id} has no category: OPPO classifies the message as 内容与营销 (marketing), limited to 2 per device per day and by the app's daily public quota (code 33).`,
      fix: `Set category (for example IM) to a category approved for the app in ${OPPO_CONSOLE} > 消息分类.`,
    });
  } else if (OPPO_MARKETING.includes(cert.category.toUpperCase())) {
    out.push({
      problem: `Certificate ${cert.id} has category ${cert.category}, a 内容与营销 (marketing) category: OPPO limits it to 2 per device per day.`,
      fix: 'For chat messages use category IM with an approved 通讯与服务 channel.',
    });
  }
  return out;
}

export async function inspectOppo(cert: OppoCertificateConfig): Promise<Inspection<OppoCertificateConfig>> {
  const c = new Collector();
  if (cert.masterSecret.trim() === cert.appKey.trim()) {
    c.fail(
      'masterSecret is the same as appKey: the auth request is signed with the MasterSecret, a different value.',
      `Copy the MasterSecret from ${OPPO_CONSOLE} > 配置管理 (only the main developer account sees it) into masterSecret.`,
    );
  }
  if (/\s/.test(cert.appKey) || /\s/.test(cert.masterSecret)) {
    c.fail('appKey or masterSecret contains spaces or line breaks, so OPPO will reject the signature.', 'Paste the values again without spaces.');
  }
  if (cert.category && !OPPO_CATEGORIES.includes(cert.category.toUpperCase())) {
    c.warn(
      `category ${cert.category} is not one of the OPPO categories imops knows (${OPPO_CATEGORIES.join(', ')}); OPPO answers code 67 if it does not accept it.`,
      `Use the category approved for the app in ${OPPO_CONSOLE} > 消息分类.`,
    );
  }
  if (cert.notifyLevel !== undefined && ![1, 2, 16].includes(cert.notifyLevel)) {
    c.warn(
      `notifyLevel ${cert.notifyLevel} is not 1 (shade), 2 (shade and lock screen) or 16 (strong reminder, needs approval).`,
      'Use notifyLevel 2, or remove it.',
    );
  }
  for (const w of oppoClassificationWarnings(cert)) c.warn(w.problem, w.fix);
  const summary = `AppKey ${maskKey(cert.appKey)}, channel ${cert.channelId ?? '(none)'}, category ${cert.category ?? '(none)'}`;
  return finish(cert, summary, c, c.problems.some((p) => p.level === 'failure') ? undefined : cert);
}
