import { aTeamReportRow } from '../../__testUtils__/fixtures';
import { comparisonRows } from './comparisonData';

describe('comparisonRows', () => {
  it("keeps the report's order, with both periods' amounts", () => {
    const rows = comparisonRows([
      aTeamReportRow('ml-team', {
        displayName: 'Machine Learning',
        cost: '120.456789',
        previousCost: '100.00',
      }),
      aTeamReportRow('data-team', { cost: '30.00', previousCost: '0.00' }),
    ]);
    expect(rows).toEqual([
      {
        team: 'ml-team',
        displayName: 'Machine Learning',
        cost: '120.456789',
        previousCost: '100.00',
        current: 120.456789,
        previous: 100,
      },
      {
        team: 'data-team',
        displayName: 'data-team',
        cost: '30.00',
        previousCost: '0.00',
        current: 30,
        previous: 0,
      },
    ]);
  });

  it('keeps teams that only cost in the previous period', () => {
    const rows = comparisonRows([
      aTeamReportRow('gone-team', { cost: '0.00', previousCost: '5.00' }),
    ]);
    expect(rows.map(r => r.team)).toEqual(['gone-team']);
  });

  it('leaves out teams without cost and stops at the maximum', () => {
    const teams = [
      aTeamReportRow('idle-team'),
      ...['a', 'b', 'c'].map(name => aTeamReportRow(name, { cost: '1.00' })),
    ];
    expect(comparisonRows(teams, 2).map(r => r.team)).toEqual(['a', 'b']);
  });
});
