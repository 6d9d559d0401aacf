// Placeholder until translated.
import { common as en } from '../../en/push/common.js';

export const common: typeof en = en;
