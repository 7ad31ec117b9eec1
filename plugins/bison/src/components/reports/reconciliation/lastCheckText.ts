import { ReconciliationCheck } from '../../../api';
import { formatDateTime, formatRelativeTime } from '../../shared/time';
import { plural } from '../../shared/plural';
import { actorName } from '../../shared/actorName';

/**
 * The last check in a sentence: 'Last checked 2026-11-02 10:00 (3 hours
 * ago) on schedule: 48 windows, 1 difference.'
 */
export function lastCheckText(
  check: ReconciliationCheck | undefined,
  now: Date = new Date(),
): string {
  if (!check) return 'Not checked yet.';
  const when = `${formatDateTime(check.startedAt)} (${formatRelativeTime(
    check.startedAt,
    now,
  )})`;
  const how = triggerText(check);
  if (check.status === 'running')
    return `A check started ${when} ${how} is running.`;
  if (check.status === 'failed') {
    return `The check ${when} ${how} failed: ${
      check.error ?? 'unknown error'
    }.`;
  }
  return `Last checked ${when} ${how}: ${plural(
    check.windowsChecked,
    'window',
  )}, ${plural(check.differences, 'difference')}.`;
}

/** Who ran the check: 'on schedule', 'by mia'. */
function triggerText(check: ReconciliationCheck): string {
  if (check.trigger !== 'manual') return 'on schedule';
  return `by ${check.actor ? actorName(check.actor) : 'an admin'}`;
}
