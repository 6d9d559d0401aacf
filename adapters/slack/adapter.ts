import {
  App,
  type AllMiddlewareArgs,
  type RespondFn,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  type BlockAction,
  type ViewSubmitAction,
} from '@slack/bolt';
import {
  adapterErrorReply,
  ConfigError,
  describeError,
  REPLY_BUDGET_MS,
  type AdapterContext,
  type ChatAdapter,
  type Logger,
  type RunningAdapter,
  type Catalogue,
} from '../../src/commands/adapter.js';
import type { CommandCore, Plan, Principal } from '../../src/commands/types.js';
import { errorReply, type Form, type Reply } from '../../src/commands/reply.js';
import { ID_PREFIXES } from '../../src/commands/registry.js';
import { SLACK } from './env.js';
import { boltLogger } from './logger.js';
import { RouterReceiver } from './receiver.js';
import { slackPeople, type PeopleOptions, type PersonLookup } from './people.js';
import { formValues, renderMessage, renderModal, type SlackMessage } from './render.js';

export interface SlackAdapterOptions extends AdapterContext {
  /** Web API client overrides (tests: `retryConfig: { retries: 0 }`). */
  clientOptions?: { retryConfig?: { retries: number } };
  /** Reply budget before acknowledging empty; tests and benchmarks may shorten it. */
  ackBudgetMs?: number;
  /** How long a person's language is kept and waited for (users.info). */
  people?: PeopleOptions;
}

export interface RunningSlack extends RunningAdapter {
  app: App;
  mode: 'http' | 'socket';
}

type Client = AllMiddlewareArgs['client'];

/** Where an answer goes after the acknowledgement. */
interface Reach {
  respond?: RespondFn;
  responseUrl?: string;
  channel?: string;
  user: string;
}

interface Meta {
  c?: string;
  r?: string;
}

export const slackAdapter: ChatAdapter = {
  ...SLACK,
  start: (ctx) => startSlack(ctx),
};

