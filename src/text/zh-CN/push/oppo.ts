// Placeholder until translated.
import { oppo as en } from '../../en/push/oppo.js';

export const oppo: typeof en = en;
