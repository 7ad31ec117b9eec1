import fc from 'fast-check';
import { rateUsage } from './rateUsage';
import { totalsBy } from './totalsBy';
import { PriceTable, UsageLine } from './types';

const namespaces = ['ml', 'web', 'batch'];
const resources = ['cpu', 'memory', 'nvidia.com/gpu', 'nvidia.com/gpu:A100'];

/** A non-negative decimal as text plus its exact value num / 10^scale. */
const decimal = fc
  .record({
    integer: fc.bigInt(0n, 10n ** 6n),
    fraction: fc.stringMatching(/^[0-9]{0,10}$/),
  })
  .map(({ integer, fraction }) => ({
    text: fraction ? `${integer}.${fraction}` : `${integer}`,
    numerator: BigInt(`${integer}${fraction}`),
    scale: fraction.length,
  }));

const usageLines = fc.array(
  fc.record({
    namespace: fc.constantFrom(...namespaces),
    resource: fc.constantFrom(...resources),
    quantity: decimal,
  }),
  { maxLength: 30 },
);

const priceTables = fc.record({
  cpu: fc.bigInt(0n, 10n ** 9n),
  memory: fc.bigInt(0n, 10n ** 9n),
  'nvidia.com/gpu': fc.bigInt(0n, 10n ** 12n),
});

function divideHalfEven(num: bigint, den: bigint): bigint {
  const quotient = num / den; // num >= 0 here
  const twice = 2n * (num % den);
  return twice > den || (twice === den && quotient % 2n === 1n)
    ? quotient + 1n
    : quotient;
}

describe('rating properties', () => {
  it('each line is the half-even rounding of price × summed quantity, and the total is their exact sum', () => {
    fc.assert(
      fc.property(usageLines, priceTables, (generated, prices) => {
        const usage: UsageLine[] = generated.map(line => ({
          namespace: line.namespace,
          resource: line.resource,
          quantity: line.quantity.text,
        }));
        const result = rateUsage(usage, prices as PriceTable);

        // Reference: merge with bigint rationals over a common 10^10 scale.
        const exact = new Map<string, bigint>();
        for (const line of generated) {
          const key = `${line.namespace}|${line.resource}`;
          const scaled =
            line.quantity.numerator * 10n ** BigInt(10 - line.quantity.scale);
          exact.set(key, (exact.get(key) ?? 0n) + scaled);
        }
        expect(result.lines).toHaveLength(exact.size);

        let total = 0n;
        for (const line of result.lines) {
          const base = line.resource.split(':')[0] as keyof typeof prices;
          const price = prices[base];
          const quantity = exact.get(`${line.namespace}|${line.resource}`)!;
          expect(line.unitPriceMicros).toBe(price);
          expect(line.costMicros).toBe(
            divideHalfEven(price * quantity, 10n ** 10n),
          );
          total += line.costMicros;
        }
        expect(result.totalMicros).toBe(total);

        const byNamespace = totalsBy(result.lines, 'namespace');
        let namespaceTotal = 0n;
        for (const amount of byNamespace.values()) {
          namespaceTotal += amount;
        }
        expect(namespaceTotal).toBe(result.totalMicros);
      }),
    );
  });
});
