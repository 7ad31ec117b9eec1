import { alignWindowStart } from './alignWindowStart';
import { checkDate, checkWindowLength } from './windowLength';

/**
 * A half-open UTC time window [start, end).
 *
 * @public
 */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** @public */
export interface ClosedWindowsOptions {
  /** End of the last billed window, or null if nothing was billed yet. */
  watermark: Date | null;
  now: Date;
  windowMs: number;
  /** How long after a window's end its usage data is considered complete. */
  settleDelayMs: number;
  /** Where to start when there is no watermark; aligned down. */
  firstWindowStart?: Date;
  /** Maximum number of windows returned. Default: no limit. */
  limit?: number;
}

/**
 * The windows that are ready to bill, oldest first: every window with
 * end + settleDelayMs <= now, starting at the watermark (which must be
 * aligned) or, when the watermark is null, at firstWindowStart aligned down.
 * A watermark takes precedence over firstWindowStart. Windows are
 * contiguous: each starts where the previous one ends.
 *
 * @public
 */
export function closedWindows(options: ClosedWindowsOptions): TimeWindow[] {
  const { watermark, now, windowMs, settleDelayMs, firstWindowStart, limit } =
    options;
  checkWindowLength(windowMs);
  checkDate(now);
  if (!Number.isSafeInteger(settleDelayMs) || settleDelayMs < 0) {
    throw new RangeError(
      `settle delay must be a non-negative whole number of milliseconds, got ${settleDelayMs}`,
    );
  }
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new RangeError(
      `maximum number of windows must be a non-negative whole number, got ${limit}`,
    );
  }

  let start: number;
  if (watermark) {
    checkDate(watermark);
    start = watermark.getTime();
    if (alignWindowStart(watermark, windowMs).getTime() !== start) {
      throw new RangeError(
        `${watermark.toISOString()} is not aligned to a window boundary`,
      );
    }
  } else if (firstWindowStart) {
    start = alignWindowStart(firstWindowStart, windowMs).getTime();
  } else {
    throw new RangeError(
      'a first window start is required when nothing was billed yet',
    );
  }

  const windows: TimeWindow[] = [];
  const lastClosedEnd = now.getTime() - settleDelayMs;
  while (
    (limit === undefined || windows.length < limit) &&
    start + windowMs <= lastClosedEnd
  ) {
    windows.push({ start: new Date(start), end: new Date(start + windowMs) });
    start += windowMs;
  }
  return windows;
}
