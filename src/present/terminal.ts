// The terminal renderer: the same Reply chat shows, as aligned plain text for a shell.
import { formatFields } from '../format.js';
import type { Catalogue } from '../text/en/index.js';
import type { Block, Field, Reply, Status } from './reply.js';

const MARK: Record<Status, string> = { success: '✓', failure: '✗', warning: '!', info: '•', error: '✗' };

const rows = (fields: Field[]): [string, string][] => fields.map((f) => [f.label, f.value]);

function block(b: Block, t: Catalogue): string {
  switch (b.type) {
    case 'text':
      return `  ${b.text}`;
    case 'code':
      // Every line indented alike (a multi-line block, such as a sweep's bar chart, stays aligned).
      return b.text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
    case 'fields':
      return formatFields(rows(b.fields), '  ', t.chrome.colon);
    case 'list':
      return [`  ${b.title}${t.chrome.colon}`, ...b.items.map((i) => `    - ${i}`)].join('\n');
    case 'item':
      return [`${MARK[b.status]} ${b.title}`, formatFields([...rows(b.fields), [t.labels.cause, b.cause], [t.labels.fix, b.fix]], '    ', t.chrome.colon)]
        .filter((s) => s !== '')
        .join('\n');
    default:
      return assertNever(b);
  }
}

function assertNever(x: never): never {
  throw new Error(`unrendered block ${JSON.stringify(x)}`);
}

/** Title first, then each block separated by a blank line, then cause, fix and code; buttons have no place here. */
export function renderTerminal(reply: Reply, t: Catalogue): string {
  const parts = [`${MARK[reply.status]} ${reply.title}`, ...reply.blocks.map((b) => block(b, t))];
  const tail = formatFields(
    [
      [t.labels.cause, reply.cause],
      [t.labels.fix, reply.fix],
      [t.labels.code, reply.code],
    ],
    '  ',
    t.chrome.colon,
  );
  if (tail) parts.push(tail);
  if (reply.footer) parts.push(`  ${reply.footer}`);
  return parts.filter((p) => p !== '').join('\n\n');
}
