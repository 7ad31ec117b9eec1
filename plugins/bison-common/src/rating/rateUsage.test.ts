import { InvalidAmountError, InvalidQuantityError } from '../errors';
import { rateUsage } from './rateUsage';
import { PriceTable, UsageLine } from './types';
import { UnpricedResourceError } from './UnpricedResourceError';

const prices: PriceTable = {
  cpu: 50_000n, // 0.05 per core-hour
  memory: 5_000n, // 0.005 per GiB-hour
  'nvidia.com/gpu': 2_000_000n,
  'nvidia.com/gpu:A100': 3_500_000n,
  unit: 1_000_000n,
};

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error to be thrown');
}

describe('rateUsage', () => {
  it('prices each line and totals them', () => {
    const result = rateUsage(
      [
        { namespace: 'ml', resource: 'cpu', quantity: '10' },
        { namespace: 'ml', resource: 'memory', quantity: '64.5' },
        { namespace: 'web', resource: 'nvidia.com/gpu:A100', quantity: '2' },
        { namespace: 'web', resource: 'nvidia.com/gpu:T4', quantity: '1.25' },
      ],
      prices,
    );
    expect(result.lines).toEqual([
      {
        namespace: 'ml',
        resource: 'cpu',
        quantity: '10',
        unitPriceMicros: 50_000n,
        costMicros: 500_000n,
      },
      {
        namespace: 'ml',
        resource: 'memory',
        quantity: '64.5',
        unitPriceMicros: 5_000n,
        costMicros: 322_500n,
      },
      {
        namespace: 'web',
        resource: 'nvidia.com/gpu:A100',
        quantity: '2',
        unitPriceMicros: 3_500_000n,
        costMicros: 7_000_000n,
      },
      {
        namespace: 'web',
        resource: 'nvidia.com/gpu:T4',
        quantity: '1.25',
        unitPriceMicros: 2_000_000n,
        costMicros: 2_500_000n,
      },
    ]);
    expect(result.totalMicros).toBe(10_322_500n);
    expect(result.unpriced).toEqual([]);
  });

  it('sums duplicate (namespace, resource) lines before rounding once', () => {
    // Each half micro alone would round to 0 (half-even); together they make 1.
    const result = rateUsage(
      [
        { namespace: 'a', resource: 'unit', quantity: '0.0000005' },
        { namespace: 'b', resource: 'unit', quantity: '0.0000005' },
        { namespace: 'a', resource: 'unit', quantity: '0.00000050' },
      ],
      prices,
    );
    expect(result.lines.map(line => [line.namespace, line.quantity])).toEqual([
      ['a', '0.000001'],
      ['b', '0.0000005'],
    ]);
    expect(result.lines.map(line => line.costMicros)).toEqual([1n, 0n]);
    expect(result.totalMicros).toBe(1n);
  });

  it('rounds each line half-even', () => {
    const result = rateUsage(
      [
        { namespace: 'a', resource: 'unit', quantity: '0.0000025' },
        { namespace: 'b', resource: 'unit', quantity: '0.0000035' },
        { namespace: 'c', resource: 'unit', quantity: '0.00000250001' },
      ],
      prices,
    );
    expect(result.lines.map(line => line.costMicros)).toEqual([2n, 4n, 3n]);
    expect(result.totalMicros).toBe(9n);
  });

  it('normalizes quantities and keeps lines in order of first appearance', () => {
    const result = rateUsage(
      [
        { namespace: 'z', resource: 'cpu', quantity: '1.50' },
        { namespace: 'a', resource: 'cpu', quantity: '007' },
        { namespace: 'z', resource: 'cpu', quantity: '0.50' },
        { namespace: 'a', resource: 'cpu', quantity: '0.000' },
      ],
      prices,
    );
    expect(result.lines.map(line => [line.namespace, line.quantity])).toEqual([
      ['z', '2'],
      ['a', '7'],
    ]);
  });

  it('does not merge lines whose names only look alike', () => {
    const result = rateUsage(
      [
        { namespace: 'a","b', resource: 'unit', quantity: '1' },
        { namespace: 'a', resource: 'b","unit', quantity: '1' },
      ],
      { ...prices, 'b","unit': 1n },
    );
    expect(result.lines).toHaveLength(2);
  });

  describe('unpriced resources', () => {
    const usage: UsageLine[] = [
      { namespace: 'ml', resource: 'cpu', quantity: '1' },
      { namespace: 'ml', resource: 'nvidia.com/mig-1g.10gb', quantity: '2' },
      { namespace: 'ml', resource: 'nvidia.com/mig-1g.10gb', quantity: '3' },
    ];

    it('throws by default', () => {
      expect(() => rateUsage(usage, prices)).toThrow(UnpricedResourceError);
      const error = thrownBy(() =>
        rateUsage(usage, prices, { onUnpriced: 'error' }),
      );
      expect(error).toBeInstanceOf(UnpricedResourceError);
      expect(error).toMatchObject({
        namespace: 'ml',
        resource: 'nvidia.com/mig-1g.10gb',
        message: "no price is set for resource 'nvidia.com/mig-1g.10gb'",
      });
    });

    it('skips them', () => {
      const result = rateUsage(usage, prices, { onUnpriced: 'skip' });
      expect(result.lines.map(line => line.resource)).toEqual(['cpu']);
      expect(result.totalMicros).toBe(50_000n);
      expect(result.unpriced).toEqual([
        { namespace: 'ml', resource: 'nvidia.com/mig-1g.10gb', quantity: '5' },
      ]);
    });

    it('rates them at zero', () => {
      const result = rateUsage(usage, prices, { onUnpriced: 'zero' });
      expect(result.lines[1]).toEqual({
        namespace: 'ml',
        resource: 'nvidia.com/mig-1g.10gb',
        quantity: '5',
        unitPriceMicros: 0n,
        costMicros: 0n,
      });
      expect(result.totalMicros).toBe(50_000n);
      expect(result.unpriced).toHaveLength(1);
    });

    it('does not find prices on the object prototype', () => {
      expect(() =>
        rateUsage(
          [{ namespace: 'a', resource: 'constructor', quantity: '1' }],
          prices,
        ),
      ).toThrow(UnpricedResourceError);
    });
  });

  it('returns nothing for no usage', () => {
    expect(rateUsage([], prices)).toEqual({
      lines: [],
      totalMicros: 0n,
      unpriced: [],
    });
  });

  it.each(['-1', '1e3', '', ' 1', '.5', '5.', 'NaN', '1,5', '+1'])(
    'rejects usage quantity %j',
    quantity => {
      expect(() =>
        rateUsage([{ namespace: 'a', resource: 'cpu', quantity }], prices),
      ).toThrow(InvalidQuantityError);
    },
  );

  it('rejects empty namespaces and resources', () => {
    expect(() =>
      rateUsage([{ namespace: '', resource: 'cpu', quantity: '1' }], prices),
    ).toThrow(RangeError);
    expect(() =>
      rateUsage([{ namespace: 'a', resource: '', quantity: '1' }], prices),
    ).toThrow(RangeError);
  });

  it('rejects negative or non-bigint prices', () => {
    const usage = [{ namespace: 'a', resource: 'cpu', quantity: '1' }];
    expect(() => rateUsage(usage, { cpu: -1n })).toThrow(InvalidAmountError);
    expect(() => rateUsage(usage, { cpu: 0.05 as unknown as bigint })).toThrow(
      InvalidAmountError,
    );
  });

  it('rejects an unknown unpriced policy', () => {
    expect(() =>
      rateUsage([], prices, {
        onUnpriced: 'ignore' as unknown as 'skip',
      }),
    ).toThrow(RangeError);
  });
});
