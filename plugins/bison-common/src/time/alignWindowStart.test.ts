import { alignWindowStart } from './alignWindowStart';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('alignWindowStart', () => {
  it.each<[string, number, string]>([
    ['2026-01-01T10:37:12.345Z', HOUR, '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T10:00:00.000Z', HOUR, '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T10:59:59.999Z', HOUR, '2026-01-01T10:00:00.000Z'],
    ['2026-01-01T10:37:12.345Z', 5 * MINUTE, '2026-01-01T10:35:00.000Z'],
    ['2026-01-01T10:37:12.345Z', MINUTE, '2026-01-01T10:37:00.000Z'],
    ['2026-01-01T10:37:12.345Z', 6 * HOUR, '2026-01-01T06:00:00.000Z'],
    ['2026-01-01T10:37:12.345Z', DAY, '2026-01-01T00:00:00.000Z'],
    // multiples of a day count from the epoch (1970-01-01 was a Thursday)
    ['2026-01-01T10:37:12.345Z', 7 * DAY, '2026-01-01T00:00:00.000Z'],
    ['2026-01-03T10:00:00.000Z', 2 * DAY, '2026-01-03T00:00:00.000Z'],
    // before the epoch: floor, not truncation towards zero
    ['1969-12-31T23:30:00.000Z', HOUR, '1969-12-31T23:00:00.000Z'],
  ])('aligns %s to a %p ms window', (instant, windowMs, expected) => {
    expect(alignWindowStart(new Date(instant), windowMs).toISOString()).toBe(
      expected,
    );
  });

  it.each([
    0,
    -HOUR,
    1000,
    MINUTE + 1,
    7 * MINUTE, // does not divide a day
    25 * HOUR,
    36 * HOUR,
    1.5 * MINUTE,
    NaN,
    Infinity,
  ])('rejects a window length of %p ms', windowMs => {
    expect(() => alignWindowStart(new Date(), windowMs)).toThrow(RangeError);
  });

  it('rejects an invalid date', () => {
    expect(() => alignWindowStart(new Date('nope'), HOUR)).toThrow(RangeError);
  });
});
