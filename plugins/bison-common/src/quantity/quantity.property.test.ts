import fc from 'fast-check';
import { addQuantity, compareQuantity } from './arithmetic';
import { toCores } from './conversions';
import { formatQuantity } from './formatQuantity';
import { parseQuantity } from './parseQuantity';
import { Quantity, QuantityFormat } from './Quantity';

const MAX_NANOS = (2n ** 63n - 1n) * 10n ** 9n;

const formats = fc.constantFrom<QuantityFormat>(
  'BinarySI',
  'DecimalSI',
  'DecimalExponent',
);

// Mix of uniform values and "round" ones that hit the suffixes.
const nanos = fc.oneof(
  fc.bigInt(-MAX_NANOS, MAX_NANOS),
  fc.bigInt(-(10n ** 12n), 10n ** 12n),
  fc
    .tuple(fc.bigInt(-4096n, 4096n), fc.integer({ min: 0, max: 6 }))
    .map(([mantissa, power]) => mantissa * 1024n ** BigInt(power) * 10n ** 9n),
  fc
    .tuple(fc.bigInt(-9999n, 9999n), fc.integer({ min: 0, max: 27 }))
    .map(([mantissa, power]) => mantissa * 10n ** BigInt(power)),
);

const quantities = fc
  .tuple(nanos, formats)
  .filter(([value]) => value <= MAX_NANOS && value >= -MAX_NANOS)
  .map(([value, format]) => new Quantity(value, format));

function compareBigints(a: bigint, b: bigint): -1 | 0 | 1 {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

describe('quantity properties', () => {
  it('parseQuantity(formatQuantity(q)) has the value of q', () => {
    fc.assert(
      fc.property(quantities, quantity => {
        const text = formatQuantity(quantity);
        const parsed = parseQuantity(text);
        expect(parsed.nanos).toBe(quantity.nanos);
        // The canonical form is a fixed point once the text decides the
        // format (a BinarySI 10000 prints as '10000', which parses as
        // DecimalSI and then prints as '10k', as in Kubernetes).
        const again = formatQuantity(parsed);
        expect(formatQuantity(parseQuantity(again))).toBe(again);
        expect(parsed.format !== quantity.format || again === text).toBe(true);
      }),
    );
  });

  it('canonical forms have an integer mantissa', () => {
    fc.assert(
      fc.property(quantities, quantity => {
        expect(formatQuantity(quantity)).toMatch(
          /^-?[0-9]+(?:[KMGTPE]i|[numkMGTPE]|e-?[0-9]+)?$/,
        );
      }),
    );
  });

  it('toCores is the exact value and addition is exact', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 20n), 10n ** 20n),
        fc.bigInt(-(10n ** 20n), 10n ** 20n),
        (a, b) => {
          const sum = addQuantity(
            new Quantity(a, 'DecimalSI'),
            new Quantity(b, 'DecimalSI'),
          );
          expect(sum.nanos).toBe(a + b);
          expect(parseQuantity(toCores(sum)).nanos).toBe(a + b);
          expect(
            compareQuantity(
              new Quantity(a, 'DecimalSI'),
              new Quantity(b, 'BinarySI'),
            ),
          ).toBe(compareBigints(a, b));
        },
      ),
    );
  });
});
