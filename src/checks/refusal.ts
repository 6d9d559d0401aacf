import type { GuardedAction } from '../access/policy.js';
import type { LimitedAction } from '../access/rate-limit.js';
import type { AppConfig, Config } from '../config/types.js';

/** Why a check did not run: typed facts, worded by src/present for chat and by the CLI for a shell. */
export type Refusal =
  | { kind: 'denied'; action: GuardedAction; principal: string; source: string }
  | { kind: 'rate_limited'; action: LimitedAction; max: number; windowMs: number; retryAfterMs: number }
  | { kind: 'no_app'; source: string }
  | { kind: 'which_app'; apps: string[] }
  | { kind: 'unknown_app'; name: string; apps: string[] };

/** A run that stopped at a guard: the surface renders the refusal in its own way. */
export class RefusedError extends Error {
  override name = 'RefusedError';
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

export const appNames = (config: Config): string[] => config.apps.map((a) => a.name);

/** The named app, or the only one; otherwise a refusal that lists the configured names. */
export function requireApp(config: Config, name: string | undefined): AppConfig {
  const apps = appNames(config);
  if (config.apps.length === 0) throw new RefusedError({ kind: 'no_app', source: config.source });
  if (name === undefined || name === '') {
    if (config.apps.length === 1) return config.apps[0]!;
    throw new RefusedError({ kind: 'which_app', apps });
  }
  const app = config.apps.find((a) => a.name === name);
  if (!app) throw new RefusedError({ kind: 'unknown_app', name, apps });
  return app;
}

/** Why `name` does not resolve to an app, or undefined when it does. */
export function appRefusal(config: Config, name: string | undefined): Refusal | undefined {
  try {
    requireApp(config, name);
    return undefined;
  } catch (err) {
    if (err instanceof RefusedError) return err.refusal;
    throw err;
  }
}
