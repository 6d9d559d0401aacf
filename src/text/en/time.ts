import { clockTime, spanParts, type SpanUnit, type TimeWords } from '../time.js';

const unitNames: Record<SpanUnit, string> = { year: 'year', day: 'day', hour: 'hour', minute: 'minute', second: 'second' };

/** 90061 -> "1 day 1 hour"; used inside causes, where the reader wants a rough size. */
export function span(seconds: number): string {
  const parts = spanParts(seconds);
  return parts.length ? parts.map(([n, unit]) => `${n} ${unitNames[unit]}${n === 1 ? '' : 's'}`).join(' ') : '0 seconds';
}

export function enTime(zone = 'UTC'): TimeWords {
  const relative = (unixMs: number, nowMs: number) => {
    const diff = unixMs - nowMs;
    if (Math.abs(diff) < 1000) return 'now';
    return diff > 0 ? `in ${span(diff / 1000)}` : `${span(diff / 1000)} ago`;
  };
  return {
    zone,
    span,
    at: (unixMs) => clockTime(unixMs, zone),
    relative,
    when: (unixMs, nowMs) => `${clockTime(unixMs, zone)} (${relative(unixMs, nowMs)})`,
  };
}