export async function startSlack(options: SlackAdapterOptions): Promise<RunningSlack> {
  const { core, env, router } = options;
  const log = options.log.child({ adapter: 'slack' });
  const logger = boltLogger(log);
  const socketMode = Boolean(env.SLACK_APP_TOKEN);
  const clientOptions = {
    ...(env.SLACK_API_URL && { slackApiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` }),
    // A trigger_id lives 3 s and response_url 30 min: retrying for half an hour helps nobody.
    retryConfig: options.clientOptions?.retryConfig ?? { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
  };
  // deferInitialization: without it Bolt calls auth.test from its constructor, and a bad token or an unreachable
  // Slack becomes an unhandled rejection while start() succeeds. init() makes that check part of start().
  const app = socketMode
    ? new App({ token: env.SLACK_BOT_TOKEN, appToken: env.SLACK_APP_TOKEN, socketMode: true, logger, clientOptions, deferInitialization: true })
    : new App({
        token: env.SLACK_BOT_TOKEN,
        logger,
        clientOptions,
        deferInitialization: true,
        receiver: new RouterReceiver({ router, signingSecret: env.SLACK_SIGNING_SECRET ?? '', logger }),
      });
  const budget = options.ackBudgetMs ?? REPLY_BUDGET_MS;
  wire(app, core, log, budget, slackPeople(app.client, log, options.people));

  let ready = false;
  try {
    await app.init();
  } catch (err) {
    throw tokenCheckError(err, env);
  }
  await app.start();
  ready = true;
  return {
    app,
    mode: socketMode ? 'socket' : 'http',
    description: socketMode ? 'Slack (Socket Mode)' : 'Slack (HTTP, POST /slack/events)',
    ready: () => ready,
    async stop() {
      ready = false;
      await app.stop();
    },
    async post(channel, reply) {
      const message = renderMessage(reply);
      await app.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    },
  };
}

/** What auth.test's failure means for whoever starts imops: the token, the network, or Slack itself. */
function tokenCheckError(err: unknown, env: NodeJS.ProcessEnv): ConfigError {
  const e = err as { code?: string; data?: { error?: string }; original?: unknown; statusCode?: number };
  const api = env.SLACK_API_URL ? `SLACK_API_URL (${env.SLACK_API_URL})` : 'https://slack.com/api/';
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      if (['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired'].includes(code)) {
        return new ConfigError(
          'environment',
          'SLACK_BOT_TOKEN',
          `Slack rejected the bot token (auth.test: ${code})`,
          'set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…) under OAuth & Permissions of the Slack app; reinstall the app if the token was revoked',
        );
      }
      return new ConfigError(
        'environment',
        'SLACK_BOT_TOKEN',
        `Slack refused to check the bot token (auth.test: ${code})`,
        "check SLACK_BOT_TOKEN and the Slack app's installation, then restart imops",
      );
    }
    case 'slack_webapi_request_error':
      return new ConfigError(
        'environment',
        env.SLACK_API_URL ? 'SLACK_API_URL' : '',
        `cannot reach Slack at ${api} to check SLACK_BOT_TOKEN: ${networkCause(e.original ?? err)}`,
        env.SLACK_API_URL
          ? 'check SLACK_API_URL, or unset it to talk to Slack directly'
          : 'check the network path from this host to slack.com (proxy, firewall, DNS), then restart imops',
      );
    case 'slack_webapi_http_error':
    case 'slack_webapi_rate_limited_error':
      return new ConfigError(
        'environment',
        '',
        `Slack could not check SLACK_BOT_TOKEN (auth.test: ${describeError(err).message})`,
        'Slack is unavailable or rate limiting this token: restart imops once it answers again',
      );
    default:
      return new ConfigError(
        'environment',
        'SLACK_BOT_TOKEN',
        `the Slack token check failed: ${describeError(err).message}`,
        'check SLACK_BOT_TOKEN and SLACK_API_URL, then restart imops',
      );
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is down its cause chain. */
function networkCause(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth += 1) {
    const code = (e as NodeJS.ErrnoException).code;
    parts.push(code && !e.message.includes(code) ? `${e.message} (${code})` : e.message);
  }
  return parts.length > 0 ? parts.join(': ') : describeError(err).message;
}

const actionPattern = new RegExp(`^(${ID_PREFIXES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);

function wire(app: App, core: CommandCore, log: Logger, budget: number, people: PersonLookup): void {
  /** Who asks: their own language and clock when Slack tells, else their workspace's configured language. */
  const principalOf = async (userId: string, workspace: string | undefined, channelId: string | undefined): Promise<Principal> => ({
    platform: 'slack',
    userId,
    roles: [],
    ...(channelId && { channelId }),
    ...(workspace && { workspace }),
    ...(await people(userId)),
  });
  for (const spec of core.specs) {
    app.command(`/${spec.name}`, async (args) => {
      await onCommand(core, log, budget, spec.name, args, await principalOf(args.command.user_id, args.command.team_id, args.command.channel_id));
    });
  }
  app.action<BlockAction>(actionPattern, async (args) => {
    await onAction(core, log, args, await principalOf(args.body.user.id, args.body.team?.id, args.body.channel?.id));
  });
  app.view<ViewSubmitAction>({ type: 'view_submission', callback_id: actionPattern }, async (args) => {
    const meta = parseMeta(args.view.private_metadata);
    await onSubmit(core, log, args, await principalOf(args.body.user.id, args.body.team?.id, meta.c));
  });
  app.error(async (err) => {
    log.error({ err: describeError(err) }, 'Slack listener error');
  });
}

function withVisibility(reply: Reply): SlackMessage & { response_type: 'ephemeral' | 'in_channel' } {
  return { response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral', ...renderMessage(reply) };
}

function adapterError(log: Logger, err: unknown, where: string, t: Catalogue): Reply {
  return adapterErrorReply(log, err, `slack ${where}`, {}, t);
}

async function runSafely(log: Logger, run: () => Promise<Reply>, where: string, t: Catalogue): Promise<Reply> {
  try {
    return await run();
  } catch (err) {
    return adapterError(log, err, where, t);
  }
}

async function deliver(client: Client, log: Logger, reach: Reach, reply: Reply, replace: boolean): Promise<void> {
  const message = { ...withVisibility(reply), ...(replace ? { replace_original: true } : {}) };
  try {
    if (reach.respond) {
      await reach.respond(message);
      return;
    }
    if (reach.responseUrl) {
      const res = await fetch(reach.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
      if (!res.ok) throw new Error(`response_url answered ${res.status}`);
      return;
    }
    throw new Error('no response_url to answer through');
  } catch (err) {
    // response_url expires after 30 minutes or 5 uses: fall back to an ephemeral message from the bot.
    log.warn({ err: describeError(err) }, 'response_url delivery failed; posting an ephemeral message instead');
    if (!reach.channel) return;
    try {
      await client.chat.postEphemeral({ channel: reach.channel, user: reach.user, text: message.text, blocks: message.blocks });
    } catch (err2) {
      log.error({ err: describeError(err2) }, 'could not deliver a Slack reply');
    }
  }
}

async function openForm(client: Client, log: Logger, triggerId: string, form: Form, meta: Meta, reach: Reach, t: Catalogue): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: renderModal(form, JSON.stringify(meta)) });
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    log.warn({ err: describeError(err), code }, 'views.open failed');
    const w = t.chrome.formTimedOut;
    const reply =
      code === 'expired_trigger_id' || code === 'exchanged_trigger_id'
        ? errorReply(w.title, w.cause, w.fix, { locale: t.locale })
        : adapterError(log, err, 'views.open', t);
    await deliver(client, log, reach, reply, false);
  }
}

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

async function onCommand(core: CommandCore, log: Logger, budget: number, name: string, args: CommandArgs, principal: Principal): Promise<void> {
  const { command, ack, respond, client } = args;
  const t = core.wordsFor(principal);
  const reach: Reach = { respond, channel: command.channel_id, user: command.user_id };
  let acked = false;
  try {
    const plan = core.plan(principal, core.parseText(name, unescapeSlack(command.text ?? '')));
    if (plan.kind === 'form') {
      await ack();
      acked = true;
      await openForm(client, log, command.trigger_id, plan.form, { c: command.channel_id, r: command.response_url }, reach, t);
      return;
    }
    if (plan.kind === 'reply') {
      // A fast reply rides on the acknowledgement itself; a slow one is acknowledged empty and follows.
      const pending = runSafely(log, plan.run, `/${name}`, t);
      let timer: NodeJS.Timeout | undefined;
      const first = await Promise.race([pending, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), budget)))]);
      clearTimeout(timer);
      if (first) {
        await ack(withVisibility(first));
        acked = true;
        return;
      }
      await ack();
      acked = true;
      await deliver(client, log, reach, await pending, false);
      return;
    }
    await ack();
    acked = true;
    await deliver(client, log, reach, await runSafely(log, plan.run, `/${name}`, t), plan.kind === 'update');
  } catch (err) {
    const reply = adapterError(log, err, `/${name}`, t);
    if (!acked) await ack(withVisibility(reply)).catch(() => undefined);
    else await deliver(client, log, reach, reply, false);
  }
}

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

