/**
 * Slack end to end: real Bolt inside imops' HTTP server (the Router + createHttpServer, as `imops serve` mounts
 * it), against the fake Slack Web API and response_url sink. Requests are signed like Slack signs them.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { Router } from '../../src/http/router.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { Metrics } from '../../src/metrics.js';
import { slackAdapter, type RunningSlack } from '../../adapters/slack/index.js';
import { STATUS_EMOJI } from '../../adapters/slack/render.js';
import type { Status } from '../../src/commands/reply.js';
import { startSlackEmulator, type SlackEmulator } from '../emulators/slack.js';
import { createWorld, USERS, type Seen, type World, type WorldOptions, type Who } from '../scenarios/table.js';

export const SIGNING_SECRET = `test-signing-${randomUUID()}`;
export const BOT_TOKEN = `xoxb-test-${randomUUID()}`;
export const APP_TOKEN = `xapp-test-${randomUUID()}`;

export interface Posted {
  status: number;
  text: string;
  /** The JSON ack body, when there was one. */
  json?: Record<string, unknown>;
}

/** A message as the user sees it: an ack body or a response_url post. */
export type Message = Record<string, unknown> & { blocks?: Block[]; response_type?: string; replace_original?: boolean; text?: string };
type Block = Record<string, unknown> & { type: string };
export type View = { callback_id: string; private_metadata?: string; title?: { text: string }; blocks: Block[] };

export interface Harness {
  world: World;
  fake: SlackEmulator;
  http: HttpServer;
  slack: RunningSlack;
  eventsUrl: string;
  sign(body: string, ts?: number): Record<string, string>;
  post(body: string, headers?: Record<string, string>): Promise<Posted>;
  /** A signed slash command; returns the HTTP answer and the response_url id it carried. */
  command(name: string, text: string, who?: Who, extra?: Record<string, string>): Promise<Posted & { responseId: string; triggerId: string }>;
  /** A signed interactive payload (block_actions, view_submission). */
  interact(payload: Record<string, unknown>): Promise<Posted>;
  close(): Promise<void>;
}

