// Huawei credential health from the config alone (`push certs`): IDs that look like AppGallery Connect's, a
// secret that is set, and the message category that keeps test pushes out of the marketing quota.
import { say, type Words } from '../../../text/index.js';
import { Collector } from '../health.js';
import type { Inspection } from '../types.js';
import { fail, finishWith, warn } from '../vendor/inspection.js';
import type { VendorLoaded } from '../vendor/result.js';
import { secretProblemWords } from '../vendor/secret.js';
import { HUAWEI_CATEGORIES, type HuaweiCertificateConfig } from './config.js';

export function huaweiCategoryNote(cert: HuaweiCertificateConfig): Words | undefined {
  const { id, category } = cert;
  if (category === undefined) return say((t) => t.providers.huawei.categoryMissing(id));
  if (!HUAWEI_CATEGORIES.includes(category)) return say((t) => t.providers.huawei.categoryUnknown(id, category, HUAWEI_CATEGORIES));
  return undefined;
}

export async function inspectHuawei(cert: HuaweiCertificateConfig): Promise<Inspection<VendorLoaded>> {
  const c = new Collector();
  const { appId, clientId } = cert;
  if (!/^\d+$/.test(appId)) {
    warn(
      c,
      say((t) => t.providers.huawei.appIdNotDigits(appId)),
      say((t) => t.providers.huawei.appIdFix),
    );
  }
  if (clientId !== appId && !/^\d+$/.test(clientId)) {
    warn(
      c,
      say((t) => t.providers.huawei.clientIdNotDigits(clientId)),
      say((t) => t.providers.huawei.clientIdFix),
    );
  }
  for (const p of secretProblemWords(cert.clientSecret, 'clientSecret'))
    fail(
      c,
      p,
      say((t) => t.providers.huawei.secretFix),
    );
  const note = huaweiCategoryNote(cert);
  if (note)
    warn(
      c,
      note,
      say((t) => t.providers.huawei.categoryFix),
    );
  const summary = say((t) => t.providers.huawei.summary(appId, clientId, cert.category));
  return finishWith(cert, summary, c, { notes: note ? [note] : [] });
}
