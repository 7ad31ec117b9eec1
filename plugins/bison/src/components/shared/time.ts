const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A past or future instant relative to now: '3 days ago', 'in 2 hours'. */
export function formatRelativeTime(iso: string, now: Date = new Date()) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return format.format(Math.trunc(seconds / size), unit);
    }
  }
  return iso;
}

/** An instant for tables: '2026-01-02 10:00' in the user's time zone. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(
    at.getDate(),
  )} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const HOUR_MS = 3_600_000;

/** A span for forecasts, rounded: '~3 days', '~5 hours', 'less than an hour'. */
export function formatApproxDuration(ms: number): string {
  const hours = ms / HOUR_MS;
  if (hours < 1) return 'less than an hour';
  if (hours < 24) {
    const rounded = Math.round(hours);
    return `~${rounded} hour${rounded === 1 ? '' : 's'}`;
  }
  const days = Math.round(hours / 24);
  return `~${days} day${days === 1 ? '' : 's'}`;
}

/** A day in the user's time zone: '5 Dec', with the year when not this year. */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(at.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The start (00:00 UTC) of a date typed in a date input ('2026-01-31') as an
 * RFC 3339 instant, '2026-01-31T00:00:00Z'; undefined when empty or invalid.
 * With `dayAfter`, the start of the following day, so that a "to" date
 * includes the whole day.
 */
export function utcStartOfDay(
  date: string,
  options?: { dayAfter?: boolean },
): string | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day + (options?.dayAfter ? 1 : 0));
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}
