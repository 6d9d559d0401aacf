import { userInfo } from 'node:os';
import type { Principal } from '../access/principal.js';

/**
 * The CLI's principal: its operator, by OS account, for the audit log. The CLI runs with the operator's rights
 * (whoever can read the config holds the keys): access lists and rate limits are for chat principals.
 */
export function operator(): Principal {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (a container's arbitrary UID): the audit still says it came from the CLI.
  }
  return { platform: 'cli', userId: name, roles: [] };
}
