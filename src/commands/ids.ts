import { ACTION_ID_MAX } from './reply.js';

/**
 * Action and form ids carry their own state (`pc.run|prod|10086|alice`) so any process can answer a click,
 * even after a restart. Each part is percent-encoded, so a `|` inside a UserID cannot split the id.
 */
const SEP = '|';

export function encodeId(kind: string, ...parts: string[]): string | undefined {
  const id = [kind, ...parts.map((p) => encodeURIComponent(p))].join(SEP);
  return id.length <= ACTION_ID_MAX ? id : undefined;
}

export function decodeId(id: string): { kind: string; parts: string[] } | undefined {
  if (id.length > ACTION_ID_MAX) return undefined;
  const [kind, ...raw] = id.split(SEP);
  if (!kind) return undefined;
  try {
    return { kind, parts: raw.map((p) => decodeURIComponent(p)) };
  } catch {
    return undefined;
  }
}

/** The id kinds the core issues. Adapters route on the `imops` prefix, never on these. */
export const IDS = {
  usersigForm: 'us.form',
  verifyForm: 'us.verify',
  inspectForm: 'us.inspect',
  pushForm: 'pc.form',
  pushSelect: 'pc.sel',
  pushRun: 'pc.run',
} as const;

/** Every id the core issues starts with one of these, so an adapter can route "ours" without knowing more. */
export const ID_PREFIXES = ['us.', 'pc.'] as const;

export function isCoreId(id: string): boolean {
  return ID_PREFIXES.some((p) => id.startsWith(p));
}
