import { DateTime } from 'luxon';
import { lastDays } from '../usage/costRanges';

/** The periods the reports page offers. */
export type ReportPeriod = '7d' | '30d' | '90d' | 'mtd' | 'lastMonth';

export const REPORT_PERIODS: { id: ReportPeriod; label: string }[] = [
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: 'mtd', label: 'Month to date' },
  { id: 'lastMonth', label: 'Last month' },
];

export const DEFAULT_REPORT_PERIOD: ReportPeriod = '30d';

const DAYS: Partial<Record<ReportPeriod, number>> = {
  '7d': 7,
  '30d': 30,
  '90d': 90,
};

const utcIso = (at: DateTime) => at.toUTC().toISO()!;

/**
 * The `from` (inclusive) and `to` (exclusive) of a period. The last N days
 * end now; months are calendar months in `timeZone` (the installation's
 * `bison.reports.timeZone`, as statements use): month to date from the 1st
 * until now, last month the whole previous month.
 */
export function reportPeriodRange(
  period: ReportPeriod,
  now: Date = new Date(),
  timeZone: string = 'UTC',
): { from: string; to: string } {
  const days = DAYS[period];
  if (days !== undefined) return lastDays(days, now);
  const monthStart = DateTime.fromJSDate(now, { zone: timeZone }).startOf(
    'month',
  );
  if (period === 'mtd') {
    return { from: utcIso(monthStart), to: now.toISOString() };
  }
  return {
    from: utcIso(monthStart.minus({ months: 1 })),
    to: utcIso(monthStart),
  };
}

/** An instant of a report period in `timeZone`: '2026-03-10 14:25'. */
export function formatInZone(iso: string, timeZone: string = 'UTC'): string {
  const at = DateTime.fromISO(iso, { zone: timeZone });
  return at.isValid ? at.toFormat('yyyy-MM-dd HH:mm') : iso;
}

/** A period as people read it: '2026-02-01 00:00 to 2026-03-01 00:00 UTC'. */
export function describePeriod(
  from: string,
  to: string,
  timeZone: string = 'UTC',
): string {
  return `${formatInZone(from, timeZone)} to ${formatInZone(
    to,
    timeZone,
  )} ${timeZone}`;
}

/**
 * The name of a report download, with its period's dates in `timeZone`:
 * 'bison-teams-report-2026-02-01-to-2026-03-01.csv'.
 */
export function reportFileName(
  report: 'teams' | 'projects',
  range: { from: string; to: string },
  timeZone: string = 'UTC',
): string {
  const day = (iso: string) => formatInZone(iso, timeZone).slice(0, 10);
  return `bison-${report}-report-${day(range.from)}-to-${day(range.to)}.csv`;
}
