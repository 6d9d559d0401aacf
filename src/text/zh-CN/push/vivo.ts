// Placeholder until translated.
import { vivo as en } from '../../en/push/vivo.js';

export const vivo: typeof en = en;
