import { checkDate, checkWindowLength } from './windowLength';

/**
 * Start of the UTC window of length `windowMs` that contains `instant`,
 * i.e. `instant` floored to a multiple of `windowMs` since the Unix epoch.
 * Throws RangeError for a window length that does not tile UTC days.
 *
 * @public
 */
export function alignWindowStart(instant: Date, windowMs: number): Date {
  checkWindowLength(windowMs);
  checkDate(instant);
  const time = instant.getTime();
  return new Date(Math.floor(time / windowMs) * windowMs);
}
