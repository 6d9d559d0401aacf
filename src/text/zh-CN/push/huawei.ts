// Placeholder until translated.
import { huawei as en } from '../../en/push/huawei.js';

export const huawei: typeof en = en;
