/** Human-readable output shared by the CLI and chat replies: aligned fields, times in UTC with a relative hint. */
import { span as spanOf } from './usersig/time.js';

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

/** "2024-05-12 22:13:20 UTC (in 179 days)" */
export function formatTime(iso: string, nowMs: number = Date.now()): string {
  const t = Date.parse(iso);
  return `${iso.replace('T', ' ').replace(/\.\d{3}Z$|Z$/, '')} UTC (${relative(t, nowMs)})`;
}

export function relative(tMs: number, nowMs: number = Date.now()): string {
  const diff = tMs - nowMs;
  const span = spanOf(Math.abs(diff) / 1000);
  if (Math.abs(diff) < 1000) return 'now';
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

/** 15552000 -> "180 days"; 43200 -> "12 hours"; 90 -> "1 minute 30 seconds". */
export { span as humanDuration } from './usersig/time.js';
