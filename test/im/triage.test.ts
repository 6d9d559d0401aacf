import { describe, expect, it } from 'vitest';
import { judgeHistory, mostLikely, type HistoryEntry, type TriageFinding } from '../../src/checks/triage.js';
import { en } from '../../src/text/en/index.js';

const at = Date.parse('2026-03-01T09:12:00Z');
const f = (check: TriageFinding['check'], verdict: string, ok: boolean, extra: Partial<TriageFinding> = {}): TriageFinding => ({
  check,
  verdict,
  ok,
  elapsedMs: 1,
  ...extra,
});

describe('triage: what the login trail and push results say', () => {
  it('a login elsewhere that kicked the iPhone is KICKED, worded with the device', () => {
    const events: HistoryEntry[] = [{ at, command: 'State.StateChange', action: 'Login', platform: 'Android', kicked: ['iPhone'] }];
    const h = judgeHistory(events, true);
    expect(h).toMatchObject({ verdict: 'KICKED', ok: false });
    expect(en.triage.word(f('history', 'KICKED', false, h), 'bob', en.time).cause).toBe(
      'A login at 2026-03-01 09:12:00 UTC from Android kicked bob off iPhone: a kicked device gets no offline push.',
    );
  });

  it("IM's last push failing is PUSH_FAILED with the vendor's code; a later login does not hide it", () => {
    const events: HistoryEntry[] = [
      {
        at: at + 1000,
        command: 'Push.OfflinePush',
        platform: 'Android',
        push: { command: 'Push.OfflinePush', at: at + 1000, errCode: 1, errInfo: 'regid_invalid', ok: false },
      },
      { at, command: 'State.StateChange', action: 'Login' },
    ];
    const h = judgeHistory(events, true);
    expect(h.verdict).toBe('PUSH_FAILED');
    expect(en.triage.word(f('history', 'PUSH_FAILED', false, h), 'bob', en.time).cause).toMatch(/failed: 1 regid_invalid/);
  });

  it('no events: NO_EVENTS with callbacks configured, NO_CALLBACKS (and how to set them up) without', () => {
    expect(judgeHistory([], true).verdict).toBe('NO_EVENTS');
    expect(judgeHistory([], false).verdict).toBe('NO_CALLBACKS');
  });

  it('the most likely cause: no account first, a logout before the bare OFFLINE state, a TIMEOUT only when nothing else explains', () => {
    expect(mostLikely([f('online', 'OFFLINE', false), f('history', 'LOGGED_OUT', false), f('account', 'NOT_IMPORTED', false)])?.verdict).toBe('NOT_IMPORTED');
    expect(mostLikely([f('online', 'OFFLINE', false), f('history', 'LOGGED_OUT', false)])?.check).toBe('history');
    // A live state outranks an old logout in the trail.
    expect(mostLikely([f('online', 'ONLINE', false), f('history', 'LOGGED_OUT', false)])?.check).toBe('online');
    expect(mostLikely([f('online', 'TIMEOUT', false), f('devices', 'NO_DEVICES', false)])?.verdict).toBe('NO_DEVICES');
    expect(mostLikely([f('online', 'TIMEOUT', false), f('devices', 'DEVICES', true)])?.verdict).toBe('TIMEOUT');
    expect(mostLikely([f('online', 'PUSH_ONLINE', true), f('devices', 'DEVICES', true)])).toBeUndefined();
  });
});
