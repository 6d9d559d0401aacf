// Placeholder until translated.
import { honor as en } from '../../en/push/honor.js';

export const honor: typeof en = en;
