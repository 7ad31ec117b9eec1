import { divideHalfEven, formatFixedPoint } from './fixedPoint';

describe('formatFixedPoint', () => {
  it.each<[bigint, number, number | undefined, string]>([
    [0n, 0, undefined, '0'],
    [0n, 3, undefined, '0'],
    [0n, 3, 2, '0.00'],
    [1500n, 3, undefined, '1.5'],
    [-1500n, 3, undefined, '-1.5'],
    [1n, 9, undefined, '0.000000001'],
    [-1n, 2, 2, '-0.01'],
    [123n, 0, undefined, '123'],
    [100n, 2, 0, '1'],
    [100n, 2, 1, '1.0'],
  ])('formats %p at scale %p (min %p) as %j', (value, scale, min, expected) => {
    expect(formatFixedPoint(value, scale, min)).toBe(expected);
  });
});

describe('divideHalfEven', () => {
  it.each<[bigint, bigint, bigint]>([
    [7n, 2n, 4n],
    [5n, 2n, 2n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [149n, 100n, 1n],
    [151n, 100n, 2n],
    [0n, 3n, 0n],
  ])('%p / %p rounds to %p', (value, divisor, expected) => {
    expect(divideHalfEven(value, divisor)).toBe(expected);
  });

  it('rejects a divisor that is not positive', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
  });
});
