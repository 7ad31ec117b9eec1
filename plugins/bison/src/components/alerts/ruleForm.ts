import { AlertRule, AlertRuleKind } from '../../api';

/** The threshold fields each kind has, as the API names them. */
export const THRESHOLD_FIELDS: Partial<
  Record<AlertRuleKind, { name: string; label: string; helperText: string }>
> = {
  'low-balance': {
    name: 'below',
    label: 'Below',
    helperText: 'An amount, e.g. 100.00',
  },
  'low-balance-percent': {
    name: 'levels',
    label: 'Levels (%)',
    helperText:
      'Percent of the last recharge, separated by commas, e.g. 50, 25, 10',
  },
  'low-runway': {
    name: 'days',
    label: 'Days left',
    helperText: 'Fires when the balance lasts fewer days at the burn rate',
  },
  'grace-ending': {
    name: 'hoursBefore',
    label: 'Hours before suspension',
    helperText: 'How long before the grace period ends',
  },
  quota: {
    name: 'percent',
    label: 'Quota use (%)',
    helperText: 'Of any quota of the team or one of its projects',
  },
  'billing-lag': {
    name: 'windows',
    label: 'Windows behind',
    helperText: 'Closed billing windows not billed yet',
  },
};

export interface RuleFormValues {
  enabled: boolean;
  threshold: string;
  repeatMinutes: string;
  teams: string;
  channels: string[];
}

const list = (text: string) =>
  text
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);

export function ruleFormValues(rule: AlertRule): RuleFormValues {
  const field = THRESHOLD_FIELDS[rule.kind];
  const value = field ? rule.thresholds[field.name] : undefined;
  return {
    enabled: rule.enabled,
    threshold: Array.isArray(value) ? value.join(', ') : String(value ?? ''),
    repeatMinutes:
      rule.repeatMinutes === null ? '' : String(rule.repeatMinutes),
    teams: rule.teams ? rule.teams.join(', ') : '',
    channels: rule.channels,
  };
}

/**
 * The rule with the form's values. Numbers are sent as typed (the backend
 * names the field of a bad one); only the text-to-number step is here.
 */
export function ruleFromForm(
  rule: AlertRule,
  values: RuleFormValues,
): AlertRule {
  const field = THRESHOLD_FIELDS[rule.kind];
  let thresholds = rule.thresholds;
  if (field) {
    let value: unknown = values.threshold.trim();
    if (field.name === 'levels') value = list(values.threshold).map(Number);
    else if (field.name !== 'below') value = Number(value);
    thresholds = { [field.name]: value };
  }
  const repeat = values.repeatMinutes.trim();
  const teams = list(values.teams);
  return {
    ...rule,
    enabled: values.enabled,
    thresholds,
    repeatMinutes: repeat === '' ? null : Number(repeat),
    teams: teams.length > 0 ? teams : null,
    channels: values.channels,
  };
}
