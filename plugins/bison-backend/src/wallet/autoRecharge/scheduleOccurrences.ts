import { RechargeSchedule } from './AutoRechargePolicy';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every instant in `[from, to]` at which `schedule` is due, oldest first:
 * 00:00 UTC of the weekday (ISO numbering) or of the day of the month.
 */
export function scheduleOccurrences(
  schedule: RechargeSchedule,
  from: Date,
  to: Date,
): Date[] {
  const occurrences: Date[] = [];
  const firstDay = new Date(
    Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()),
  );
  if (schedule.every === 'week') {
    const isoWeekday = ((firstDay.getUTCDay() + 6) % 7) + 1;
    const offsetDays = (schedule.weekday - isoWeekday + 7) % 7;
    for (
      let t = firstDay.getTime() + offsetDays * DAY_MS;
      t <= to.getTime();
      t += 7 * DAY_MS
    ) {
      if (t >= from.getTime()) occurrences.push(new Date(t));
    }
    return occurrences;
  }
  for (
    let year = firstDay.getUTCFullYear(), month = firstDay.getUTCMonth();
    ;
    month === 11 ? ((month = 0), (year += 1)) : (month += 1)
  ) {
    const t = Date.UTC(year, month, schedule.dayOfMonth);
    if (t > to.getTime()) return occurrences;
    if (t >= from.getTime()) occurrences.push(new Date(t));
  }
}

/** Start of the UTC calendar month that contains `instant`. */
export function monthStart(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
}
