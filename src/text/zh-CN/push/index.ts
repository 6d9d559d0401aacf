// 推送检查的措辞：每个推送服务一个文件。
import { apns } from './apns.js';
import { fcm } from './fcm.js';
import { huawei } from './huawei.js';
import { honor } from './honor.js';
import { xiaomi } from './xiaomi.js';
import { oppo } from './oppo.js';
import { vivo } from './vivo.js';
import { meizu } from './meizu.js';
import { vendor } from './vendor.js';
import { common } from './common.js';

/** Every push provider's words, keyed by its id, plus the shared vendor and push-check words. */
export const providers = { apns, fcm, huawei, honor, xiaomi, oppo, vivo, meizu };
export const pushWords = { vendor, common };
