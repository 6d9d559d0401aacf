/** Human-readable output shared by the CLI replies: aligned fields, by display width (Chinese takes two columns). */

export function formatFields(rows: [string, string | undefined][], indent = '', colon = ':'): string {
  const present = rows.filter((r): r is [string, string] => r[1] !== undefined);
  const width = Math.max(0, ...present.map(([k]) => displayWidth(k)));
  const pad = (label: string) => `${label}${colon}${' '.repeat(width - displayWidth(label))}`;
  return present.map(([k, v]) => `${indent}${pad(k)}  ${v.replace(/\n/g, `\n${indent}${' '.repeat(width + displayWidth(colon) + 2)}`)}`).join('\n');
}

/** Columns a terminal gives the text: Chinese characters and full-width punctuation take two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return n;
}
