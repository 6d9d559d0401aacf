// Builds a provider's reason table from its rows; a reason listed twice is a mistake caught at start-up, not a
// row silently replaced by the later one.
import type { ReasonEntry } from './types.js';

export function reasonTable(provider: string, rows: readonly Omit<ReasonEntry, 'provider'>[]): ReadonlyMap<string, ReasonEntry> {
  const table = new Map<string, ReasonEntry>();
  for (const row of rows) {
    if (table.has(row.reason)) throw new Error(`${provider} reason table lists ${row.reason} twice`);
    table.set(row.reason, { provider, ...row });
  }
  return table;
}
