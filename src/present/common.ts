// Replies every surface shares: refusals, usage errors, internal errors. Words come from the catalogue.
import { randomBytes } from 'node:crypto';
import type { Refusal } from '../checks/refusal.js';
import type { UsageError } from '../errors.js';
import { describeError, type Logger } from '../log.js';
import { clip } from '../text.js';
import type { Catalogue } from '../text/en/index.js';
import { inLocale } from '../text/words.js';
import { errorReply, type Reply } from './reply.js';

/** Where a reply is shown: commands are named as the person would type them there. */
export type Surface = 'chat' | 'terminal';

export function command(surface: Surface, name: string): string {
  return surface === 'chat' ? `/${name}` : `imops ${name}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2024-05-12 22:13:20 UTC (in 179 days)" on the reader's clock, or undefined when the time is unknown. */
export function when(t: Catalogue, iso: string | undefined, nowMs: number): string | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : t.time.when(at, nowMs);
}

/** `retry` is the command to repeat with an app name, e.g. "/usersig gen alice". */
export function refusalReply(t: Catalogue, refusal: Refusal, retry: string): Reply {
  switch (refusal.kind) {
    case 'denied': {
      const { action, principal: who, source } = refusal;
      return errorReply(t.access.deniedTitle(t.access.actions[action]), t.access.deniedCause(who, action, source), t.access.deniedFix(who, action), {
        code: 'ACCESS_DENIED',
      });
    }
    case 'rate_limited': {
      const wait = t.time.span(Math.ceil(refusal.retryAfterMs / 1000));
      const window = t.time.span(Math.round(refusal.windowMs / 1000));
      const what = t.rate.what[refusal.action];
      return errorReply(t.rate.title(what, wait), t.rate.cause(refusal.max, what, window, t.rate.why[refusal.action]), t.rate.fix(wait), {
        status: 'warning',
        code: 'RATE_LIMITED',
      });
    }
    case 'no_app':
      return errorReply(t.app.none.title, t.app.none.cause(refusal.source), t.app.none.fix);
    case 'which_app':
      return errorReply(t.app.which.title, t.app.which.cause(refusal.apps), t.app.which.fix(retry, refusal.apps[0] ?? ''), {
        blocks: [{ type: 'list', title: t.labels.configuredApps, items: refusal.apps }],
      });
    case 'unknown_app': {
      const name = clip(refusal.name, 40);
      return errorReply(t.app.unknown.title(name), t.app.unknown.cause(name), t.app.unknown.fix(refusal.apps), {
        blocks: [{ type: 'list', title: t.labels.configuredApps, items: refusal.apps }],
      });
    }
  }
}

export function usageErrorReply(t: Catalogue, err: UsageError, title = t.errors.usageTitle): Reply {
  const problem = inLocale(err.problem, t);
  const fix = err.fixText === undefined ? undefined : inLocale(err.fixText, t);
  return errorReply(title, capitalise(problem) + (/[.!?。！？]$/.test(problem) ? '' : t.errors.sentenceEnd), fix ? capitalise(fix) : undefined);
}

/** A short ID that is both in the reply and in the log line, so a report can be matched to its stack trace. */
export function correlationId(): string {
  return randomBytes(6).toString('hex');
}

/** The one "something went wrong" reply of every surface: the cause goes to the log under the reply's correlation ID. */
export function internalErrorReply(t: Catalogue, log: Logger, err: unknown, where: string, context: Record<string, unknown> = {}): Reply {
  const id = correlationId();
  // describeError, never the error object: a library error can carry the request it sent (tokens, bodies).
  log.error({ correlationId: id, where, ...context, err: describeError(err) }, 'command failed');
  return errorReply(t.errors.internalTitle, t.errors.internalCause, t.errors.internalFix(id), { footer: t.errors.correlation(id), code: `ref ${id}` });
}

export function staleReply(t: Catalogue, what: 'form' | 'button'): Reply {
  return errorReply(t.errors.staleTitle(what), t.errors.staleCause(what), t.errors.staleFix);
}
