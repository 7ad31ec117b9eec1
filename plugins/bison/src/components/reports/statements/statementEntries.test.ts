import { aStatement, aStatementEntry } from '../../../__testUtils__/fixtures';
import { chronologicalEntries } from './statementEntries';

describe('chronologicalEntries', () => {
  it('merges the lists in booking order, each with its kind', () => {
    const entries = chronologicalEntries(aStatement());
    expect(entries.map(e => [e.id, e.kind])).toEqual([
      ['11', 'recharge'],
      ['21', 'adjustment'],
      ['25', 'refund'],
      ['30', 'auto_recharge'],
    ]);
  });

  it('orders entries of the same instant by ledger id', () => {
    const at = '2026-02-03T09:00:00.000Z';
    const entries = chronologicalEntries(
      aStatement({
        recharges: [aStatementEntry('100', { createdAt: at })],
        imports: [aStatementEntry('99', { createdAt: at })],
        autoRecharges: [],
        adjustments: [],
        refunds: [],
      }),
    );
    expect(entries.map(e => e.id)).toEqual(['99', '100']);
  });

  it('is empty for a month of usage only', () => {
    expect(
      chronologicalEntries(
        aStatement({
          recharges: [],
          autoRecharges: [],
          adjustments: [],
          refunds: [],
          imports: [],
        }),
      ),
    ).toEqual([]);
  });
});
