// Tencent IM: REST client, the calls imops makes, the callback receiver's parsing.
import type { AppConfig, ImConfig } from '../config/types.js';
import { createImClient, type ImClient, type ImClientOptions } from './client.js';

export * from './api.js';
export { ADMIN_SIG_SECONDS, createImClient, ImRestError, randomUint32, type ImClient, type ImClientOptions } from './client.js';
export { IM_REGIONS, IM_REGION_HOSTS, type ImRegion } from './regions.js';
export { IM_PROBLEMS, IM_REST_ERRORS, imRestErrorRow, type ImDetail, type ImDetailKind, type ImProblem } from './rest-errors.js';

export const hasIm = (app: AppConfig): app is AppConfig & { im: ImConfig } => app.im !== undefined;

/** One client per app, kept for the process (its admin UserSig is cached while valid). */
export function imClients(options: ImClientOptions = {}): (app: AppConfig) => ImClient | undefined {
  const clients = new Map<string, ImClient>();
  return (app) => {
    if (!hasIm(app)) return undefined;
    let c = clients.get(app.name);
    if (!c || c.app !== app) {
      c = createImClient(app, options);
      clients.set(app.name, c);
    }
    return c;
  };
}
