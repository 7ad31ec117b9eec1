import { bucketStart } from './bucketStart';

describe('bucketStart', () => {
  const at = new Date('2026-03-10T14:25:31.123Z');

  it.each([
    ['hour', '2026-03-10T14:00:00.000Z'],
    ['day', '2026-03-10T00:00:00.000Z'],
    ['month', '2026-03-01T00:00:00.000Z'],
  ] as const)('starts the %s bucket at %s', (granularity, expected) => {
    expect(bucketStart(at, granularity).toISOString()).toBe(expected);
  });
});
