// Placeholder until translated.
import { apns as en } from '../../en/push/apns.js';

export const apns: typeof en = en;
