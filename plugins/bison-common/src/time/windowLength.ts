export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * Window lengths must tile UTC days exactly, so that windows line up with
 * day boundaries: a whole number of minutes that divides a day (1m, 5m, 1h,
 * 6h...) or a whole number of days.
 */
export function checkWindowLength(windowMs: number): void {
  const valid =
    Number.isSafeInteger(windowMs) &&
    windowMs > 0 &&
    windowMs % MINUTE_MS === 0 &&
    (DAY_MS % windowMs === 0 || windowMs % DAY_MS === 0);
  if (!valid) {
    throw new RangeError(
      `window length must be a whole number of minutes that divides a day, or a whole number of days (in milliseconds), got ${windowMs}`,
    );
  }
}

export function checkDate(date: Date): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('date is not a valid Date');
  }
}
