import { splitIntoDays } from './splitIntoDays';

const at = (iso: string) => new Date(iso);
const range = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe('splitIntoDays', () => {
  it('reads whole days from the sums and the hours around them from the records', () => {
    expect(
      splitIntoDays(range('2026-11-01T13:00:00Z', '2026-11-04T02:30:00Z')),
    ).toEqual({
      days: range('2026-11-02T00:00:00Z', '2026-11-04T00:00:00Z'),
      edges: [
        range('2026-11-01T13:00:00Z', '2026-11-02T00:00:00Z'),
        range('2026-11-04T00:00:00Z', '2026-11-04T02:30:00Z'),
      ],
    });
  });

  it('needs no records for a range of whole days', () => {
    expect(
      splitIntoDays(range('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z')),
    ).toEqual({
      days: range('2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'),
      edges: [],
    });
  });

  it('reads a range without a whole day from the records only', () => {
    const inside = range('2026-11-01T01:00:00Z', '2026-11-01T23:00:00Z');
    expect(splitIntoDays(inside)).toEqual({ edges: [inside] });
    const acrossMidnight = range(
      '2026-11-01T20:00:00Z',
      '2026-11-02T04:00:00Z',
    );
    expect(splitIntoDays(acrossMidnight)).toEqual({ edges: [acrossMidnight] });
  });

  it('has nothing to read in an empty range', () => {
    const at1 = '2026-11-01T05:00:00Z';
    expect(splitIntoDays(range(at1, at1))).toEqual({ edges: [] });
  });
});
