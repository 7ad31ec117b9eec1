import { alertRules } from '../../__testUtils__/fixtures';
import { ruleFormValues, ruleFromForm } from './ruleForm';

describe('rule form', () => {
  it('round-trips a rule unchanged', () => {
    for (const rule of alertRules) {
      expect(ruleFromForm(rule, ruleFormValues(rule))).toEqual(rule);
    }
  });

  it('reads levels, amounts, repeats and teams from text', () => {
    const [percent, low] = alertRules;
    expect(
      ruleFromForm(percent, {
        ...ruleFormValues(percent),
        threshold: '60, 30,',
        repeatMinutes: '120',
        teams: 'ml-team, data-team',
      }),
    ).toMatchObject({
      thresholds: { levels: [60, 30] },
      repeatMinutes: 120,
      teams: ['ml-team', 'data-team'],
    });
    expect(
      ruleFromForm(low, {
        ...ruleFormValues(low),
        threshold: ' 25.5 ',
        teams: '',
        repeatMinutes: '',
      }),
    ).toMatchObject({
      thresholds: { below: '25.5' },
      teams: null,
      repeatMinutes: null,
    });
  });
});
