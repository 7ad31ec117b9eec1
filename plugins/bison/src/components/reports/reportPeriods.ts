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

function utcMonthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 1)).toISOString();
}

/**
 * The `from` (inclusive) and `to` (exclusive) of a period. The last N days
 * end now; months are calendar months in UTC, the zone the usage buckets
 * are in: month to date from the 1st until now, last month the whole
 * previous month.
 */
export function reportPeriodRange(
  period: ReportPeriod,
  now: Date = new Date(),
): { from: string; to: string } {
  const days = DAYS[period];
  if (days !== undefined) return lastDays(days, now);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  if (period === 'mtd') {
    return { from: utcMonthStart(year, month), to: now.toISOString() };
  }
  return {
    from: utcMonthStart(year, month - 1),
    to: utcMonthStart(year, month),
  };
}

/** An instant of a report period in UTC: '2026-03-10 14:25'. */
export function formatUtc(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/** A period as people read it: '2026-02-01 00:00 to 2026-03-01 00:00 UTC'. */
export function describePeriod(from: string, to: string): string {
  return `${formatUtc(from)} to ${formatUtc(to)} UTC`;
}

/**
 * The name of a report download, with its period's dates:
 * 'bison-teams-report-2026-02-01-to-2026-03-01.csv'.
 */
export function reportFileName(
  report: 'teams' | 'projects',
  range: { from: string; to: string },
): string {
  const day = (iso: string) => formatUtc(iso).slice(0, 10);
  return `bison-${report}-report-${day(range.from)}-to-${day(range.to)}.csv`;
}
