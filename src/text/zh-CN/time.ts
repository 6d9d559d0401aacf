import { clockTime, spanParts, type SpanUnit, type TimeWords } from '../time.js';

const unitNames: Record<SpanUnit, string> = { year: '年', day: '天', hour: '小时', minute: '分钟', second: '秒' };

/** 90061 -> "1 天 1 小时". */
export function span(seconds: number): string {
  const parts = spanParts(seconds);
  return parts.length ? parts.map(([n, unit]) => `${n} ${unitNames[unit]}`).join(' ') : '0 秒';
}

export function zhTime(zone = 'Asia/Shanghai'): TimeWords {
  const relative = (unixMs: number, nowMs: number) => {
    const diff = unixMs - nowMs;
    if (Math.abs(diff) < 1000) return '刚刚';
    return diff > 0 ? `${span(diff / 1000)}后` : `${span(diff / 1000)}前`;
  };
  return {
    zone,
    span,
    at: (unixMs) => clockTime(unixMs, zone),
    relative,
    when: (unixMs, nowMs) => `${clockTime(unixMs, zone)}（${relative(unixMs, nowMs)}）`,
  };
}
