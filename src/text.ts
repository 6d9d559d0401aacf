/**
 * `text` cut to at most `max` characters, the last of them "…" when anything was cut. Chat platforms reject
 * (not truncate) text over their limits, so the result never exceeds `max`.
 */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
