import { PriceBook } from '../../api';
import { formatDateTime } from '../shared/time';

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

/**
 * When a version takes effect: its date, or 'start of billing' for a version
 * effective from the epoch (the first book, which covers every window).
 */
export function describeEffectiveFrom(iso: string): string {
  return new Date(iso).getTime() === 0
    ? 'start of billing'
    : formatDateTime(iso);
}
