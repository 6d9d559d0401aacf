import type { Locale } from '../text/locale.js';

/** `api`: a client app calling the device API with its user's UserSig. */
export type Platform = 'slack' | 'discord' | 'cli' | 'api';

/** Who is asking. `roles` are platform role IDs (Discord); access rules match `platform:userId` and `platform:role:id`. */
export interface Principal {
  platform: Platform;
  userId: string;
  roles: string[];
  /** Where the command was typed, for the audit log. */
  channelId?: string;
  /** The person's language as their chat client says (Discord's interaction locale, Slack's user locale). */
  locale?: Locale;
  /** The person's IANA time zone when the platform tells it (Slack's user profile). */
  timeZone?: string;
  /** The Slack workspace (team ID), whose configured language applies when the person's own is unknown. */
  workspace?: string;
}
