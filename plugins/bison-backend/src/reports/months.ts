import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';

/** A calendar month in the reports' time zone, as `YYYY-MM`. */
export interface Month {
  year: number;
  month: number;
}

export function formatMonth({ year, month }: Month): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Reads `YYYY-MM`; a 400 naming `field` otherwise. */
export function parseMonth(text: string, field = 'month'): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || year < 1970) {
    throw new InputError(`'${field}' must be a month as YYYY-MM, e.g. 2026-11`);
  }
  return { year, month };
}

/** The instants the month starts and ends at (end exclusive) in `zone`. */
export function monthRange(
  { year, month }: Month,
  zone: string,
): { start: Date; end: Date } {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

export function monthOf(instant: Date, zone: string): Month {
  const local = DateTime.fromJSDate(instant, { zone });
  return { year: local.year, month: local.month };
}

/** Every month from `first` to `last`, both included, newest first. */
export function monthsBetween(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  let { year, month } = last;
  while (year > first.year || (year === first.year && month >= first.month)) {
    months.push({ year, month });
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}
