import { DecisionCache } from './DecisionCache';

describe('DecisionCache', () => {
  it('reuses a decision until it expires', async () => {
    let now = 1000;
    const cache = new DecisionCache<string>(5000, 10, () => now);
    let loads = 0;
    const load = jest.fn(async () => `decision ${++loads}`);

    expect(await cache.get('alice|read', load)).toBe('decision 1');
    expect(await cache.get('alice|read', load)).toBe('decision 1');
    expect(load).toHaveBeenCalledTimes(1);

    now += 5001;
    expect(await cache.get('alice|read', load)).toBe('decision 2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps users and permissions apart', async () => {
    const cache = new DecisionCache<string>(5000);
    expect(await cache.get('alice|read', async () => 'a')).toBe('a');
    expect(await cache.get('bob|read', async () => 'b')).toBe('b');
    expect(await cache.get('alice|recharge', async () => 'c')).toBe('c');
  });

  it('drops the oldest entry when full', async () => {
    const cache = new DecisionCache<number>(5000, 2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    expect(await cache.get('a', async () => 10)).toBe(10);
    expect(await cache.get('c', async () => 30)).toBe(3);
  });

  it('does not cache with a zero time to live', async () => {
    const cache = new DecisionCache<number>(0);
    const load = jest.fn(async () => 1);
    await cache.get('a', load);
    await cache.get('a', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache failures', async () => {
    const cache = new DecisionCache<number>(5000);
    await expect(
      cache.get('a', async () => {
        throw new Error('permission backend down');
      }),
    ).rejects.toThrow('permission backend down');
    expect(await cache.get('a', async () => 2)).toBe(2);
  });
});
