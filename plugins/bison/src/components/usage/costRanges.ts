import { bucketStart } from '@bison/plugin-bison-common';
import { UsageGranularity } from '../../api';

/**
 * The periods the cost chart offers, each with its own bucket size: the
 * last 24 hours and 7 days by hour (daily patterns of batch and GPU jobs
 * stay visible), the last 30 days by day and the last 12 months by month.
 */
export type CostRange = '24h' | '7d' | '30d' | '12m';

export const COST_RANGES: {
  id: CostRange;
  label: string;
  granularity: UsageGranularity;
}[] = [
  { id: '24h', label: '24 hours', granularity: 'hour' },
  { id: '7d', label: '7 days', granularity: 'hour' },
  { id: '30d', label: '30 days', granularity: 'day' },
  { id: '12m', label: '12 months', granularity: 'month' },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The query of a period: `to` is now, `from` the start of the oldest whole
 * bucket, so that the period has exactly 24 or 168 hours, 30 days or 12
 * months, the last one still running.
 */
export function costRangeQuery(
  range: CostRange,
  now: Date = new Date(),
): { from: string; to: string; granularity: UsageGranularity } {
  const { granularity } = COST_RANGES.find(r => r.id === range)!;
  const current = bucketStart(now, granularity);
  let from: Date;
  if (range === '24h') {
    from = new Date(current.getTime() - 23 * HOUR);
  } else if (range === '7d') {
    from = new Date(current.getTime() - (7 * 24 - 1) * HOUR);
  } else if (range === '30d') {
    from = new Date(current.getTime() - 29 * DAY);
  } else {
    from = new Date(current.getTime());
    from.setUTCMonth(from.getUTCMonth() - 11);
  }
  return { from: from.toISOString(), to: now.toISOString(), granularity };
}

/** The last `days` days up to now, for summaries and project cost. */
export function lastDays(
  days: number,
  now: Date = new Date(),
): { from: string; to: string } {
  return {
    from: new Date(now.getTime() - days * DAY).toISOString(),
    to: now.toISOString(),
  };
}

/**
 * The start of every bucket of `granularity` from the one holding `from`
 * until `to` (exclusive), as ISO strings, so that the chart shows periods
 * without usage too.
 */
export function bucketStarts(
  from: string,
  to: string,
  granularity: UsageGranularity,
): string[] {
  const end = new Date(to).getTime();
  const starts: string[] = [];
  const at = bucketStart(new Date(from), granularity);
  while (at.getTime() < end && starts.length < 1000) {
    starts.push(at.toISOString());
    if (granularity === 'hour') at.setUTCHours(at.getUTCHours() + 1);
    else if (granularity === 'day') at.setUTCDate(at.getUTCDate() + 1);
    else at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return starts;
}

const LABELS: Record<UsageGranularity, Intl.DateTimeFormatOptions> = {
  hour: {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  day: { month: 'short', day: 'numeric' },
  month: { month: 'short', year: 'numeric' },
};

/** A bucket start for the chart axis, in UTC like the buckets: 'Mar 3, 14:00', 'Mar 3', 'Mar 2026'. */
export function bucketLabel(
  start: string,
  granularity: UsageGranularity,
): string {
  const at = new Date(start);
  if (Number.isNaN(at.getTime())) return start;
  return new Intl.DateTimeFormat('en-US', {
    ...LABELS[granularity],
    timeZone: 'UTC',
  }).format(at);
}
