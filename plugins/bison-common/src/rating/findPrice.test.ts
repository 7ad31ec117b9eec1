import { findPrice } from './findPrice';
import { PriceTable } from './types';

describe('findPrice', () => {
  const prices: PriceTable = {
    cpu: 50_000n,
    'nvidia.com/gpu': 2_000_000n,
    'nvidia.com/gpu:A100': 3_500_000n,
    free: 0n,
  };

  it.each<[string, bigint | undefined]>([
    ['cpu', 50_000n],
    ['free', 0n],
    ['nvidia.com/gpu', 2_000_000n],
    ['nvidia.com/gpu:A100', 3_500_000n], // model price wins
    ['nvidia.com/gpu:H100', 2_000_000n], // falls back to the base resource
    ['nvidia.com/gpu:H100:80GB', 2_000_000n],
    ['nvidia.com/mig-1g.10gb', undefined], // no ':' so no fallback
    ['memory', undefined],
    [':A100', undefined],
    ['constructor', undefined], // never the prototype's
    ['__proto__', undefined],
    ['toString:x', undefined],
  ])('price of %j is %p', (resource, expected) => {
    expect(findPrice(prices, resource)).toBe(expected);
  });
});
