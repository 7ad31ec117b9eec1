import Big from 'big.js';
import fc from 'fast-check';
import { InvalidQuantityError } from '../errors';
import { MAX_AMOUNT_MICROS } from './micros';
import { multiplyMoney } from './multiplyMoney';

describe('multiplyMoney', () => {
  it.each<[bigint, string, bigint]>([
    [1_000_000n, '2', 2_000_000n],
    [50_000n, '10', 500_000n],
    [1_000_000n, '0', 0n],
    [0n, '123.456', 0n],
    // exact halves round to the even neighbour
    [1n, '0.5', 0n],
    [3n, '0.5', 2n],
    [5n, '0.5', 2n],
    [7n, '1.5', 10n],
    [9n, '1.5', 14n],
    [1_000_000n, '0.0000005', 0n],
    [1_000_000n, '0.0000015', 2n],
    [1_000_000n, '0.0000025', 2n],
    // ... symmetrically for negative quantities
    [1n, '-0.5', 0n],
    [3n, '-0.5', -2n],
    [5n, '-0.5', -2n],
    [1_000_000n, '-0.0000015', -2n],
    // not halves: nearest
    [1n, '0.500001', 1n],
    [1n, '0.499999', 0n],
    [1n, '-0.500001', -1n],
    [333_333n, '0.000003', 1n],
    [-3n, '0.5', -2n],
    // large values stay exact
    [MAX_AMOUNT_MICROS, '1000', MAX_AMOUNT_MICROS * 1000n],
    [MAX_AMOUNT_MICROS - 1n, '0.999999999999', 999_999_999_998_999_999n],
    [
      123_456_789n,
      '0.000000000000000000000000000001',
      0n, // far below half a micro
    ],
  ])('%p × %j = %p', (price, quantity, expected) => {
    expect(multiplyMoney(price, quantity)).toBe(expected);
  });

  it('accepts a Big quantity from any big.js constructor', () => {
    expect(multiplyMoney(3n, new Big('0.5'))).toBe(2n);
    // eslint-disable-next-line new-cap -- Big() is big.js's constructor factory
    const Other = Big();
    Other.DP = 0;
    expect(multiplyMoney(9n, new Other('1.5'))).toBe(14n);
  });

  it('is not affected by global big.js settings', () => {
    const previous = Big.RM;
    Big.RM = Big.roundUp;
    try {
      expect(multiplyMoney(1n, '0.5')).toBe(0n);
      expect(multiplyMoney(1n, new Big('0.5'))).toBe(0n);
    } finally {
      Big.RM = previous;
    }
  });

  it.each(['', ' 1', '+1', '.5', '5.', '1e3', 'NaN', 'Infinity', '1,5', '--1'])(
    'rejects quantity %j',
    quantity => {
      expect(() => multiplyMoney(1n, quantity)).toThrow(InvalidQuantityError);
    },
  );
});

describe('multiplyMoney on decimal strings', () => {
  it('rounds exactly like the arbitrary-precision path', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 12 }),
      )
      .map(([negative, digits, scale]) => {
        const text = digits.toString().padStart(scale + 1, '0');
        const unsigned = scale
          ? `${text.slice(0, -scale)}.${text.slice(-scale)}`
          : text;
        return negative ? `-${unsigned}` : unsigned;
      });
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        decimal,
        (price, quantity) => {
          expect(multiplyMoney(price, quantity)).toBe(
            multiplyMoney(price, new Big(quantity)),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });
});
