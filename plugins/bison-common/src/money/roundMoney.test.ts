import { roundMoney } from './roundMoney';

describe('roundMoney', () => {
  it.each<[bigint, number, bigint]>([
    [644_914_950n, 2, 644_910_000n],
    [644_915_000n, 2, 644_920_000n], // half, 1 is odd: up
    [644_925_000n, 2, 644_920_000n], // half, 2 is even: down
    [644_925_001n, 2, 644_930_000n],
    [-644_915_000n, 2, -644_920_000n],
    [4_346_857_374n, 2, 4_346_860_000n],
    [1n, 2, 0n],
    [-1n, 2, 0n],
    [2_500_000n, 0, 2_000_000n],
    [3_500_000n, 0, 4_000_000n],
    [123_456_789n, 6, 123_456_789n],
    [123_456_789n, 3, 123_457_000n],
  ])('rounds %p to %p decimals: %p', (micros, decimals, expected) => {
    expect(roundMoney(micros, decimals)).toBe(expected);
  });

  it.each([-1, 7, 1.5])('rejects %p decimals', decimals => {
    expect(() => roundMoney(1n, decimals)).toThrow(RangeError);
  });
});
