// Builds a provider's reason table from its rows; a reason listed twice is a mistake caught at start-up, not a
// row silently replaced by the later one.
import { type Catalogue, say } from '../../text/index.js';
import type { PushVerdict } from '../verdicts.js';
import type { ReasonEntry } from './types.js';

export function reasonTable(provider: string, rows: readonly Omit<ReasonEntry, 'provider'>[]): ReadonlyMap<string, ReasonEntry> {
  const table = new Map<string, ReasonEntry>();
  for (const row of rows) {
    if (table.has(row.reason)) throw new Error(`${provider} reason table lists ${row.reason} twice`);
    table.set(row.reason, { provider, ...row });
  }
  return table;
}

/** The words of one reason in one catalogue. */
export interface ReasonText {
  cause: string;
  fix: string;
}

/**
 * Rows whose cause and fix live in the catalogues: `words(t)[reason]` in every language. The type checker asks
 * each catalogue for the words of every reason listed.
 */
export function wordedRows<R extends string>(
  rows: readonly { reason: R; status?: number; verdict: PushVerdict }[],
  words: (t: Catalogue) => Record<R, ReasonText>,
): Omit<ReasonEntry, 'provider'>[] {
  return rows.map((row) => ({
    ...row,
    cause: say((t) => words(t)[row.reason].cause),
    fix: say((t) => words(t)[row.reason].fix),
  }));
}
