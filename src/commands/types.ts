import type { Logger } from '../log.js';
import type { Config } from '../config/types.js';
import type { AuditLog, DeviceStore, EventLog } from '../store/ports.js';
import type { AppConfig } from '../config/types.js';
import type { ImClient } from '../im/client.js';
import type { PushService } from '../push/types.js';
import type { RateLimits, RateWindows } from '../access/rate-limit.js';
import type { Choice, Form, Reply, Visibility } from '../present/reply.js';
import type { Metrics } from '../metrics.js';
import type { Catalogue } from '../text/index.js';

import type { Principal } from '../access/principal.js';

export type { Platform, Principal } from '../access/principal.js';

export type OptionType = 'string' | 'integer';

export interface OptionSpec {
  name: string;
  description: string;
  type: OptionType;
  required: boolean;
  /** The value is a credential: Discord collects it through a modal, never as a visible slash option. */
  secret?: boolean;
  /** Autocomplete source for Discord; Slack shows the usage hint instead. */
  autocomplete?: 'app' | 'userId' | 'certificate';
  /** Take the rest of the text (Slack) for the last option. */
  rest?: boolean;
}

export interface SubcommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
}

/**
 * One declaration per slash command. Discord registration, Slack usage text, the manifest check and help
 * are all derived from it.
 */
export interface CommandSpec {
  name: string;
  description: string;
  usageHint: string;
  /** Either subcommands (`/usersig gen …`) or options directly (`/pushcheck alice`). */
  subcommands?: SubcommandSpec[];
  options?: OptionSpec[];
}

export type Args = Record<string, string | undefined>;

/** A parsed invocation, whatever the platform. */
export interface Invocation {
  command: string;
  subcommand?: string;
  args: Args;
  /** True when the user gave nothing at all (Slack `/usersig` with empty text): open the form. */
  empty: boolean;
  /** Why the text could not be read: plan() answers with usage, in the reader's language. */
  problem?: ParseProblem;
}

/** Why a command's text could not be read; values are quoted as typed. */
export type ParseProblem =
  | { kind: 'not_a_command' }
  | { kind: 'unknown_subcommand'; value: string }
  | { kind: 'unexpected'; values: string[] }
  | { kind: 'missing'; names: string[] };

/**
 * What the adapter must send first, decided before any slow work: Discord allows a modal only as the first
 * response, and both platforms need an answer within 3 seconds.
 *  - form:   open this modal now.
 *  - reply:  answer with a new message (run() is fast, but the adapter may still defer).
 *  - defer:  acknowledge now ("thinking…"), run() may take seconds, then post the reply.
 *  - update: replace the message that carried the action with run()'s reply (acknowledge first).
 */
export type Plan =
  | { kind: 'form'; form: Form }
  | { kind: 'reply' | 'defer'; visibility: Visibility; run: () => Promise<Reply> }
  | { kind: 'update'; visibility: Visibility; run: () => Promise<Reply> };

export type FormResult = { kind: 'errors'; errors: Record<string, string> } | { kind: 'plan'; plan: Plan };

/** The platform-neutral command core that every adapter drives. */
export interface CommandCore {
  readonly specs: readonly CommandSpec[];
  /** Turn Slack's free text into an invocation (Discord passes typed options instead). */
  parseText(command: string, text: string): Invocation;
  plan(principal: Principal, invocation: Invocation): Plan;
  submitForm(principal: Principal, formId: string, values: Record<string, string>): Promise<FormResult>;
  action(principal: Principal, actionId: string, value?: string): Plan;
  autocomplete(principal: Principal, source: NonNullable<OptionSpec['autocomplete']>, partial: string, args: Args): Promise<Choice[]>;
  /** The words of a person (their language, their clock): for what an adapter says on its own. */
  wordsFor(principal: Principal): Catalogue;
}

export interface CoreServices {
  config: Config;
  log: Logger;
  push: PushService;
  audit: AuditLog;
  /** The device store: `/pushsweep` samples a certificate's devices (and prunes). Absent: no sweeps in chat. */
  devices?: DeviceStore;
  /** Unix milliseconds; tests pin it. Also the rate limiter's clock. */
  now?: () => number;
  /** Per-person limits for chat principals; default RATE_LIMITS (src/access/rate-limit.ts). */
  rateLimits?: RateLimits;
  /** Where the limits are counted: the store's windows (shared by replicas); this process's memory when absent. */
  rateWindows?: RateWindows;
  /** Where checks count what they found (UserSig verdicts); none in tests that do not look. */
  metrics?: Metrics;
  /** IM callback events (login trail, push results) for /triage and send-test. */
  events?: EventLog;
  /** The Tencent IM REST client of an app (undefined for an app without `im:`). */
  im?: (app: AppConfig) => ImClient | undefined;
}
