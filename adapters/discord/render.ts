/**
 * The core's Reply and Form as Discord sees them: an embed plus component rows, and a modal.
 * Every Block, Action and FormField type has a case here; a new one in src/commands/reply.ts fails the type
 * check until it is rendered.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  escapeMarkdown,
  type APIEmbedField,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { Action, Block, Choice, Form, FormField, Reply, Status } from '../../src/commands/reply.js';
import { chromeWords, clip, type Catalogue } from '../../src/commands/adapter.js';

type Chrome = Catalogue['chrome'];

// Discord's limits (developers/resources/message.mdx, components/reference.mdx).
export const LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  optionText: 100,
  buttonLabel: 80,
  placeholder: 150,
  customId: 100,
  modalTitle: 45,
  modalFields: 5,
  modalLabel: 45,
  labelDescription: 100,
  textInput: 4000,
} as const;

export const STATUS_STYLE: Readonly<Record<Status, { color: number; mark: string }>> = {
  success: { color: 0x2e9e5b, mark: '✅' },
  failure: { color: 0xd93f3f, mark: '❌' },
  warning: { color: 0xe3a008, mark: '⚠️' },
  info: { color: 0x3b82f6, mark: 'ℹ️' },
  error: { color: 0x8b1e1e, mark: '⛔' },
};

export interface RenderedMessage {
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<MessageActionRowComponentBuilder>[];
  /** Nothing a reply says may ping anyone, whatever text reaches it. */
  allowedMentions: { parse: [] };
}

/**
 * The core's text is plain text, and some of it comes from users: device fields from the upload API (model, OS,
 * app version, bundle ID), UserIDs, app names typed in chat. In Discord it must stay text: no formatting, no
 * masked link (`[Re-auth](https://evil)`), no mention (`<@id>`, `<@&role>`, `@everyone`), no heading or quote.
 * A backslash before punctuation shows the character itself; a zero-width space breaks @everyone and @here.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]<>]/g, '\\$&')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}

function assertNever(value: never): never {
  throw new Error(`unrendered reply part: ${JSON.stringify(value)}`);
}

/** A Reply as one embed and up to five component rows. Visibility is the caller's (it is a flag, not content). */
export function renderReply(reply: Reply): RenderedMessage {
  const style = STATUS_STYLE[reply.status];
  const embed = new EmbedBuilder().setColor(style.color).setTitle(clip(`${style.mark} ${escapeText(reply.title)}`, LIMITS.title));
  const description: string[] = [];
  const embedFields: APIEmbedField[] = [];
  const w = chromeWords(reply.locale);
  for (const block of reply.blocks) renderBlock(block, description, embedFields, w);
  if (reply.cause) embedFields.push({ name: w.cause, value: escapeText(reply.cause) });
  if (reply.fix) embedFields.push({ name: w.fix, value: escapeText(reply.fix) });
  if (reply.code) embedFields.push({ name: w.errorCode, value: escapeText(reply.code), inline: true });

  const text = description.join('\n\n');
  const desc = text ? clipDescription(text) : '';
  if (desc) embed.setDescription(desc);
  // Discord shows a footer as plain text (no markdown, no mentions): escaping it would only show backslashes.
  const footer = reply.footer ? clip(reply.footer, LIMITS.footer) : '';
  const fitted = fitTotal(fitFields(embedFields, w), (embed.data.title ?? '').length + desc.length + footer.length, w);
  if (fitted.length > 0) embed.addFields(fitted);
  if (footer) embed.setFooter({ text: footer });
  return { embeds: [embed], components: renderActions(reply.actions ?? []), allowedMentions: { parse: [] } };
}

function renderBlock(block: Block, description: string[], out: APIEmbedField[], w: Chrome): void {
  switch (block.type) {
    case 'text':
      description.push(escapeText(block.text));
      return;
    case 'code':
      // A UserSig is one long unbroken word: a code block keeps it whole and copyable.
      description.push(`\`\`\`\n${block.text.replace(/```/g, '`\u200b``')}\n\`\`\``);
      return;
    case 'fields':
      for (const f of block.fields) out.push({ name: escapeText(f.label), value: escapeText(f.value), inline: f.value.length <= 40 });
      return;
    case 'list':
      description.push(`**${escapeText(block.title)}**\n${block.items.map((i) => `• ${escapeText(i)}`).join('\n')}`);
      return;
    case 'item': {
      const lines = block.fields.map((f) => `**${escapeText(f.label)}${w.colon}** ${escapeText(f.value)}`);
      if (block.cause) lines.push(`**${w.cause}${w.colon}** ${escapeText(block.cause)}`);
      if (block.fix) lines.push(`**${w.fix}${w.colon}** ${escapeText(block.fix)}`);
      out.push({ name: `${STATUS_STYLE[block.status].mark} ${escapeText(block.title)}`, value: lines.join('\n') || '—' });
      return;
    }
    default:
      assertNever(block);
  }
}

/** Never cut a code block in half: a truncated UserSig that looks whole is worse than a note that it was cut. */
function clipDescription(text: string): string {
  if (text.length <= LIMITS.description) return text;
  const note = '\n… (cut to fit Discord; run the command from the CLI for the whole text)';
  let cut = text.slice(0, LIMITS.description - note.length);
  const fences = cut.split('```').length - 1;
  if (fences % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('```'));
  return cut + note;
}

