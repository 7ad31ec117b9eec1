import {
  AutoRechargePolicy,
  AutoRechargePolicyInput,
  BisonCurrency,
} from '../../../api';
import { checkAmount } from '../../shared/money';

/** The auto-recharge form as typed: amounts as text, blank = not set. */
export interface PolicyFormValues {
  enabled: boolean;
  schedule: 'none' | 'week' | 'month';
  /** 1 (Monday) to 7 (Sunday). */
  weekday: number;
  /** 1 to 28. */
  dayOfMonth: number;
  scheduledAmount: string;
  /** Blank together with `topUpTo` for no threshold top-up. */
  below: string;
  topUpTo: string;
  /** Blank for no cap. */
  monthlyCap: string;
}

export type PolicyField =
  | 'scheduledAmount'
  | 'below'
  | 'topUpTo'
  | 'monthlyCap'
  | 'form';

export type PolicyFormErrors = Partial<Record<PolicyField, string>>;

export function policyToForm(policy: AutoRechargePolicy): PolicyFormValues {
  const { scheduled, threshold } = policy;
  return {
    enabled: policy.enabled,
    schedule: scheduled?.every ?? 'none',
    weekday: (scheduled?.every === 'week' && scheduled.weekday) || 1,
    dayOfMonth: (scheduled?.every === 'month' && scheduled.dayOfMonth) || 1,
    scheduledAmount: scheduled?.amount ?? '',
    below: threshold?.below ?? '',
    topUpTo: threshold?.topUpTo ?? '',
    monthlyCap: policy.monthlyCap ?? '',
  };
}

/**
 * Validates the form like the backend does (amounts parsed at the currency's
 * precision, top-up amounts above zero, "top up to" above "below", an enabled
 * policy needs a schedule or a threshold) and builds the policy to PUT.
 */
export function validatePolicyForm(
  values: PolicyFormValues,
  currency: BisonCurrency,
): { errors: PolicyFormErrors; policy?: AutoRechargePolicyInput } {
  const errors: PolicyFormErrors = {};

  let scheduled: AutoRechargePolicyInput['scheduled'] = null;
  if (values.schedule !== 'none') {
    const amount = checkAmount(values.scheduledAmount, currency);
    if (!amount.ok) errors.scheduledAmount = amount.message;
    scheduled =
      values.schedule === 'week'
        ? {
            every: 'week',
            weekday: values.weekday,
            amount: values.scheduledAmount,
          }
        : {
            every: 'month',
            dayOfMonth: values.dayOfMonth,
            amount: values.scheduledAmount,
          };
  }

  let threshold: AutoRechargePolicyInput['threshold'] = null;
  if (values.below !== '' || values.topUpTo !== '') {
    const below = checkAmount(values.below, currency, { allowZero: true });
    const topUpTo = checkAmount(values.topUpTo, currency);
    if (!below.ok) errors.below = below.message;
    if (!topUpTo.ok) errors.topUpTo = topUpTo.message;
    if (below.ok && topUpTo.ok && topUpTo.micros <= below.micros) {
      errors.topUpTo = "'top up to' must be greater than 'below'";
    }
    threshold = { below: values.below, topUpTo: values.topUpTo };
  }

  let monthlyCap: string | null = null;
  if (values.monthlyCap !== '') {
    const cap = checkAmount(values.monthlyCap, currency);
    if (!cap.ok) errors.monthlyCap = cap.message;
    monthlyCap = values.monthlyCap;
  }

  if (values.enabled && !scheduled && !threshold) {
    errors.form = 'An enabled policy needs a schedule or a threshold.';
  }

  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    policy: { enabled: values.enabled, scheduled, threshold, monthlyCap },
  };
}
