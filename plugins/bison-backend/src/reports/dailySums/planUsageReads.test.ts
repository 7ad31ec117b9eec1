import { planUsageReads } from './planUsageReads';

const at = (iso: string) => new Date(iso);
const range = (from: string, to: string) => ({ from: at(from), to: at(to) });
const days = (...isos: string[]) => new Set(isos.map(iso => Date.parse(iso)));

describe('planUsageReads', () => {
  const period = range('2026-11-01T13:00:00Z', '2026-11-05T02:00:00Z');

  it('reads summed days from the sums and joins the rest into few record ranges', () => {
    expect(
      planUsageReads(
        period,
        days('2026-11-02T00:00:00Z', '2026-11-04T00:00:00Z'),
      ),
    ).toEqual({
      summedDays: [at('2026-11-02T00:00:00Z'), at('2026-11-04T00:00:00Z')],
      recordRanges: [
        range('2026-11-01T13:00:00Z', '2026-11-02T00:00:00Z'),
        range('2026-11-03T00:00:00Z', '2026-11-04T00:00:00Z'),
        range('2026-11-05T00:00:00Z', '2026-11-05T02:00:00Z'),
      ],
    });
  });

  it('reads everything from the records before any day is summed', () => {
    expect(planUsageReads(period, new Set())).toEqual({
      summedDays: [],
      recordRanges: [period],
    });
  });

  it('ignores summed days outside the whole days of the range', () => {
    expect(
      planUsageReads(
        range('2026-11-01T01:00:00Z', '2026-11-01T05:00:00Z'),
        days('2026-11-01T00:00:00Z'),
      ),
    ).toEqual({
      summedDays: [],
      recordRanges: [range('2026-11-01T01:00:00Z', '2026-11-01T05:00:00Z')],
    });
  });
});
