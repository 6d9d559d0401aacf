/**
 * Reply -> Block Kit, Form -> modal. Pure functions: the exhaustive switches make the type checker name this
 * file whenever a Block, Action or FormField type is added to the reply model.
 */
import type { types } from '@slack/bolt';
import type { Action, Block, Field, Form, FormField, Reply, Status } from '../../src/commands/reply.js';
import { chromeWords, clip, type Catalogue } from '../../src/commands/adapter.js';

type Chrome = Catalogue['chrome'];

type KnownBlock = types.KnownBlock;
type ModalView = types.ModalView;

export const STATUS_EMOJI: Record<Status, string> = {
  success: ':white_check_mark:',
  failure: ':x:',
  warning: ':warning:',
  info: ':information_source:',
  error: ':no_entry:',
};

/** Slack's limits (Block Kit reference): a message holds 50 blocks; section text 3000, a field 2000, 10 fields. */
const MAX_BLOCKS = 50;
const SECTION_TEXT = 3000;
const FIELD_TEXT = 2000;
const FIELDS_PER_SECTION = 10;
const OPTION_TEXT = 75;
const OPTIONS_MAX = 100;
const MODAL_TITLE = 24;

function assertNever(x: never): never {
  throw new Error(`unrendered reply element: ${JSON.stringify(x)}`);
}

/**
 * mrkdwn treats & < > as control characters: escaped, `<!everyone>`, `<@U…>`, `<#C…>` and `<https://evil|Re-auth>`
 * stay text. Everything user-supplied goes through here (and every mrkdwn object is verbatim, below).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// verbatim: Slack would otherwise turn a plain "@channel", "@here" or "#general" in uploaded text into a mention or
// a channel link by itself (automatic parsing); what imops shows is what was uploaded.
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text: clip(text, SECTION_TEXT), verbatim: true });
const plain = (text: string, max = 150) => ({ type: 'plain_text' as const, text: clip(text, max), emoji: true });

function fieldSections(fields: Field[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += FIELDS_PER_SECTION) {
    out.push({
      type: 'section',
      fields: fields
        .slice(i, i + FIELDS_PER_SECTION)
        .map((f) => ({ type: 'mrkdwn' as const, text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, FIELD_TEXT), verbatim: true })),
    });
  }
  return out;
}

function causeFix(w: Chrome, cause: string | undefined, fix: string | undefined, code?: string): KnownBlock[] {
  const lines = [
    cause && `*${w.cause}${w.colon}* ${escapeMrkdwn(cause)}`,
    fix && `*${w.fix}${w.colon}* ${escapeMrkdwn(fix)}`,
    code && `*${w.errorCode}${w.colon}* \`${escapeMrkdwn(code)}\``,
  ].filter(Boolean);
  return lines.length ? [{ type: 'section', text: mrkdwn(lines.join('\n')) }] : [];
}

export function renderBlock(block: Block, w: Chrome = chromeWords(undefined)): KnownBlock[] {
  switch (block.type) {
    case 'text':
      return [{ type: 'section', text: mrkdwn(escapeMrkdwn(block.text)) }];
    case 'fields':
      return fieldSections(block.fields);
    case 'code':
      // Preformatted rich text is copied exactly: no mrkdwn, no wrapping of `*` and `_` into formatting.
      return [{ type: 'rich_text', elements: [{ type: 'rich_text_preformatted', elements: [{ type: 'text', text: block.text }] }] }];
    case 'item':
      return [
        { type: 'section', text: mrkdwn(`${STATUS_EMOJI[block.status]} *${escapeMrkdwn(block.title)}*`) },
        ...fieldSections(block.fields),
        ...causeFix(w, block.cause, block.fix),
      ];
    case 'list':
      return [{ type: 'section', text: mrkdwn(`*${escapeMrkdwn(block.title)}*\n${block.items.map((i) => `• ${escapeMrkdwn(i)}`).join('\n')}`) }];
    default:
      return assertNever(block);
  }
}

type ActionElement = types.Button | types.StaticSelect;

export function renderAction(action: Action): ActionElement {
  switch (action.type) {
    case 'button':
      return { type: 'button', action_id: action.id, text: plain(action.label, 75), ...(action.style && { style: action.style }) };
    case 'select': {
      const options = action.options
        .slice(0, OPTIONS_MAX)
        .map((o) => ({ text: plain(o.label, OPTION_TEXT), value: o.value, ...(o.description && { description: plain(o.description, OPTION_TEXT) }) }));
      const initial = options.find((o) => o.value === action.selected);
      return { type: 'static_select', action_id: action.id, placeholder: plain(action.placeholder), options, ...(initial && { initial_option: initial }) };
    }
    default:
      return assertNever(action);
  }
}

export interface SlackMessage {
  /** Notification text; only the title (escaped: it can name a UserID), which never holds a credential. */
  text: string;
  blocks: KnownBlock[];
}

