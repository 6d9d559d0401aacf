import { ACTION_ID_MAX } from '../present/reply.js';

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
