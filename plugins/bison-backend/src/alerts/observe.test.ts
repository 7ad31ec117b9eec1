import { observeInstallation, observeTeam, TeamFacts } from './observe';

const M = 1_000_000n;
const now = new Date('2026-12-02T12:00:00Z');
const hoursLater = (h: number) => new Date(now.getTime() + h * 3_600_000);

const facts = (over: Partial<TeamFacts> = {}): TeamFacts => ({
  team: 'ml-team',
  balance: 100n * M,
  lastRecharge: null,
  burnRatePerDay: 0n,
  state: 'active',
  graceEndsAt: null,
  quotaUse: [],
  autoRechargeError: null,
  ...over,
});

const level = (
  rule: Parameters<typeof observeTeam>[0],
  over: Partial<TeamFacts>,
) => observeTeam(rule, facts(over), now).map(o => `${o.subject}:${o.level}`);

describe('observeTeam', () => {
  it.each<
    [string, Parameters<typeof observeTeam>[0], Partial<TeamFacts>, string[]]
  >([
    [
      'below the amount',
      { kind: 'low-balance', below: 100n * M },
      { balance: 100n * M - 1n },
      ['ml-team:1'],
    ],
    [
      'at the amount',
      { kind: 'low-balance', below: 100n * M },
      {},
      ['ml-team:0'],
    ],
    [
      'runway under 3 days',
      { kind: 'low-runway', days: 3 },
      { burnRatePerDay: 34n * M },
      ['ml-team:1'],
    ],
    [
      'runway of exactly 3 days',
      { kind: 'low-runway', days: 3 },
      { burnRatePerDay: (100n * M) / 3n },
      ['ml-team:0'],
    ],
    [
      'runway with no burn',
      { kind: 'low-runway', days: 3 },
      { balance: 1n },
      ['ml-team:0'],
    ],
    [
      'half a day of runway',
      { kind: 'low-runway', days: 0.5 },
      { burnRatePerDay: 201n * M },
      ['ml-team:1'],
    ],
    ['overdue', { kind: 'overdue' }, { state: 'overdue' }, ['ml-team:1']],
    [
      'low is not overdue',
      { kind: 'overdue' },
      { state: 'low' },
      ['ml-team:0'],
    ],
    [
      'grace ends within 12 h',
      { kind: 'grace-ending', hoursBefore: 12 },
      { state: 'overdue', graceEndsAt: hoursLater(12) },
      ['ml-team:1'],
    ],
    [
      'grace ends later',
      { kind: 'grace-ending', hoursBefore: 12 },
      { state: 'overdue', graceEndsAt: hoursLater(13) },
      ['ml-team:0'],
    ],
    [
      'grace of a suspended team',
      { kind: 'grace-ending', hoursBefore: 12 },
      { state: 'suspended', graceEndsAt: hoursLater(1) },
      ['ml-team:0'],
    ],
    ['suspended', { kind: 'suspended' }, { state: 'suspended' }, ['ml-team:1']],
    [
      'quota per team and project',
      { kind: 'quota', percent: 90 },
      {
        quotaUse: [
          { subject: 'ml-team', percent: 90 },
          { subject: 'ml-team/train', percent: 89 },
        ],
      },
      ['ml-team:1', 'ml-team/train:0'],
    ],
  ])('%s', (_name, rule, over, expected) => {
    expect(level(rule, over)).toEqual(expected);
  });

  it('holds while the last auto-recharge run failed', () => {
    const rule = { kind: 'auto-recharge-failed' as const };
    expect(level(rule, { autoRechargeError: 'monthly cap' })).toEqual([
      'ml-team:1',
    ]);
    expect(level(rule, {})).toEqual(['ml-team:0']);
  });

  it('leaves event rules and admin rules to others', () => {
    expect(
      observeTeam({ kind: 'billing-lag', windows: 3 }, facts(), now),
    ).toEqual([]);
  });
});

describe('observeInstallation', () => {
  it('holds when billing is the given windows behind or more', () => {
    const rule = { kind: 'billing-lag' as const, windows: 3 };
    const at = (billingLagWindows: number) =>
      observeInstallation(rule, { billingLagWindows, failedWindows: 0 })[0]
        .level;
    expect(at(3)).toBe(1);
    expect(at(2)).toBe(0);
  });

  it('holds while failed windows wait to be billed again', () => {
    const rule = { kind: 'billing-failed' as const };
    const at = (failedWindows: number) =>
      observeInstallation(rule, { billingLagWindows: 0, failedWindows })[0];
    expect(at(2)).toMatchObject({ level: 1, severity: 'critical' });
    expect(at(0).level).toBe(0);
  });
});
