import { WalletState } from '@bison/plugin-bison-common';
import { BisonCurrency, EnforcementSettings } from '../../api';
import { formatAmount, isZeroAmount } from '../shared/money';
import { plural } from '../shared/plural';

const GENERIC: Record<WalletState, string> = {
  active: 'Active: the balance is not low',
  low: 'Low: the balance is low or runs out soon',
  overdue:
    'Overdue: below the credit limit; suspended when the grace period ends unless recharged',
  suspended:
    "Suspended: the team's workloads are stopped until it is recharged or an admin resumes it",
};

/** The balance below which a team is overdue: minus the credit limit. */
export function overdueLevel(creditLimit: string): string {
  return isZeroAmount(creditLimit) ? creditLimit : `-${creditLimit}`;
}

/**
 * What a wallet state means, with the team's levels when known: 'Low:
 * below $50.00 or fewer than 3 days of funds left'.
 */
export function explainState(
  state: WalletState,
  settings?: EnforcementSettings,
  currency?: BisonCurrency,
): string {
  if (!settings || !currency) return GENERIC[state] ?? state;
  const money = (amount: string) => formatAmount(amount, currency);
  const { lowBalance, lowRunwayDays } = settings;
  const warn = settings.mode === 'warn';
  switch (state) {
    case 'active': {
      const levels = [
        lowBalance !== null ? money(lowBalance) : undefined,
        lowRunwayDays !== null
          ? `${plural(lowRunwayDays, 'day')} of funds`
          : undefined,
      ].filter(Boolean);
      return levels.length > 0
        ? `Active: at least ${levels.join(' and ')} left`
        : 'Active: the balance is above the credit limit';
    }
    case 'low': {
      const reasons = [
        lowBalance !== null ? `below ${money(lowBalance)}` : undefined,
        lowRunwayDays !== null
          ? `fewer than ${plural(lowRunwayDays, 'day')} of funds left`
          : undefined,
      ].filter(Boolean);
      return reasons.length > 0 ? `Low: ${reasons.join(' or ')}` : GENERIC.low;
    }
    case 'overdue':
      return `Overdue: below ${money(overdueLevel(settings.creditLimit))}; ${
        warn ? 'would be suspended' : 'suspended'
      } ${plural(
        settings.graceHours,
        'hour',
      )} after becoming overdue unless recharged`;
    case 'suspended':
      return `Suspended: ${
        warn
          ? 'marked only, nothing stopped in the cluster (warn mode)'
          : 'workloads stopped'
      } until the balance reaches ${money(
        settings.resumeBalance,
      )} or an admin resumes the team`;
    default:
      return GENERIC[state] ?? state;
  }
}
