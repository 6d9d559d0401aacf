/** `api`: a client app calling the device API with its user's UserSig. */
export type Platform = 'slack' | 'discord' | 'cli' | 'api';

/** Who is asking. `roles` are platform role IDs (Discord); access rules match `platform:userId` and `platform:role:id`. */
export interface Principal {
  platform: Platform;
  userId: string;
  roles: string[];
  /** Where the command was typed, for the audit log. */
  channelId?: string;
}
