// Text from users (device fields from the upload API, UserIDs, app names) rendered into Block Kit stays text:
// no `<!everyone>` ping, no `<@U…>` mention, no `<https://evil|Re-auth>` masked link, no automatic parsing.
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/commands/reply.js';
import { renderMessage } from '../../adapters/slack/render.js';

const hostile = [
  '<https://evil.example/login|Re-auth here>',
  '<!everyone> <!channel> <!here> <!subteam^S123>',
  '<@U0ADMIN> <#C0GENERAL> <!date^1392734382^{date}|x>',
  '@channel @here #general https://evil.example',
  'a & b &lt;already&gt;',
];

/** Every mrkdwn text object in a message (section text, section fields, context elements). */
function mrkdwnObjects(blocks: unknown[]): { text: string; verbatim?: boolean }[] {
  const out: { text: string; verbatim?: boolean }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o as { text: string; verbatim?: boolean });
    Object.values(o).forEach(visit);
  };
  visit(blocks);
  return out;
}

const unescapeText = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('Slack rendering of user-supplied text', () => {
  it.each(hostile)('shows %j as text in every part of a reply', (value) => {
    const reply: Reply = {
      status: 'failure',
      title: `Devices of ${value}`,
      visibility: 'public',
      blocks: [
        { type: 'text', text: value },
        { type: 'fields', fields: [{ label: 'Device', value }] },
        { type: 'item', status: 'failure', title: value, fields: [{ label: 'Model', value }], cause: value, fix: value },
        { type: 'list', title: value, items: [value] },
      ],
      cause: value,
      fix: value,
      code: value,
      footer: value,
    };
    const message = renderMessage(reply);
    const objects = mrkdwnObjects(message.blocks);
    expect(objects.length).toBeGreaterThanOrEqual(8);
    for (const o of objects) {
      // No control sequence survives: every < in the text came from the user and is escaped.
      expect(o.text).not.toMatch(/</);
      expect(o.verbatim).toBe(true);
      expect(unescapeText(o.text)).toContain(value);
    }
    expect(message.text).not.toMatch(/</);
    expect(unescapeText(message.text)).toBe(`Devices of ${value}`);
  });
});
