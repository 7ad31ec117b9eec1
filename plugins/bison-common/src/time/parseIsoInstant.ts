import { InvalidInstantError } from '../errors';

// RFC 3339 date-time: full-date 'T' partial-time time-offset.
// 'T' and 'Z' may be lower case, as RFC 3339 allows.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses a strict RFC 3339 timestamp with a timezone
 * ('2026-01-01T00:00:00Z', '2026-01-01T01:00:00.5+01:00'). Rejects dates
 * that do not exist ('2026-02-30'), dates without time or timezone, and
 * leap seconds (a JS Date cannot represent them). Fractions of a
 * millisecond are truncated.
 *
 * @public
 */
export function parseIsoInstant(text: string): Date {
  if (typeof text !== 'string') {
    throw new InvalidInstantError('timestamp must be a string');
  }
  const match = RFC3339.exec(text);
  if (!match) {
    throw new InvalidInstantError(
      'timestamp must be an RFC 3339 date-time with a timezone, such as 2026-01-01T00:00:00Z',
    );
  }
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map(Number);
  const fraction = match[7] ?? '';
  const isUtc = match[8] !== undefined;
  const offsetSign = match[9] === '-' ? -1 : 1;
  const offsetHours = isUtc ? 0 : Number(match[10]);
  const offsetMinutes = isUtc ? 0 : Number(match[11]);

  if (month < 1 || month > 12) {
    throw new InvalidInstantError('timestamp has a month outside 01-12');
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidInstantError(
      `timestamp has a day that does not exist in ${match[1]}-${match[2]}`,
    );
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new InvalidInstantError(
      'timestamp has a time outside 00:00:00-23:59:59',
    );
  }
  if (offsetHours > 23 || offsetMinutes > 59) {
    throw new InvalidInstantError('timestamp has an invalid timezone offset');
  }

  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, milliseconds);
  const offsetMs = offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(date.getTime() - offsetMs);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
