import { randomBytes } from 'node:crypto';
import type { AppConfig, Config } from '../config/types.js';
import { describeError, type Logger } from '../log.js';
import { UsageError } from '../errors.js';
import { isAllowed, principalName, type GuardedAction } from '../access/policy.js';
import type { AuditLog } from '../store/ports.js';
import { createRateLimiter, type LimitedAction, type RateLimiter } from '../access/rate-limit.js';
import type { PushService } from '../push/types.js';
import { formatTime } from '../format.js';
import { clip } from '../text.js';
import { span } from '../usersig/time.js';
import { errorReply, type Reply } from './reply.js';
import { findSpec, usageLines } from './specs.js';
import type { CoreServices, Principal } from './types.js';

/** What every handler gets: the services, a pinned clock, and the helpers that turn failures into replies. */
export interface Ctx {
  config: Config;
  log: Logger;
  push: PushService;
  audit: AuditLog;
  now: () => number;
  limiter: RateLimiter;
}

export function makeCtx(services: CoreServices): Ctx {
  return {
    config: services.config, log: services.log, push: services.push, audit: services.audit, now: services.now ?? Date.now,
    limiter: createRateLimiter(services.rateLimits),
  };
}

/** A reply that ends the handler early; thrown by helpers so handlers read straight through. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(reply.title);
  }
}

export function appNames(config: Config): string[] {
  return config.apps.map((a) => a.name);
}

/** The named app, or the only one; otherwise a reply that lists the configured names. */
export function resolveApp(config: Config, name: string | undefined, retry: string): AppConfig {
  const names = appNames(config);
  if (config.apps.length === 0) {
    throw new ReplyError(errorReply('No app is configured', `imops has no IM app in its configuration (${config.source}).`,
      'Add the app to imops.yml under `apps:` (name, sdkAppId, secretKey), or set IMOPS_SDKAPPID and IMOPS_SECRET_KEY, then restart imops.'));
  }
  if (name === undefined || name === '') {
    if (config.apps.length === 1) return config.apps[0]!;
    throw new ReplyError(errorReply('Which app?', `Several apps are configured: ${names.join(', ')}.`, `Add the app name at the end, for example: ${retry} ${names[0]}`,
      { blocks: [{ type: 'list', title: 'Configured apps', items: names }] }));
  }
  const app = config.apps.find((a) => a.name === name);
  if (!app) {
    throw new ReplyError(errorReply(`Unknown app "${clip(name, 40)}"`, `No app named "${clip(name, 40)}" is configured.`, `Use one of the configured apps: ${names.join(', ')}.`,
      { blocks: [{ type: 'list', title: 'Configured apps', items: names }] }));
  }
  return app;
}

const ACTION_WORDS: Record<GuardedAction, string> = {
  'usersig.generate': 'generate UserSigs',
  'push.test': 'run push checks',
};

/** Refuse unless the principal is listed; the reply names the exact config line to add. */
export async function requireAccess(ctx: Ctx, principal: Principal, action: GuardedAction, audit: { app?: string; target?: string }): Promise<void> {
  if (isAllowed(ctx.config, principal, action)) return;
  const who = principalName(principal);
  await ctx.audit.record({ principal: who, action, ...audit, outcome: 'denied' });
  throw new ReplyError(errorReply(`You are not allowed to ${ACTION_WORDS[action]}`,
    `${who} is not listed under access.${action} in the imops configuration (${ctx.config.source}).`,
    `Ask an imops admin to add you and restart imops: access.${action}: ["${who}"]`,
    { code: 'ACCESS_DENIED' }));
}

const LIMIT_WORDS: Record<LimitedAction, { what: string; why: string }> = {
  'usersig.generate': {
    what: 'UserSigs',
    why: 'Each UserSig logs in as its user until it expires, so imops caps how many one person can mint: a burst is what a script or a borrowed account looks like.',
  },
  'push.test': {
    what: 'push tests',
    why: 'Each test sends real notifications to the user\'s phones with the app\'s APNs/FCM credentials, so imops caps how often one person can run them: this keeps a chat command from flooding a phone or getting the app throttled by Apple or Google.',
  },
};

