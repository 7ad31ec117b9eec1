import { formatMinutes } from '../billing/formatDuration';

/**
 * Time left until an instant, in whole minutes so it never overstates:
 * '5 h 12 min', 'less than a minute'; undefined once it has passed.
 */
export function formatTimeLeft(until: string, now: Date): string | undefined {
  const ms = Date.parse(until) - now.getTime();
  if (!(ms > 0)) return undefined;
  if (ms < 60_000) return 'less than a minute';
  return formatMinutes(Math.floor(ms / 60_000));
}
