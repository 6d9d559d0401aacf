// Times and durations as a person reads them: the wall-clock time in their time zone with its UTC offset
// ("2026-12-01 12:07:27 UTC+8"), and rough spans ("3 days", "3 天"). Each catalogue words the spans; the clock
// face is the same digits in every language.

/** A time zone imops can format in; an unknown name falls back to UTC rather than failing a reply. */
export function validTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** "2026-12-01 12:07:27 UTC+8" (or "UTC", "UTC+5:30", "UTC-3"): `unixMs` on the clock of `zone`. */
export function clockTime(unixMs: number, zone = 'UTC'): string {
  if (!Number.isFinite(unixMs) || Math.abs(unixMs) > 8.64e15) return `unix ${Math.round(unixMs / 1000)}`;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(unixMs)) parts[p.type] = p.value;
  const year = (parts.year ?? '').padStart(4, '0');
  return `${year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offsetName(parts.timeZoneName ?? '')}`;
}

/** "GMT+08:00" -> "UTC+8", "GMT+05:30" -> "UTC+5:30", "GMT" -> "UTC". */
function offsetName(gmt: string): string {
  const m = /^GMT([+-])(\d\d):(\d\d)$/.exec(gmt);
  if (!m || (m[2] === '00' && m[3] === '00')) return 'UTC';
  return `UTC${m[1]}${Number(m[2])}${m[3] === '00' ? '' : `:${m[3]}`}`;
}

/** The units of a rough span, largest first, as a catalogue words them. */
export type SpanUnit = 'year' | 'day' | 'hour' | 'minute' | 'second';

const UNITS: [number, SpanUnit][] = [
  [365 * 86400, 'year'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** 90061 -> [[1, 'day'], [1, 'hour']]: at most two units, and none below a day once days are counted. */
export function spanParts(seconds: number): [number, SpanUnit][] {
  const parts: [number, SpanUnit][] = [];
  let rest = Math.max(0, Math.round(Math.abs(seconds)));
  for (const [size, unit] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push([n, unit]);
      rest -= n * size;
      if (parts.length === 2 || size >= 86400) break;
    } else if (parts.length) break;
  }
  return parts;
}

/** How a catalogue words times. `at` and `when` use the reader's time zone. */
export interface TimeWords {
  /** The IANA zone times are shown in ("UTC", "Asia/Shanghai"). */
  zone: string;
  /** A rough size: "1 day 1 hour", "1 天 1 小时". */
  span(seconds: number): string;
  /** A clock time: "2026-12-01 12:07:27 UTC+8". */
  at(unixMs: number): string;
  /** "in 3 days" / "3 days ago" / "now". */
  relative(unixMs: number, nowMs: number): string;
  /** A clock time and how far it is from now: "2026-12-01 12:07:27 UTC+8 (in 3 days)". */
  when(unixMs: number, nowMs: number): string;
}