function fitFields(fields: APIEmbedField[], w: Chrome): APIEmbedField[] {
  const out = fields.map((f) => ({
    name: clip(f.name || '\u200b', LIMITS.fieldName),
    value: clip(f.value || '—', LIMITS.fieldValue),
    ...(f.inline && { inline: true }),
  }));
  if (out.length <= LIMITS.fields) return out;
  const kept = out.slice(0, LIMITS.fields - 1);
  kept.push({ name: w.more, value: w.moreNotShown(out.length - kept.length) });
  return kept;
}

/** Discord rejects an embed over 6000 characters in all; drop trailing fields (saying so) until it fits. */
function fitTotal(fields: APIEmbedField[], used: number, w: Chrome): APIEmbedField[] {
  const size = (fs: APIEmbedField[]) => fs.reduce((n, f) => n + f.name.length + f.value.length, used);
  const out = [...fields];
  let dropped = 0;
  const more = () => ({ name: w.more, value: w.moreNotShown(dropped) });
  while (out.length > 0 && size(dropped ? [...out, more()] : out) > LIMITS.embedTotal) {
    out.pop();
    dropped += 1;
  }
  return dropped ? [...out, more()] : out;
}

function buttonStyle(style: 'primary' | 'danger' | undefined): ButtonStyle {
  switch (style) {
    case 'primary':
      return ButtonStyle.Primary;
    case 'danger':
      return ButtonStyle.Danger;
    case undefined:
      return ButtonStyle.Secondary;
    default:
      return assertNever(style);
  }
}

function selectOptions(options: Choice[], selected: string | undefined) {
  return options.slice(0, LIMITS.selectOptions).map((o) => ({
    label: clip(o.label, LIMITS.optionText),
    value: clip(o.value, LIMITS.optionText),
    ...(o.description && { description: clip(o.description, LIMITS.optionText) }),
    ...(selected !== undefined && o.value === selected && { default: true }),
  }));
}

/** Selects take a row each; consecutive buttons share rows of five. Discord allows five rows. */
function renderActions(actions: Action[]): ActionRowBuilder<MessageActionRowComponentBuilder>[] {
  const rows: ActionRowBuilder<MessageActionRowComponentBuilder>[] = [];
  let buttons: ButtonBuilder[] = [];
  const flush = () => {
    if (buttons.length > 0) rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(buttons));
    buttons = [];
  };
  for (const action of actions) {
    switch (action.type) {
      case 'button':
        if (buttons.length === LIMITS.buttonsPerRow) flush();
        buttons.push(new ButtonBuilder().setCustomId(action.id).setLabel(clip(action.label, LIMITS.buttonLabel)).setStyle(buttonStyle(action.style)));
        break;
      case 'select': {
        flush();
        if (action.options.length === 0) break; // Discord rejects an empty select; the reply text says why
        const menu = new StringSelectMenuBuilder()
          .setCustomId(action.id)
          .setPlaceholder(clip(action.placeholder, LIMITS.placeholder))
          .addOptions(selectOptions(action.options, action.selected));
        rows.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(menu));
        break;
      }
      default:
        assertNever(action);
    }
  }
  flush();
  return rows.slice(0, LIMITS.rows);
}

/** A Form as a modal of Label-wrapped inputs (Discord shows no inline errors; the submit answer lists them). */
export function renderForm(form: Form): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(form.id).setTitle(clip(form.title, LIMITS.modalTitle));
  const labels = form.fields.slice(0, LIMITS.modalFields).map((field) => renderFormField(field));
  if (labels.length > 0) modal.addLabelComponents(labels);
  return modal;
}

function renderFormField(field: FormField): LabelBuilder {
  const label = new LabelBuilder().setLabel(clip(field.label, LIMITS.modalLabel));
  if (field.label.length > LIMITS.modalLabel) label.setDescription(clip(field.label, LIMITS.labelDescription));
  switch (field.type) {
    case 'text': {
      const input = new TextInputBuilder()
        .setCustomId(field.id)
        .setStyle(field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short)
        .setRequired(field.required)
        .setMaxLength(Math.min(field.maxLength ?? LIMITS.textInput, LIMITS.textInput));
      if (field.placeholder) input.setPlaceholder(clip(field.placeholder, 100));
      if (field.initial) input.setValue(clip(field.initial, LIMITS.textInput));
      return label.setTextInputComponent(input);
    }
    case 'select': {
      const menu = new StringSelectMenuBuilder()
        .setCustomId(field.id)
        .setRequired(field.required)
        .setMinValues(field.required ? 1 : 0)
        .setMaxValues(1)
        .addOptions(selectOptions(field.options, field.initial));
      return label.setStringSelectMenuComponent(menu);
    }
    default:
      return assertNever(field);
  }
}

/** The labels of a form's fields, to name them in the validation answer after a submit. */
export function formLabels(form: Form): Record<string, string> {
  return Object.fromEntries(form.fields.map((f) => [f.id, f.label]));
}
