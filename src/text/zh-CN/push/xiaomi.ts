// Placeholder until translated.
import { xiaomi as en } from '../../en/push/xiaomi.js';

export const xiaomi: typeof en = en;
