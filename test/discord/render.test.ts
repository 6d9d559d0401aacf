// The renderer against Discord's limits: whatever the core returns, Discord must accept the message and the
// user must see every part of it (or be told what was left out).
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/commands/reply.js';
import { LIMITS, renderForm, renderReply } from '../../adapters/discord/render.js';
import { shown } from './harness.js';

const base: Reply = { status: 'failure', title: 'Invalid UserSig: EXPIRED', visibility: 'ephemeral', blocks: [] };
const json = (r: Reply) => {
  const m = renderReply(r);
  return { embed: m.embeds[0]!.toJSON(), rows: m.components.map((c) => c.toJSON()) };
};
const embedSize = (e: ReturnType<typeof json>['embed']) =>
  (e.title ?? '').length +
  (e.description ?? '').length +
  (e.footer?.text ?? '').length +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

describe('renderReply', () => {
  it('shows every block kind, the cause, the fix and the code', () => {
    const { embed } = json({
      ...base,
      blocks: [
        { type: 'text', text: 'Checked against app prod.' },
        { type: 'fields', fields: [{ label: 'Verdict', value: 'EXPIRED' }] },
        { type: 'code', text: 'eJwrSEpN*sig_-' },
        { type: 'item', status: 'success', title: 'PASS · APNs', fields: [{ label: 'Token', value: '3f2a9c…77ab (64 chars)' }], cause: 'c1', fix: 'f1' },
        { type: 'list', title: 'Usual reasons', items: ['logged out', 'wrong app'] },
      ],
      cause: 'It expired.',
      fix: 'Sign a new one.',
      code: 'IM 70001',
      footer: 'Correlation ID: abc',
    });
    expect(embed.title).toBe('❌ Invalid UserSig: EXPIRED');
    expect(embed.description).toContain('Checked against app prod.');
    expect(embed.description).toContain('```\neJwrSEpN*sig_-\n```');
    expect(embed.description).toContain('**Usual reasons**\n• logged out\n• wrong app');
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields).toMatchObject({ Verdict: 'EXPIRED', Cause: 'It expired.', Fix: 'Sign a new one.', 'Error code': 'IM 70001' });
    expect(fields['✅ PASS · APNs']).toBe('**Token:** 3f2a9c…77ab (64 chars)\n**Cause:** c1\n**Fix:** f1');
    expect(embed.footer?.text).toBe('Correlation ID: abc');
  });

  it('keeps within 25 fields and 6000 characters, saying how much was left out', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ label: `Device ${i}`, value: 'x'.repeat(300) }));
    const { embed } = json({ ...base, blocks: [{ type: 'fields', fields: many }] });
    expect(embed.fields!.length).toBeLessThanOrEqual(LIMITS.fields);
    expect(embedSize(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.fields!.at(-1)).toMatchObject({ name: 'More' });
    expect(embed.fields!.at(-1)!.value).toMatch(/^\d+ more not shown$/);
  });

  it('never cuts a code block in half: a partial UserSig must not look whole', () => {
    const { embed } = json({
      ...base,
      blocks: [
        { type: 'text', text: 'a'.repeat(3000) },
        { type: 'code', text: 'S'.repeat(2000) },
      ],
    });
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.description).not.toContain('SSS');
    expect(embed.description).toContain('cut to fit Discord');
  });

  it('puts buttons five to a row and each select on its own row, with the chosen option marked', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ type: 'button' as const, id: `b${i}`, label: `B${i}` }));
    const options = Array.from({ length: 30 }, (_, i) => ({ label: `cert ${i}`, value: String(i) }));
    const { rows } = json({
      ...base,
      actions: [
        { type: 'select', id: 'sel', placeholder: 'Certificate', options, selected: '3' },
        ...buttons,
        { type: 'button', id: 'go', label: 'Start testing', style: 'primary' },
      ],
    });
    expect(rows.map((r) => r.components.length)).toEqual([1, 5, 3]);
    const select = rows[0]!.components[0] as { options: { value: string; default?: boolean }[] };
    expect(select.options).toHaveLength(LIMITS.selectOptions);
    expect(select.options.filter((o) => o.default).map((o) => o.value)).toEqual(['3']);
    expect(rows[2]!.components.at(-1)).toMatchObject({ type: 2, label: 'Start testing', style: 1, custom_id: 'go' });
  });

  it('leaves out a select with no options (Discord would reject the whole message)', () => {
    const { rows } = json({
      ...base,
      actions: [
        { type: 'select', id: 's', placeholder: 'p', options: [] },
        { type: 'button', id: 'b', label: 'Again' },
      ],
    });
    expect(rows.map((r) => r.components.map((c) => c.type))).toEqual([[2]]);
  });
});

