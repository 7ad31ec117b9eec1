import { totalsBy } from './totalsBy';
import { CostLine } from './types';

const line = (
  namespace: string,
  resource: string,
  costMicros: bigint,
): CostLine => ({
  namespace,
  resource,
  quantity: '1',
  unitPriceMicros: costMicros,
  costMicros,
});

describe('totalsBy', () => {
  const lines = [
    line('ml', 'cpu', 2n ** 62n),
    line('web', 'cpu', 1n),
    line('ml', 'memory', 2n ** 62n),
    line('web', 'nvidia.com/gpu', 3n),
  ];

  it('sums exactly per namespace, in order of first appearance', () => {
    expect([...totalsBy(lines, 'namespace')]).toEqual([
      ['ml', 2n ** 63n],
      ['web', 4n],
    ]);
  });

  it('sums exactly per resource', () => {
    expect([...totalsBy(lines, 'resource')]).toEqual([
      ['cpu', 2n ** 62n + 1n],
      ['memory', 2n ** 62n],
      ['nvidia.com/gpu', 3n],
    ]);
  });

  it('returns an empty map for no lines', () => {
    expect(totalsBy([], 'namespace').size).toBe(0);
  });
});
