import { assembleTeamReport } from './assembleTeamReport';

const M = 1_000_000n;

describe('assembleTeamReport', () => {
  it('ranks teams with shares, changes and resources; unallocated apart', () => {
    const report = assembleTeamReport({
      current: [
        { teamId: 'a', resource: 'cpu', quantity: '10', cost: 20n * M },
        {
          teamId: 'a',
          resource: 'nvidia.com/gpu',
          quantity: '2',
          cost: 40n * M,
        },
        { teamId: 'b', resource: 'cpu', quantity: '5', cost: 30n * M },
        { teamId: null, resource: 'cpu', quantity: '1', cost: 7n * M },
      ],
      previous: new Map([
        ['a', 40n * M],
        ['c', 5n * M],
      ]),
      teams: new Map([
        ['a', { name: 'ml-team', displayName: 'ML' }],
        ['b', { name: 'data-team', displayName: 'Data' }],
        ['c', { name: 'dev-team', displayName: 'Dev' }],
      ]),
      wallets: new Map([
        ['a', { balance: 100n * M, state: 'active' as const }],
      ]),
    });
    expect(report).toMatchObject({
      total: 97n * M,
      charged: 90n * M,
      unallocated: 7n * M,
    });
    expect(
      report.teams.map(t => [
        t.team,
        t.cost,
        t.sharePerMille,
        t.change,
        t.changePerMille,
      ]),
    ).toEqual([
      ['ml-team', 60n * M, 667, 20n * M, 500],
      ['data-team', 30n * M, 333, 30n * M, null],
      ['dev-team', 0n, 0, -5n * M, -1000],
    ]);
    expect(report.teams[0].byResource.map(r => r.resource)).toEqual([
      'nvidia.com/gpu',
      'cpu',
    ]);
    expect(report.teams[0]).toMatchObject({
      balance: 100n * M,
      state: 'active',
    });
    expect(report.teams[1]).toMatchObject({ balance: null, state: null });
  });
});
