import { UsageSourceRegistry } from './UsageSourceRegistry';

describe('UsageSourceRegistry', () => {
  const source = (id: string) => ({ id, getUsage: async () => [] });

  it('keeps sources by id', () => {
    const registry = new UsageSourceRegistry();
    const opencost = source('opencost');
    registry.addUsageSource(opencost);
    registry.addUsageSource(source('prometheus'));
    expect(registry.get('opencost')).toBe(opencost);
    expect(registry.get('missing')).toBeUndefined();
    expect(registry.ids()).toEqual(['opencost', 'prometheus']);
  });

  it('refuses a second source with the same id', () => {
    const registry = new UsageSourceRegistry();
    registry.addUsageSource(source('opencost'));
    expect(() => registry.addUsageSource(source('opencost'))).toThrow(
      /already registered/,
    );
  });
});
