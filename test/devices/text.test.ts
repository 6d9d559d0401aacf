import { describe, expect, it } from 'vitest';
import { clip } from '../../src/text.js';
import { clip as adapterClip } from '../../src/commands/adapter.js';

describe('clip (one helper for the core and both chat adapters)', () => {
  it('never returns more than the limit, marks a cut with …, and leaves short text alone', () => {
    expect(clip('x'.repeat(50), 40)).toBe(`${'x'.repeat(39)}…`);
    expect(clip('x'.repeat(40), 40)).toBe('x'.repeat(40));
    expect(clip('abc', 1)).toBe('…');
    expect(clip('', 5)).toBe('');
  });

  it('is the same function wherever it is imported from', () => {
    expect(adapterClip).toBe(clip);
    // The core's copy used to return limit + 1 characters, one over what a platform limit allows.
    expect(adapterClip('y'.repeat(100), 70)).toHaveLength(70);
  });
});
