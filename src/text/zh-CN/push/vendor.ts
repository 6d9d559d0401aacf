// Placeholder until translated.
import { vendor as en } from '../../en/push/vendor.js';

export const vendor: typeof en = en;
