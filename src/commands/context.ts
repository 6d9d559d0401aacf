// What every command module gets, and the one way a module turns a check's outcome into a reply.
import { createRateLimiter, createSharedRateLimiter, RATE_LIMITS } from '../access/rate-limit.js';
import { runCheck, type Check, type CheckDeps } from '../checks/check.js';
import { RefusedError } from '../checks/refusal.js';
import { UsageError } from '../errors.js';
import { describeError } from '../log.js';
import { internalErrorReply, refusalReply, usageErrorReply } from '../present/common.js';
import type { Reply } from '../present/reply.js';
import type { Config } from '../config/types.js';
import { catalogue, DEFAULT_LOCALE, type Catalogue } from '../text/index.js';
import type { CoreServices, Principal } from './types.js';

export interface Ctx {
  deps: CheckDeps & Required<Pick<CheckDeps, 'now'>>;
  t: Catalogue;
}

export function makeCtx(services: CoreServices): Ctx {
  return {
    deps: {
      config: services.config,
      log: services.log,
      push: services.push,
      audit: services.audit,
      ...(services.devices && { devices: services.devices }),
      now: services.now ?? Date.now,
      limiter: services.rateWindows
        ? createSharedRateLimiter(services.rateLimits ?? RATE_LIMITS, services.rateWindows)
        : createRateLimiter(services.rateLimits),
      ...(services.metrics && { metrics: services.metrics }),
      ...(services.events && { events: services.events }),
      ...(services.im && { im: services.im }),
    },
    t: catalogue(services.config.locale?.default ?? DEFAULT_LOCALE, services.config.locale?.timeZone),
  };
}

/** A reply that ends a handler early; thrown by helpers so handlers read straight through. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(reply.title);
  }
}

/**
 * Run a check for a chat principal and word what came back: the finding through `present`, a refusal or a usage
 * problem with its fix, anything else as an internal error with a correlation ID. Never throws.
 * `retry` is the command to repeat with an app name (for "Which app?"); `extra` is added to a refusal's reply.
 */
export async function chat<I, P, F>(
  ctx: Ctx,
  principal: Principal,
  check: Check<I, P, F>,
  input: I,
  present: (f: F) => Reply,
  opts: { retry: string; extra?: Partial<Reply> },
): Promise<Reply> {
  try {
    return present(await runCheck(ctx.deps, principal, check, input));
  } catch (err) {
    if (err instanceof RefusedError) return { ...refusalReply(ctx.t, err.refusal, opts.retry), ...opts.extra };
    return failureReply(ctx, err, check.name);
  }
}

export function failureReply(ctx: Ctx, err: unknown, where: string): Reply {
  if (err instanceof ReplyError) return err.reply;
  if (err instanceof RefusedError) return refusalReply(ctx.t, err.refusal, '');
  if (err instanceof UsageError) return usageErrorReply(ctx.t, err);
  return internalErrorReply(ctx.t, ctx.deps.log, err, where);
}

/** Run a handler so that it always ends with a reply. */
export async function guard(ctx: Ctx, where: string, fn: () => Promise<Reply> | Reply): Promise<Reply> {
  try {
    return await fn();
  } catch (err) {
    return failureReply(ctx, err, where);
  }
}

export { describeError };

/**
 * The words for a person: their own language when their chat client says, else their Slack workspace's configured
 * language, else the configured default (English without one); times in their zone, else the configured zone.
 */
export function readerCatalogue(config: Config, p: Pick<Principal, 'locale' | 'timeZone' | 'workspace'>): Catalogue {
  const settings = config.locale;
  const locale = p.locale ?? (p.workspace ? settings?.workspaces[p.workspace] : undefined) ?? settings?.default ?? DEFAULT_LOCALE;
  return catalogue(locale, p.timeZone ?? settings?.timeZone);
}
