import { aTeamEnforcement, usd } from '../../__testUtils__/fixtures';
import { enforcementForm, overridesFromForm } from './enforcementForm';

describe('enforcementForm', () => {
  it("starts from the team's own values, else from the defaults in effect", () => {
    const form = enforcementForm(
      aTeamEnforcement({
        settings: {
          ...aTeamEnforcement().settings,
          graceHours: 48,
          lowBalance: null,
          steps: ['cordon'],
        },
        overrides: { graceHours: 48, steps: ['cordon'] },
      }),
    );
    expect(form.graceHours).toEqual({ useDefault: false, value: '48' });
    expect(form.steps).toEqual({ useDefault: false, value: ['cordon'] });
    expect(form.creditLimit).toEqual({ useDefault: true, value: '0.00' });
    expect(form.lowBalance).toEqual({ useDefault: true, value: '' });
    expect(form.mode).toEqual({ useDefault: true, value: 'enforce' });
  });
});

describe('overridesFromForm', () => {
  const form = enforcementForm(aTeamEnforcement());

  it('sends every field, null for those on the default', () => {
    expect(overridesFromForm(form, usd)).toEqual({
      overrides: {
        mode: null,
        lowBalance: null,
        lowRunwayDays: null,
        creditLimit: null,
        graceHours: null,
        resumeBalance: null,
        steps: null,
      },
    });
  });

  it('parses own values: amounts as typed, numbers, steps in ladder order', () => {
    expect(
      overridesFromForm(
        {
          ...form,
          mode: { useDefault: false, value: 'warn' },
          creditLimit: { useDefault: false, value: ' 100 ' },
          resumeBalance: { useDefault: false, value: '-20.50' },
          graceHours: { useDefault: false, value: '0.5' },
          steps: {
            useDefault: false,
            value: ['suspend-jobs', 'cordon'],
          },
        },
        usd,
      ),
    ).toEqual({
      overrides: expect.objectContaining({
        mode: 'warn',
        creditLimit: '100',
        resumeBalance: '-20.50',
        graceHours: 0.5,
        steps: ['cordon', 'suspend-jobs'],
      }),
    });
  });

  it('names the fields it cannot read', () => {
    expect(
      overridesFromForm(
        {
          ...form,
          lowBalance: { useDefault: false, value: '-5' },
          creditLimit: { useDefault: false, value: '1.234' },
          lowRunwayDays: { useDefault: false, value: 'three' },
          graceHours: { useDefault: false, value: ' ' },
        },
        usd,
      ),
    ).toEqual({
      errors: {
        lowBalance: 'amount must not be negative',
        creditLimit: 'amount has more than 2 decimal places',
        lowRunwayDays: 'must be a number',
        graceHours: 'enter a number',
      },
    });
  });
});