export function renderMessage(reply: Reply): SlackMessage {
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`${STATUS_EMOJI[reply.status]} *${escapeMrkdwn(reply.title)}*`) }];
  const w = chromeWords(reply.locale);
  for (const b of reply.blocks) blocks.push(...renderBlock(b, w));
  blocks.push(...causeFix(w, reply.cause, reply.fix, reply.code));
  const actions = reply.actions ?? [];
  const footer: KnownBlock[] = reply.footer ? [{ type: 'context', elements: [mrkdwn(escapeMrkdwn(reply.footer))] }] : [];
  const actionBlocks: KnownBlock[] = actions.length ? [{ type: 'actions', block_id: 'imops_actions', elements: actions.map(renderAction) }] : [];
  // Keep the actions and footer when a long result must be cut to Slack's block limit.
  const room = MAX_BLOCKS - actionBlocks.length - footer.length;
  const body =
    blocks.length > room
      ? [...blocks.slice(0, room - 1), { type: 'context' as const, elements: [mrkdwn(w.moreBlocksNotShown(blocks.length - room + 1))] }]
      : blocks;
  return { text: clip(escapeMrkdwn(reply.title), 300), blocks: [...body, ...actionBlocks, ...footer] };
}

function renderInput(field: FormField): KnownBlock {
  switch (field.type) {
    case 'text':
      return {
        type: 'input',
        block_id: field.id,
        optional: !field.required,
        label: plain(field.label, 2000),
        element: {
          type: 'plain_text_input',
          action_id: field.id,
          ...(field.multiline && { multiline: true }),
          ...(field.maxLength && { max_length: Math.min(field.maxLength, 3000) }),
          ...(field.placeholder && { placeholder: plain(field.placeholder) }),
          ...(field.initial !== undefined && field.initial !== '' && { initial_value: field.initial }),
        },
      };
    case 'select': {
      const options = field.options.slice(0, OPTIONS_MAX).map((o) => ({ text: plain(o.label, OPTION_TEXT), value: o.value }));
      const initial = options.find((o) => o.value === field.initial);
      return {
        type: 'input',
        block_id: field.id,
        optional: !field.required,
        label: plain(field.label, 2000),
        element: { type: 'static_select', action_id: field.id, options, ...(initial && { initial_option: initial }) },
      };
    }
    default:
      return assertNever(field);
  }
}

/** A modal; `privateMetadata` (at most 3000 characters) carries where to answer after the submit. */
export function renderModal(form: Form, privateMetadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, MODAL_TITLE),
    submit: plain(form.submitLabel, MODAL_TITLE),
    close: plain(chromeWords(form.locale).cancel, MODAL_TITLE),
    private_metadata: privateMetadata,
    blocks: form.fields.map(renderInput),
  };
}

/** The submitted values of a modal, keyed by field id (block_id), as the core expects them. */
export function formValues(
  state: Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value?: string } | null }>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state)) {
    for (const el of Object.values(actions)) {
      const v = el.selected_option?.value ?? el.value;
      values[blockId] = v ?? '';
    }
  }
  return values;
}
