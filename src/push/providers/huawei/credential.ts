// Huawei credential health from the config alone (`push certs`): IDs that look like AppGallery Connect's, a
// secret that is set, and the message category that keeps test pushes out of the marketing quota.
import { Collector, finish } from '../health.js';
import type { Inspection } from '../types.js';
import { secretProblems } from '../vendor/secret.js';
import type { VendorLoaded } from '../vendor/result.js';
import { HUAWEI_CATEGORIES, type HuaweiCertificateConfig } from './config.js';

export function huaweiCategoryNote(cert: HuaweiCertificateConfig): string | undefined {
  if (cert.category === undefined) {
    return `Certificate ${cert.id} has no category, so Huawei counts every notification as marketing: 2 per device per day (5 for news apps), then they are dropped silently.`;
  }
  if (!HUAWEI_CATEGORIES.includes(cert.category)) {
    return `Certificate ${cert.id} has category ${cert.category}, which is not one Push Kit documents (${HUAWEI_CATEGORIES.join(', ')}); Huawei may reject it or count the message as marketing.`;
  }
  return undefined;
}

const CATEGORY_FIX =
  'Apply for self-classification rights in AppGallery Connect > Grow > Push Kit > Self-classification rights, then set `category` of this certificate in imops.yml to the approved category (IM for chat messages).';

export async function inspectHuawei(cert: HuaweiCertificateConfig): Promise<Inspection<VendorLoaded>> {
  const c = new Collector();
  if (!/^\d+$/.test(cert.appId)) {
    c.warn(
      `appId ${cert.appId} is not all digits; AppGallery Connect App IDs are numbers (such as 104000001).`,
      'Copy the App ID from AppGallery Connect > Project settings > App information (not the package name or the project ID).',
    );
  }
  if (cert.clientId !== cert.appId && !/^\d+$/.test(cert.clientId)) {
    c.warn(
      `clientId ${cert.clientId} is not all digits; Huawei OAuth client IDs are numbers.`,
      'Copy the OAuth 2.0 client ID from AppGallery Connect > Project settings > App information (for the app-level credential it is the App ID).',
    );
  }
  for (const p of secretProblems(cert.clientSecret, 'clientSecret'))
    c.fail(p, 'Set clientSecret to the client secret from AppGallery Connect > Project settings > App information.');
  const note = huaweiCategoryNote(cert);
  if (note) c.warn(note, CATEGORY_FIX);
  const summary = `App ID ${cert.appId}, OAuth client ${cert.clientId}, category ${cert.category ?? '(none: marketing quota)'}`;
  return finish(cert, summary, c, { notes: note ? [note] : [] });
}
