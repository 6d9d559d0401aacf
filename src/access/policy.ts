import type { Config } from '../config/types.js';
import type { Principal } from './principal.js';

/**
 * The actions guarded by `access` in the config: the one list the config schema checks keys against and the
 * serve banner walks, so a new action is one line here.
 */
export const GUARDED_ACTIONS = ['usersig.generate', 'push.test'] as const;
export type GuardedAction = (typeof GUARDED_ACTIONS)[number];

/** An access list entry that allows every chat principal (any platform, any user). */
export const EVERYONE = '*';

/**
 * Access rules apply to chat principals only: the CLI runs with its operator's rights, since whoever can
 * read the config already holds the keys. An action missing from `access` is allowed to nobody; `"*"` in its
 * list allows it to everyone who can reach the bot.
 */
export function isAllowed(config: Config, principal: Principal, action: GuardedAction): boolean {
  if (principal.platform === 'cli') return true;
  const allowed = (config.access[action] ?? []).map((entry) => entry.trim());
  if (allowed.includes(EVERYONE)) return true;
  const names = principalNames(principal);
  return allowed.some((entry) => names.includes(entry));
}

/** The strings an access list may name for this principal: `slack:U123`, `discord:42`, `discord:role:7`. */
export function principalNames(principal: Principal): string[] {
  return [`${principal.platform}:${principal.userId}`, ...principal.roles.map((r) => `${principal.platform}:role:${r}`)];
}

export function principalName(principal: Principal): string {
  return `${principal.platform}:${principal.userId}`;
}
