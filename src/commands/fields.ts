// Form fields more than one command asks for.
import { appNames } from '../checks/refusal.js';
import type { FormField } from '../present/reply.js';
import type { Ctx } from './context.js';

/** The app select, first app chosen; nothing when no app is configured (the command then says so). */
export function appField(ctx: Ctx): FormField[] {
  const names = appNames(ctx.deps.config);
  if (names.length === 0) return [];
  return [{ type: 'select', id: 'app', label: ctx.t.labels.app, options: names.map((n) => ({ label: n, value: n })), required: true, initial: names[0]! }];
}

export function userIdField(ctx: Ctx, o: { required: boolean; initial?: string }): FormField {
  return {
    type: 'text',
    id: 'userId',
    label: ctx.t.labels.userId,
    placeholder: ctx.t.forms.userIdPlaceholder,
    required: o.required,
    maxLength: 200,
    ...(o.initial !== undefined && { initial: o.initial }),
  };
}
