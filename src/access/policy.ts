import type { Config } from '../config/types.js';
import type { Principal } from './principal.js';

/** The actions guarded by `access` in the config. */
export type GuardedAction = 'usersig.generate' | 'push.test';

/**
 * Access rules apply to chat principals only: the CLI runs with its operator's rights, since whoever can
 * read the config already holds the keys. An action missing from `access` is allowed to nobody.
 */
export function isAllowed(config: Config, principal: Principal, action: GuardedAction): boolean {
  if (principal.platform === 'cli') return true;
  const allowed = config.access[action] ?? [];
  const names = principalNames(principal);
  return allowed.some((entry) => names.includes(entry.trim()));
}

/** The strings an access list may name for this principal: `slack:U123`, `discord:42`, `discord:role:7`. */
export function principalNames(principal: Principal): string[] {
  return [`${principal.platform}:${principal.userId}`, ...principal.roles.map((r) => `${principal.platform}:role:${r}`)];
}

export function principalName(principal: Principal): string {
  return `${principal.platform}:${principal.userId}`;
}
