/**
 * The neutral reply model: plain data that each adapter renders (Block Kit, Discord components, terminal).
 * Add a new block or action type here and the type checker points at every renderer that must learn it.
 */

import type { Locale } from '../text/locale.js';

export type Status = 'success' | 'failure' | 'warning' | 'info' | 'error';
export type Visibility = 'ephemeral' | 'public';

export interface Field {
  label: string;
  value: string;
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Field[] }
  /** Monospace text the user copies (a UserSig); never wrapped or reformatted. */
  | { type: 'code'; text: string }
  /** One checked item with its own outcome, for example one device's push result. */
  | { type: 'item'; status: Status; title: string; fields: Field[]; cause?: string; fix?: string }
  | { type: 'list'; title: string; items: string[] };

export interface Choice {
  label: string;
  value: string;
  description?: string;
}

/** Action ids are at most 100 characters (Discord's custom_id limit) and carry all the state they need. */
export type Action =
  | { type: 'button'; id: string; label: string; style?: 'primary' | 'danger' }
  | { type: 'select'; id: string; placeholder: string; options: Choice[]; selected?: string };

export interface Reply {
  status: Status;
  title: string;
  visibility: Visibility;
  blocks: Block[];
  cause?: string;
  fix?: string;
  /** An error code the user will search for, for example "IM 70009". */
  code?: string;
  actions?: Action[];
  /** Small print, for example the correlation ID of an internal error. */
  footer?: string;
  /** The reader's language: renderers word their own labels (Cause, Fix, Cancel) in it. English when absent. */
  locale?: Locale;
}

export type FormField =
  | { type: 'text'; id: string; label: string; placeholder?: string; required: boolean; multiline?: boolean; maxLength?: number; initial?: string }
  | { type: 'select'; id: string; label: string; options: Choice[]; required: boolean; initial?: string };

/** A modal. `id` is at most 100 characters and carries the state the submit needs. At most 5 fields. */
export interface Form {
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
  /** The reader's language, for the renderer's own words (Cancel). English when absent. */
  locale?: Locale;
}

export const ACTION_ID_MAX = 100;

// Small constructors so handlers read as what they say.

export function fields(...pairs: [string, string | undefined][]): Block {
  return { type: 'fields', fields: pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([label, value]) => ({ label, value })) };
}

export function text(t: string): Block {
  return { type: 'text', text: t };
}

export function code(t: string): Block {
  return { type: 'code', text: t };
}

export function errorReply(title: string, cause: string, fix?: string, extra: Partial<Reply> = {}): Reply {
  return { status: 'error', title, visibility: 'ephemeral', blocks: [], cause, fix, ...extra };
}