async function onAction(core: CommandCore, log: Logger, args: ActionArgs, principal: Principal): Promise<void> {
  const { ack, body, action, respond, client } = args;
  await ack();
  const reach: Reach = { respond, channel: body.channel?.id, user: body.user.id };
  const t = core.wordsFor(principal);
  try {
    const value = action.type === 'static_select' ? action.selected_option?.value : 'value' in action ? (action.value as string | undefined) : undefined;
    const plan: Plan = core.action(principal, action.action_id, value);
    if (plan.kind === 'form') {
      await openForm(client, log, body.trigger_id, plan.form, { c: body.channel?.id, r: body.response_url }, reach, t);
      return;
    }
    await deliver(client, log, reach, await runSafely(log, plan.run, `action ${action.action_id.split('|')[0]}`, t), plan.kind === 'update');
  } catch (err) {
    await deliver(client, log, reach, adapterError(log, err, 'block_actions', t), false);
  }
}

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function parseMeta(text: string | undefined): Meta {
  try {
    const m = JSON.parse(text ?? '{}') as Meta;
    return { ...(typeof m.c === 'string' && { c: m.c }), ...(typeof m.r === 'string' && { r: m.r }) };
  } catch {
    return {};
  }
}

async function onSubmit(core: CommandCore, log: Logger, args: ViewArgs, principal: Principal): Promise<void> {
  const { ack, body, view, client } = args;
  const meta = parseMeta(view.private_metadata);
  const t = core.wordsFor(principal);
  const reach: Reach = { ...(meta.r && { responseUrl: meta.r }), ...(meta.c && { channel: meta.c }), user: body.user.id };
  let acked = false;
  try {
    const values = formValues(view.state.values as Parameters<typeof formValues>[0]);
    const result = await core.submitForm(principal, view.callback_id, values);
    if (result.kind === 'errors') {
      const blockIds = new Set(Object.keys(view.state.values));
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(result.errors)) {
        // Slack shows errors only under input blocks that exist; anything else goes under the first one.
        const at = blockIds.has(field) ? field : ([...blockIds][0] ?? field);
        errors[at] = errors[at] ? `${errors[at]}; ${message}` : message;
      }
      await ack({ response_action: 'errors', errors });
      return;
    }
    const plan = result.plan;
    if (plan.kind === 'form') {
      await ack({ response_action: 'update', view: renderModal(plan.form, view.private_metadata) });
      return;
    }
    await ack();
    acked = true;
    await deliver(client, log, reach, await runSafely(log, plan.run, `form ${view.callback_id.split('|')[0]}`, t), false);
  } catch (err) {
    const reply = adapterError(log, err, 'view_submission', t);
    if (!acked) await ack().catch(() => undefined);
    await deliver(client, log, reach, reply, false);
  }
}

/** Slack escapes these three in command text even with `should_escape: false`. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
