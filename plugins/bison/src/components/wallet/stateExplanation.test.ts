import { aTeamEnforcement, usd } from '../../__testUtils__/fixtures';
import { EnforcementSettings } from '../../api';
import { explainState, overdueLevel } from './stateExplanation';

const settings = aTeamEnforcement().settings;
const withSettings = (changes: Partial<EnforcementSettings>) => ({
  ...settings,
  ...changes,
});

describe('explainState', () => {
  it("names the team's levels for a low wallet", () => {
    expect(explainState('low', settings, usd)).toBe(
      'Low: below $50.00 or fewer than 3 days of funds left',
    );
    expect(
      explainState('low', withSettings({ lowRunwayDays: null }), usd),
    ).toBe('Low: below $50.00');
    expect(
      explainState(
        'low',
        withSettings({ lowBalance: null, lowRunwayDays: 1 }),
        usd,
      ),
    ).toBe('Low: fewer than 1 day of funds left');
  });

  it('explains active, overdue and suspended with the levels and the grace period', () => {
    expect(explainState('active', settings, usd)).toBe(
      'Active: at least $50.00 and 3 days of funds left',
    );
    expect(
      explainState(
        'overdue',
        withSettings({ creditLimit: '100.00', graceHours: 48 }),
        usd,
      ),
    ).toBe(
      'Overdue: below -$100.00; suspended 48 hours after becoming overdue unless recharged',
    );
    expect(explainState('suspended', settings, usd)).toBe(
      'Suspended: workloads stopped until the balance reaches $0.00 or an admin resumes the team',
    );
  });

  it('says that warn mode stops nothing', () => {
    const warn = withSettings({ mode: 'warn' });
    expect(explainState('overdue', warn, usd)).toMatch(/would be suspended/);
    expect(explainState('suspended', warn, usd)).toMatch(
      /nothing stopped in the cluster \(warn mode\)/,
    );
  });

  it('explains each state in general without the settings', () => {
    expect(explainState('low')).toBe(
      'Low: the balance is low or runs out soon',
    );
    expect(explainState('suspended')).toMatch(/^Suspended: /);
  });
});

describe('overdueLevel', () => {
  it('is minus the credit limit', () => {
    expect(overdueLevel('100.00')).toBe('-100.00');
    expect(overdueLevel('0.00')).toBe('0.00');
  });
});