/**
 * Count one use against the principal's limit, or refuse with how long to wait and why. Chat principals only:
 * the CLI runs with its operator's own rights. Call it after requireAccess, once the input is known to be good.
 */
export async function requireRate(ctx: Ctx, principal: Principal, action: LimitedAction, audit: { app?: string; target?: string }, extra: Partial<Reply> = {}): Promise<void> {
  if (principal.platform === 'cli') return;
  const who = principalName(principal);
  const decision = ctx.limiter.take(who, action, ctx.now());
  if (decision.allowed) return;
  const wait = span(Math.ceil(decision.retryAfterMs / 1000));
  const { what, why } = LIMIT_WORDS[action];
  const window = span(Math.round(decision.limit.windowMs / 1000));
  await ctx.audit.record({ principal: who, action, ...audit, outcome: 'rate_limited', detail: `${decision.limit.max} per ${window}; retry in ${wait}` });
  throw new ReplyError(errorReply(`Too many ${what}: wait ${wait}`,
    `You have used all ${decision.limit.max} ${what} allowed per person in ${window}. ${why}`,
    `Wait ${wait}, then try again. Other people are not affected; for bulk work, an operator can use the imops CLI on the server, which is not limited.`,
    { status: 'warning', code: 'RATE_LIMITED', ...extra }));
}

export function usageReply(command: string, subcommand: string | undefined, problem: string): Reply {
  const spec = findSpec(command);
  const lines = spec ? usageLines(spec, subcommand) : [];
  return errorReply(`Cannot read that /${command} command`, capitalise(problem) + '.', lines.length === 1 ? `Use: ${lines[0]}` : `Use one of the forms below, or /${command} with nothing to open a form.`,
    { blocks: [{ type: 'list', title: 'Usage', items: lines }] });
}

export function usageErrorReply(err: UsageError, title = 'That input is not valid'): Reply {
  return errorReply(title, capitalise(err.message) + (/[.!?]$/.test(err.message) ? '' : '.'), err.fix ? capitalise(err.fix) : undefined);
}

/** A short ID that is both in the reply and in the log line, so a report can be matched to its stack trace. */
export function correlationId(): string {
  return randomBytes(6).toString('hex');
}

export function internalErrorReply(log: Logger, err: unknown, where: string): Reply {
  const id = correlationId();
  log.error({ correlationId: id, where, err: describeError(err) }, 'command failed');
  return errorReply('Something went wrong inside imops', 'imops hit an internal error and could not finish this command. Nothing was sent or changed.',
    `Try again; if it keeps failing, give correlation ID ${id} to whoever runs imops (it is in the imops log).`,
    { footer: `Correlation ID: ${id}`, code: `ref ${id}` });
}

export { describeError };

/** Run a handler so that it always ends with a reply: an early reply, a usage error with its fix, or an internal error. */
export async function guard(ctx: Ctx, where: string, fn: () => Promise<Reply> | Reply): Promise<Reply> {
  try {
    return await fn();
  } catch (err) {
    return failureReply(ctx, err, where);
  }
}

export function guardSync<T>(ctx: Ctx, where: string, fn: () => T, onReply: (r: Reply) => T): T {
  try {
    return fn();
  } catch (err) {
    return onReply(failureReply(ctx, err, where));
  }
}

export function failureReply(ctx: Ctx, err: unknown, where: string): Reply {
  if (err instanceof ReplyError) return err.reply;
  if (err instanceof UsageError) return usageErrorReply(err);
  return internalErrorReply(ctx.log, err, where);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export { clip } from '../text.js';

/** "2024-05-12 22:13:20 UTC (in 179 days)", or undefined when the time is unknown. */
export function when(iso: string | undefined, nowMs: number): string | undefined {
  if (!iso) return undefined;
  return Number.isNaN(Date.parse(iso)) ? iso : formatTime(iso, nowMs);
}

export { span as duration };
