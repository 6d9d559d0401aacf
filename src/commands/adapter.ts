import type { Logger } from '../log.js';
import type { Router } from '../http/router.js';
import type { CommandCore } from './types.js';

/** What `imops serve` hands a chat adapter. Adapters see the command core, never the services behind it. */
export interface AdapterContext {
  core: CommandCore;
  log: Logger;
  env: NodeJS.ProcessEnv;
  /** The shared HTTP server's routes (Slack's HTTP mode mounts POST /slack/events here). */
  router: Router;
}

export interface RunningAdapter {
  /** One line for the start-up banner, e.g. "Slack (Socket Mode)". */
  description: string;
  /** Connected and able to answer (readiness). */
  ready(): boolean;
  stop(): Promise<void>;
}

export interface ChatAdapter {
  name: 'slack' | 'discord';
  /** Which env vars are missing to enable it; empty when it can start. */
  missing(env: NodeJS.ProcessEnv): string[];
  start(ctx: AdapterContext): Promise<RunningAdapter>;
}

// What adapters may use from below the command layer, so that they import nothing deeper than src/commands/
// (test/serve/architecture.test.ts holds them to it).
export type { Logger } from '../log.js';
export type { Router, Handler } from '../http/router.js';
export type { CliContext } from '../cli.js';
export { ConfigError } from '../errors.js';
export { describeError } from '../log.js';
export { clip } from '../text.js';

// Policy both adapters share: one reply-time budget, one internal-error reply, one correlation-ID format.
import type { Logger as Log } from '../log.js';
import { internalErrorReply } from '../present/common.js';
import type { Reply } from '../present/reply.js';
import { en } from '../text/en/index.js';

/**
 * How long an adapter waits for a reply before acknowledging and answering later: both platforms drop an
 * interaction not acknowledged within 3 s, and the network takes its share of that.
 */
export const REPLY_BUDGET_MS = 1500;

/** The adapters' last resort: an ephemeral error whose correlation ID is in the log with the cause. */
export function adapterErrorReply(log: Log, err: unknown, where: string, context: Record<string, unknown> = {}): Reply {
  return internalErrorReply(en, log, err, where, context);
}
