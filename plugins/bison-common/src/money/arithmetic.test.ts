import {
  addMoney,
  compareMoney,
  negateMoney,
  subtractMoney,
  sumMoney,
} from './arithmetic';

describe('money arithmetic', () => {
  it('adds, subtracts and negates exactly beyond 2^53', () => {
    const big = 2n ** 60n + 1n;
    expect(addMoney(big, 1n)).toBe(2n ** 60n + 2n);
    expect(subtractMoney(big, 2n ** 60n)).toBe(1n);
    expect(negateMoney(big)).toBe(-(2n ** 60n) - 1n);
    expect(negateMoney(0n)).toBe(0n);
  });

  it.each<[bigint, bigint, -1 | 0 | 1]>([
    [1n, 2n, -1],
    [2n, 1n, 1],
    [5n, 5n, 0],
    [-1n, 0n, -1],
    [2n ** 63n, 2n ** 63n - 1n, 1],
  ])('compares %p with %p as %p', (a, b, expected) => {
    expect(compareMoney(a, b)).toBe(expected);
  });

  it('sums arrays, empty iterables and generators', () => {
    expect(sumMoney([])).toBe(0n);
    expect(sumMoney([1n, -3n, 10n])).toBe(8n);
    function* amounts() {
      yield 100n;
      yield 200n;
    }
    expect(sumMoney(amounts())).toBe(300n);
  });
});
