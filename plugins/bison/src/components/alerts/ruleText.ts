import { AlertRule, AlertRuleKind } from '../../api';

export const RULE_TITLES: Record<AlertRuleKind, string> = {
  'low-balance': 'Low balance',
  'low-balance-percent': 'Low balance (share of last recharge)',
  'low-runway': 'Running out soon',
  overdue: 'Overdue',
  'grace-ending': 'Grace period ending',
  suspended: 'Suspended',
  resumed: 'Resumed',
  quota: 'Quota use',
  'auto-recharge-done': 'Auto-recharge done',
  'auto-recharge-failed': 'Auto-recharge failed',
  'billing-lag': 'Billing lagging (admins)',
  'billing-failed': 'Billing failed (admins)',
};

/** The rule's thresholds in words, e.g. "below 50 %, 25 %, 10 %". */
export function thresholdText(rule: AlertRule, currencySymbol: string): string {
  const t = rule.thresholds as Record<string, unknown>;
  switch (rule.kind) {
    case 'low-balance':
      return `below ${currencySymbol}${t.below}`;
    case 'low-balance-percent':
      return `below ${(t.levels as number[]).map(l => `${l} %`).join(', ')}`;
    case 'low-runway':
      return `fewer than ${t.days} days left at the burn rate`;
    case 'grace-ending':
      return `${t.hoursBefore} hours before suspension`;
    case 'quota':
      return `at ${t.percent} % of a quota (team or project)`;
    case 'billing-lag':
      return `more than ${t.windows} windows behind`;
    default:
      return 'when it happens';
  }
}

export function repeatText(rule: AlertRule): string {
  if (rule.repeatMinutes === null) return 'once per crossing';
  const hours = rule.repeatMinutes / 60;
  return Number.isInteger(hours)
    ? `every ${hours} h while it holds`
    : `every ${rule.repeatMinutes} min while it holds`;
}
