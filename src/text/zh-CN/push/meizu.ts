// Placeholder until translated.
import { meizu as en } from '../../en/push/meizu.js';

export const meizu: typeof en = en;
