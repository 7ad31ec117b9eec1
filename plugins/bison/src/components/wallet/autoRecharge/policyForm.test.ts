import { AutoRechargePolicy } from '../../../api';
import { policyToForm, validatePolicyForm } from './policyForm';

const usd = { code: 'USD', symbol: '$', minorUnits: 2 };

const policy: AutoRechargePolicy = {
  enabled: true,
  scheduled: { every: 'week', weekday: 5, amount: '100.00' },
  threshold: { below: '10.00', topUpTo: '50.00' },
  monthlyCap: null,
};

describe('policy form', () => {
  it('round-trips a policy', () => {
    const values = policyToForm(policy);
    expect(values).toMatchObject({
      schedule: 'week',
      weekday: 5,
      scheduledAmount: '100.00',
      monthlyCap: '',
    });
    expect(validatePolicyForm(values, usd)).toEqual({
      errors: {},
      policy,
    });
  });

  it('needs both threshold amounts once one is given', () => {
    const values = { ...policyToForm(policy), below: '', topUpTo: '20' };
    expect(validatePolicyForm(values, usd).errors).toEqual({
      below: 'amount is empty',
    });
  });

  it('needs "top up to" above "below"', () => {
    const values = { ...policyToForm(policy), below: '20', topUpTo: '20.00' };
    const { errors, policy: result } = validatePolicyForm(values, usd);
    expect(errors.topUpTo).toBe("'top up to' must be greater than 'below'");
    expect(result).toBeUndefined();
  });

  it('allows a disabled, empty policy', () => {
    const values = policyToForm({
      enabled: false,
      scheduled: null,
      threshold: null,
      monthlyCap: null,
    });
    expect(validatePolicyForm(values, usd).policy).toEqual({
      enabled: false,
      scheduled: null,
      threshold: null,
      monthlyCap: null,
    });
  });
});
