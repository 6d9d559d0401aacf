// Placeholder until translated.
import { fcm as en } from '../../en/push/fcm.js';

export const fcm: typeof en = en;
