import { StatementFormat } from '../../../api';

const MONTH = /^(\d{4})-(\d{2})$/;

/** A statement month ('2026-03') as people read it: 'March 2026'. */
export function monthLabel(month: string): string {
  const match = MONTH.exec(month);
  if (!match) return month;
  const [year, index] = match.slice(1).map(Number);
  if (index < 1 || index > 12) return month;
  return new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, index - 1, 1)));
}

function formatDay(at: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(
      at,
    );
  } catch {
    // A zone this browser does not know: the day in UTC is close enough.
    return new Intl.DateTimeFormat('en-GB', {
      ...options,
      timeZone: 'UTC',
    }).format(at);
  }
}

/**
 * The days a statement covers, in the statement's time zone, the end being
 * exclusive: '1 February 2026 – 28 February 2026 (Europe/Berlin)'.
 */
export function statementPeriodLabel(
  periodStart: string,
  periodEnd: string,
  timeZone: string,
): string {
  const start = new Date(periodStart);
  const end = new Date(periodEnd);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    return `${periodStart} – ${periodEnd}`;
  }
  const lastDay = new Date(end.getTime() - 1);
  return `${formatDay(start, timeZone)} – ${formatDay(
    lastDay,
    timeZone,
  )} (${timeZone})`;
}

/** The name of a statement download, as the backend names it: 'ml-team-statement-2026-03.pdf'. */
export function statementFileName(
  team: string,
  month: string,
  format: StatementFormat,
): string {
  return `${team}-statement-${month}.${format}`;
}
