import { Micros } from '@bison/plugin-bison-common';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Beyond this a run-out date means nothing: it is reported as never. */
const HORIZON_MS = 10 * 365 * DAY_MS;

/** A team's usage debits over the two periods the burn rate looks at. */
export interface RecentSpend {
  /** Usage charged for windows ending in the last 24 hours. */
  last24h: Micros;
  /** Usage charged for windows ending in the last 7 days. */
  last7d: Micros;
  /**
   * Start of the earliest usage window in the last 7 days: a team billed
   * for a few hours only is measured over those hours, not a full week.
   */
  firstWindowStart?: Date;
}

export type BurnRateBasis = 'last24h' | 'last7d' | 'none';

export interface BurnRate {
  perDay: Micros;
  basis: BurnRateBasis;
}

/** `amount` spent over `spanMs`, per day, rounded half up. */
function perDay(amount: Micros, spanMs: number): Micros {
  const span = BigInt(Math.max(spanMs, 1));
  return (amount * BigInt(DAY_MS) * 2n + span) / (2n * span);
}

/**
 * The burn rate per day: the higher of the last 24 hours and the last 7
 * days, so that a busy day warns early and a quiet day hides no trend. Each
 * period counts from the team's first billed window when that is later
 * (at least one hour).
 */
export function burnRate(spend: RecentSpend, now: Date): BurnRate {
  if (spend.last7d <= 0n && spend.last24h <= 0n) {
    return { perDay: 0n, basis: 'none' };
  }
  const observedMs = spend.firstWindowStart
    ? Math.max(now.getTime() - spend.firstWindowStart.getTime(), HOUR_MS)
    : 7 * DAY_MS;
  const day = perDay(spend.last24h, Math.min(DAY_MS, observedMs));
  const week = perDay(spend.last7d, Math.min(7 * DAY_MS, observedMs));
  return day >= week
    ? { perDay: day, basis: 'last24h' }
    : { perDay: week, basis: 'last7d' };
}

/**
 * When the balance falls below `level` at `ratePerDay`: now if it is below
 * already, undefined when it never does (no spend, or beyond ten years).
 */
export function runOutAt(
  balance: Micros,
  level: Micros,
  ratePerDay: Micros,
  now: Date,
): Date | undefined {
  if (balance < level) return now;
  if (ratePerDay <= 0n) return undefined;
  // The first instant the balance is below the level, to the millisecond.
  const ms = ((balance - level) * BigInt(DAY_MS)) / ratePerDay + 1n;
  if (ms > BigInt(HORIZON_MS)) return undefined;
  return new Date(now.getTime() + Number(ms));
}