describe('renderForm', () => {
  it('turns fields into labelled inputs: long text as a paragraph, selects with the initial choice', () => {
    const modal = renderForm({
      id: 'us.verify|prod',
      title: 'Verify a UserSig against the configured application key',
      submitLabel: 'Verify',
      fields: [
        { type: 'text', id: 'userId', label: 'UserID', required: true, initial: 'alice', maxLength: 200 },
        { type: 'text', id: 'userSig', label: 'UserSig', placeholder: 'paste the UserSig', required: true, multiline: true, maxLength: 3000 },
        {
          type: 'select',
          id: 'app',
          label: 'App',
          required: true,
          initial: 'staging',
          options: [
            { label: 'prod', value: 'prod' },
            { label: 'staging', value: 'staging' },
          ],
        },
      ],
    }).toJSON();
    expect(modal.custom_id).toBe('us.verify|prod');
    expect(modal.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const labels = modal.components as unknown as { type: number; label: string; component: Record<string, unknown> }[];
    expect(labels.map((l) => [l.type, l.label])).toEqual([
      [18, 'UserID'],
      [18, 'UserSig'],
      [18, 'App'],
    ]);
    expect(labels[0]!.component).toMatchObject({ type: 4, custom_id: 'userId', style: 1, required: true, value: 'alice' });
    expect(labels[1]!.component).toMatchObject({ type: 4, custom_id: 'userSig', style: 2, required: true, max_length: 3000 });
    expect(labels[2]!.component).toMatchObject({ type: 3, custom_id: 'app' });
    expect((labels[2]!.component.options as { value: string; default?: boolean }[]).find((o) => o.default)?.value).toBe('staging');
  });
});

describe('text from users', () => {
  // What a client could put in deviceModel, osVersion, appVersion or bundleId (up to 256 characters each).
  const hostile = [
    '[Re-auth here](https://evil.example/login)',
    '@everyone urgent: @here',
    '<@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678> </pushcheck:1> <t:1:R>',
    '**bold** __underline__ *it* _it_ ~~gone~~ ||spoiler|| `code` ```block```',
    '# Heading\n## Sub\n-# small\n> quoted\n- bullet\n1. numbered',
    'back\\slash <https://evil.example>',
  ];
  /** Specials that would still act in Discord: not preceded by a backslash (which itself is escaped in pairs). */
  const live = (text: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += 1) {
      if (text[i] === '\\') {
        i += 1;
        continue;
      }
      if ('*_~|`[]<>'.includes(text[i]!)) out.push(text.slice(Math.max(0, i - 8), i + 8));
    }
    // Headings, subtext, bullets and numbered lists act only at the start of a line.
    for (const m of text.matchAll(/^ *(-?#+ |[-*] +|\d+\. )/gm)) out.push(m[0]);
    return out;
  };

  it.each(hostile)('shows %j as text: no link, mention, ping or formatting, and nothing lost', (value) => {
    const { embed } = json({
      ...base,
      title: `Devices of ${value}`,
      blocks: [
        { type: 'text', text: value },
        { type: 'fields', fields: [{ label: 'Device', value }] },
      ],
      cause: value,
      fix: value,
    });
    const fields = embed.fields ?? [];
    const texts = [embed.title!.replace(/^\S+ /, ''), embed.description!, ...fields.map((f) => f.value)];
    for (const t of texts) {
      expect(live(t)).toEqual([]);
      expect(t).not.toMatch(/@(everyone|here)/);
    }
    expect(shown(embed.title!)).toContain(`Devices of ${value}`);
    expect(shown(embed.description!)).toBe(value);
    expect(fields.map((f) => shown(f.value))).toEqual([value, value, value]);
  });

  it("escapes checked items and lists too, keeping the card's own bold labels", () => {
    const value = `${hostile[0]!} ${hostile[1]!}`;
    const { embed } = json({
      ...base,
      blocks: [
        { type: 'item', status: 'failure', title: value, fields: [{ label: 'Model', value }], cause: value, fix: value },
        { type: 'list', title: 'Uploaded', items: [value] },
      ],
    });
    const item = embed.fields![0]!;
    expect(item.value).toMatch(/^\*\*Model:\*\* /);
    for (const t of [item.name, item.value, embed.description!]) {
      expect(t).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
      expect(t).not.toMatch(/@(everyone|here)/);
    }
    expect(shown(item.value)).toBe(`**Model:** ${value}\n**Cause:** ${value}\n**Fix:** ${value}`.replace(/\*\*/g, '**'));
    expect(shown(embed.description!)).toBe(`**Uploaded**\n• ${value}`);
  });

  it('keeps a UserSig in its code block exactly as signed', () => {
    const sig = 'eJw1jd0*_-[x](y)<@1>';
    expect(json({ ...base, blocks: [{ type: 'code', text: sig }] }).embed.description).toBe(`\`\`\`\n${sig}\n\`\`\``);
  });

  it('asks Discord to ping nobody', () => {
    expect(renderReply(base).allowedMentions).toEqual({ parse: [] });
  });
});