export async function startHarness(options: WorldOptions & { env?: Record<string, string> } = {}): Promise<Harness> {
  const world = await createWorld(options);
  const fake = await startSlackEmulator();
  const router = new Router();
  const metrics = new Metrics();
  const http = createHttpServer({ log: world.log, metrics, router, ready: () => ({}) });
  const address = await http.listen(0, '127.0.0.1');
  const slack = (await slackAdapter.start({
    core: world.core,
    log: world.log,
    router,
    env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...options.env },
  })) as RunningSlack;
  const eventsUrl = `http://127.0.0.1:${address.port}/slack/events`;
  const sign = (body: string, ts = Math.floor(Date.now() / 1000)) => ({
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  });
  const post = async (body: string, headers = sign(body)): Promise<Posted> => {
    const res = await fetch(eventsUrl, { method: 'POST', body, headers });
    const text = await res.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, ...(json && { json }) };
  };
  return {
    world,
    fake,
    http,
    slack,
    eventsUrl,
    sign,
    post,
    async command(name, text, who = 'admin', extra = {}) {
      const responseId = randomUUID();
      const triggerId = `trig.${randomUUID()}`;
      const body = new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: 'T0IMOPS',
        team_domain: 'imops',
        channel_id: 'C0SCENARIO',
        channel_name: 'support',
        user_id: USERS[who].slack,
        user_name: who,
        command: `/${name}`,
        text,
        api_app_id: 'A0IMOPS',
        is_enterprise_install: 'false',
        response_url: fake.responseUrl(responseId),
        trigger_id: triggerId,
        ...extra,
      }).toString();
      return { ...(await post(body)), responseId, triggerId };
    },
    interact(payload) {
      return post(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    },
    async close() {
      await slack.stop();
      await http.close(1000);
      await fake.close();
      await world.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading Block Kit back into what a person sees

const EMOJI_STATUS = new Map<string, Status>(Object.entries(STATUS_EMOJI).map(([s, e]) => [e, s as Status]));

const unescapeText = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const plainWords = (t: string) => unescapeText(t.replace(/\*/g, '').replace(/`/g, ''));

export function seenFromMessage(message: Message): Seen {
  const parts: string[] = [];
  const fieldLabels: string[] = [];
  const code: string[] = [];
  const actions: string[] = [];
  let title = '';
  let status: Status | undefined;
  (message.blocks ?? []).forEach((block, i) => {
    switch (block.type) {
      case 'section': {
        const text = (block.text as { text?: string } | undefined)?.text;
        if (text) {
          if (i === 0) {
            const m = /^(:[a-z_]+:) \*(.*)\*$/s.exec(text);
            status = m ? EMOJI_STATUS.get(m[1]!) : undefined;
            title = unescapeText(m ? m[2]! : text);
          }
          parts.push(plainWords(text));
        }
        for (const f of (block.fields as { text: string }[] | undefined) ?? []) {
          const [label, ...rest] = f.text.split('\n');
          fieldLabels.push(plainWords(label ?? ''));
          parts.push(`${plainWords(label ?? '')}: ${unescapeText(rest.join('\n'))}`);
        }
        break;
      }
      case 'rich_text':
        for (const el of block.elements as { type: string; elements: { text: string }[] }[]) {
          const text = el.elements.map((e) => e.text).join('');
          if (el.type === 'rich_text_preformatted') code.push(text);
          parts.push(text);
        }
        break;
      case 'context':
        for (const el of block.elements as { text: string }[]) parts.push(plainWords(el.text));
        break;
      case 'actions':
        for (const el of block.elements as {
          type: string;
          text?: { text: string };
          placeholder?: { text: string };
          options?: { text: { text: string } }[];
        }[]) {
          if (el.type === 'button') {
            actions.push(el.text!.text);
            parts.push(el.text!.text);
          } else {
            actions.push('select');
            parts.push(el.placeholder?.text ?? '', ...(el.options ?? []).map((o) => o.text.text));
          }
        }
        break;
      default:
        parts.push(JSON.stringify(block));
    }
  });
  return {
    kind: 'message',
    ephemeral: message.response_type !== 'in_channel',
    ...(status && { status }),
    title,
    text: parts.join('\n'),
    fieldLabels,
    code,
    actions,
    formFields: [],
  };
}

export function seenFromView(view: View): Seen {
  return {
    kind: 'form',
    ephemeral: true,
    title: view.title?.text ?? '',
    text: view.blocks.map((b) => (b.label as { text: string } | undefined)?.text ?? '').join('\n'),
    fieldLabels: [],
    code: [],
    actions: [],
    formFields: view.blocks.map((b) => b.block_id as string),
  };
}

/** Fill a rendered modal as a person would, and build the view_submission Slack would send. */
export function viewSubmission(view: View, values: Record<string, string>, who: Who): Record<string, unknown> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    const el = b.element as { type: string; action_id: string; options?: { text: unknown; value: string }[] };
    const v = values[b.block_id as string];
    state[b.block_id as string] = {
      [el.action_id]:
        el.type === 'static_select'
          ? {
              type: 'static_select',
              selected_option: v === undefined ? null : (el.options!.find((o) => o.value === v) ?? { text: { type: 'plain_text', text: v }, value: v }),
            }
          : { type: 'plain_text_input', value: v === undefined || v === '' ? null : v },
    };
  }
  return {
    type: 'view_submission',
    team: { id: 'T0IMOPS', domain: 'imops' },
    user: { id: USERS[who].slack, team_id: 'T0IMOPS' },
    api_app_id: 'A0IMOPS',
    token: 'legacy',
    trigger_id: `trig.${randomUUID()}`,
    view: {
      id: 'V1',
      team_id: 'T0IMOPS',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      blocks: view.blocks,
      state: { values: state },
      hash: 'h',
      app_id: 'A0IMOPS',
      bot_id: 'BBOT',
    },
    response_urls: [],
  };
}

/** Press a button or choose an option in a message, as Slack sends it. */
export function blockAction(message: Message, step: { click: string } | { select: string }, who: Who, responseUrl: string): Record<string, unknown> {
  const block = (message.blocks ?? []).find((b) => b.type === 'actions');
  if (!block) throw new Error(`no actions in the message "${String(message.text)}"`);
  const elements = block.elements as { type: string; action_id: string; text?: { text: string }; options?: { text: unknown; value: string }[] }[];
  const el = 'click' in step ? elements.find((e) => e.type === 'button' && e.text?.text === step.click) : elements.find((e) => e.type === 'static_select');
  if (!el) throw new Error(`no ${'click' in step ? `button "${step.click}"` : 'select'} in the message`);
  const action =
    'click' in step
      ? { type: 'button', action_id: el.action_id, block_id: block.block_id, text: el.text, action_ts: `${Date.now() / 1000}` }
      : {
          type: 'static_select',
          action_id: el.action_id,
          block_id: block.block_id,
          selected_option: el.options!.find((o) => o.value === step.select),
          action_ts: `${Date.now() / 1000}`,
        };
  return {
    type: 'block_actions',
    team: { id: 'T0IMOPS', domain: 'imops' },
    user: { id: USERS[who].slack, team_id: 'T0IMOPS' },
    api_app_id: 'A0IMOPS',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.2', channel_id: 'C0SCENARIO', is_ephemeral: true },
    trigger_id: `trig.${randomUUID()}`,
    channel: { id: 'C0SCENARIO', name: 'support' },
    response_url: responseUrl,
    actions: [action],
  };
}
