import fc from 'fast-check';
import { sumMoney } from './arithmetic';
import { formatMoney } from './formatMoney';
import { MAX_AMOUNT_MICROS } from './micros';
import { multiplyMoney } from './multiplyMoney';
import { parseMoney } from './parseMoney';
import { roundMoney } from './roundMoney';

/** Reference: num/den (den > 0) rounded half-even, with bigint only. */
function divideHalfEven(num: bigint, den: bigint): bigint {
  let quotient = num / den;
  let remainder = num % den;
  if (remainder < 0n) {
    // make it a floor division
    quotient -= 1n;
    remainder += den;
  }
  const twice = 2n * remainder;
  if (twice > den || (twice === den && quotient % 2n !== 0n)) {
    quotient += 1n;
  }
  return quotient;
}

/** Small deterministic PRNG (mulberry32) to generate large inputs fast. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const amounts = fc.oneof(
  fc.bigInt(-1_000n, 1_000n),
  fc.bigInt(-MAX_AMOUNT_MICROS, MAX_AMOUNT_MICROS),
);

const decimalQuantity = fc
  .record({
    negative: fc.boolean(),
    integer: fc.bigInt(0n, 10n ** 7n),
    fraction: fc.stringMatching(/^[0-9]{0,12}$/),
  })
  .map(({ negative, integer, fraction }) => ({
    text: `${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`,
    numerator: (negative ? -1n : 1n) * BigInt(`${integer}${fraction}`),
    denominator: 10n ** BigInt(fraction.length),
  }));

describe('money properties', () => {
  it('parseMoney(formatMoney(x)) === x', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        const text = formatMoney(x, { decimals });
        expect(parseMoney(text, { allowNegative: true })).toBe(x);
      }),
    );
  });

  it('sums a million small amounts without drift', () => {
    fc.assert(
      fc.property(fc.integer(), seed => {
        const random = mulberry32(seed);
        const texts: string[] = [];
        let exactTotal = 0; // integers below 2^53: exact as a JS number
        for (let i = 0; i < 1_000_000; i++) {
          const micros = 1 + Math.floor(random() * 999);
          exactTotal += micros;
          texts.push(`0.${String(micros).padStart(6, '0')}`);
        }
        const total = sumMoney(texts.map(text => parseMoney(text)));
        expect(total).toBe(BigInt(exactTotal));
        expect(parseMoney(formatMoney(total))).toBe(BigInt(exactTotal));
      }),
      { numRuns: 2 },
    );
  });

  it('multiplyMoney matches a bigint rational reference', () => {
    fc.assert(
      fc.property(amounts, decimalQuantity, (price, quantity) => {
        const expected = divideHalfEven(
          price * quantity.numerator,
          quantity.denominator,
        );
        expect(multiplyMoney(price, quantity.text)).toBe(expected);
      }),
    );
  });

  it('multiplyMoney rounds exact halves to even, symmetrically', () => {
    fc.assert(
      fc.property(
        fc.bigInt(0n, 10n ** 9n),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (whole, zeros, negative) => {
          // price 10^zeros × quantity (whole + 0.0…05) = whole × 10^zeros + 0.5
          const price = 10n ** BigInt(zeros);
          const sign = negative ? '-' : '';
          const quantity = `${sign}${whole}.${'0'.repeat(zeros)}5`;
          const floor = whole * price;
          const even = floor % 2n === 0n ? floor : floor + 1n;
          expect(multiplyMoney(price, quantity)).toBe(negative ? -even : even);
        },
      ),
    );
  });

  it('roundMoney matches the reference at every number of decimals', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        const unit = 10n ** BigInt(6 - decimals);
        expect(roundMoney(x, decimals)).toBe(divideHalfEven(x, unit) * unit);
        expect(roundMoney(-x, decimals)).toBe(-roundMoney(x, decimals));
      }),
    );
  });
});
