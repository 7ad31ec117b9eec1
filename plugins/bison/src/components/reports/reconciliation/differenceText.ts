import { ReconciliationQuery } from '../../../api';
import { formatDateTime } from '../../shared/time';

/** Which differences the card lists. */
export type DifferenceFilter = NonNullable<ReconciliationQuery['status']>;

export const DIFFERENCE_FILTERS: { value: DifferenceFilter; label: string }[] =
  [
    { value: 'open', label: 'Open' },
    { value: 'settled', label: 'Settled' },
    { value: 'cleared', label: 'Cleared' },
    { value: 'all', label: 'All' },
  ];

const EMPTY_TEXT: Record<DifferenceFilter, string> = {
  open: 'No open differences: what was billed agrees with the usage source.',
  settled: 'No difference was settled yet.',
  cleared: 'No difference was cleared by a later check.',
  all: 'No check found a difference yet.',
};

/** What the table says when no difference matches the filter. */
export function emptyDifferencesText(filter: DifferenceFilter): string {
  return EMPTY_TEXT[filter];
}

/**
 * A billing window in the user's time zone: '2026-11-02 10:00–11:00', with
 * the end's date too when it ends on another day.
 */
export function windowText(start: string, end: string): string {
  const from = formatDateTime(start);
  const to = formatDateTime(end);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from}–${sameDay ? to.slice(11) : to}`;
}
