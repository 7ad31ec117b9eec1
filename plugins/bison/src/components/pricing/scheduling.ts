import { PriceBook } from '../../api';

/** Whether a version takes effect only later: a scheduled price change. */
export function isScheduled(book: PriceBook, now: Date = new Date()): boolean {
  const at = new Date(book.effectiveFrom).getTime();
  return !Number.isNaN(at) && at > now.getTime();
}

/** The scheduled versions, the soonest first. */
export function scheduledVersions(
  history: PriceBook[],
  now: Date = new Date(),
): PriceBook[] {
  return history
    .filter(book => isScheduled(book, now))
    .sort(
      (a, b) =>
        new Date(a.effectiveFrom).getTime() -
        new Date(b.effectiveFrom).getTime(),
    );
}
