import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { internalErrorReply } from '../present/common.js';
import type { Reply } from '../present/reply.js';
import { catalogue, DEFAULT_LOCALE, en, type Catalogue, type Locale } from '../text/index.js';
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
  /**
   * Post a reply to a channel on the adapter's own initiative (the watch's alerts): a public message, not an
   * answer to anyone. Rejects when the platform refuses (bot not in the channel, unknown channel). Optional: an
   * adapter without it cannot be a `watch.notify` target.
   */
  post?(channelId: string, reply: Reply): Promise<void>;
}

export interface ChatAdapter {
  name: 'slack' | 'discord';
  /** How the banner names it: "Slack". */
  label: string;
  /** What else enables it, beyond the env vars `missing()` names (for the banner). */
  setupHint: string;
  /** Which env vars are missing to enable it; empty when it can start. */
  missing(env: NodeJS.ProcessEnv): string[];
  start(ctx: AdapterContext): Promise<RunningAdapter>;
}

// What adapters may use from below the command layer, so that they import nothing deeper than src/commands/
// (test/serve/architecture.test.ts holds them to it).
export type { Logger } from '../log.js';

/** A route handler on imops' HTTP server. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Where an adapter mounts its routes on imops' HTTP server (Slack's HTTP mode: POST /slack/events). */
export interface Router {
  add(method: string, path: string, handler: Handler): void;
}

/** What a CLI command contributed by an adapter (`imops discord register`) gets from the CLI. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  setExit(code: number): void;
  configPath(): string | undefined;
}
export { ConfigError } from '../errors.js';
export { describeError } from '../log.js';
export { clip } from '../text.js';
export { localeOf, type Catalogue, type Locale } from '../text/index.js';

/** The slash commands' Chinese descriptions and option names, for Discord's localizations. */
export function chineseCommandWords(): Catalogue['commands'] {
  return catalogue('zh-CN').commands;
}

/** The words renderers put around a reply (Cause, Fix, Cancel…), in the reply's language. */
export function chromeWords(locale: Locale | undefined): Catalogue['chrome'] {
  return catalogue(locale ?? DEFAULT_LOCALE).chrome;
}

// Policy both adapters share: one reply-time budget, one internal-error reply, one correlation-ID format.

/**
 * How long an adapter waits for a reply before acknowledging and answering later: both platforms drop an
 * interaction not acknowledged within 3 s, and the network takes its share of that.
 */
export const REPLY_BUDGET_MS = 1500;

/** The adapters' last resort: an ephemeral error whose correlation ID is in the log with the cause. */
export function adapterErrorReply(log: Logger, err: unknown, where: string, context: Record<string, unknown> = {}, t: Catalogue = en): Reply {
  return { ...internalErrorReply(t, log, err, where, context), locale: t.locale };
}
