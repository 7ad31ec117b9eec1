import {
  bucketLabel,
  bucketStarts,
  costRangeQuery,
  lastDays,
} from './costRanges';

const now = new Date('2026-03-10T14:25:00.000Z');

describe('costRangeQuery', () => {
  it('asks for the last 24 hours by hour', () => {
    expect(costRangeQuery('24h', now)).toEqual({
      from: '2026-03-09T15:00:00.000Z',
      to: '2026-03-10T14:25:00.000Z',
      granularity: 'hour',
    });
  });

  it('asks for the last 168 hours by hour', () => {
    expect(costRangeQuery('7d', now)).toEqual({
      from: '2026-03-03T15:00:00.000Z',
      to: '2026-03-10T14:25:00.000Z',
      granularity: 'hour',
    });
  });

  it('asks for the last 30 days by day', () => {
    expect(costRangeQuery('30d', now)).toEqual({
      from: '2026-02-09T00:00:00.000Z',
      to: '2026-03-10T14:25:00.000Z',
      granularity: 'day',
    });
  });

  it('asks for the last 12 months by month', () => {
    expect(costRangeQuery('12m', now)).toEqual({
      from: '2025-04-01T00:00:00.000Z',
      to: '2026-03-10T14:25:00.000Z',
      granularity: 'month',
    });
  });

  it('has as many buckets as the period promises', () => {
    for (const [range, count] of [
      ['24h', 24],
      ['7d', 168],
      ['30d', 30],
      ['12m', 12],
    ] as const) {
      const query = costRangeQuery(range, now);
      expect(
        bucketStarts(query.from, query.to, query.granularity),
      ).toHaveLength(count);
    }
  });
});

describe('lastDays', () => {
  it('ends now', () => {
    expect(lastDays(7, now)).toEqual({
      from: '2026-03-03T14:25:00.000Z',
      to: '2026-03-10T14:25:00.000Z',
    });
  });
});

describe('bucketStarts', () => {
  it('starts at the bucket holding from and stops before to', () => {
    expect(
      bucketStarts('2026-01-30T10:00:00Z', '2026-02-02T00:00:00Z', 'day'),
    ).toEqual([
      '2026-01-30T00:00:00.000Z',
      '2026-01-31T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
    expect(
      bucketStarts('2025-12-15T00:00:00Z', '2026-02-01T00:00:00Z', 'month'),
    ).toEqual(['2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
  });
});

describe('bucketLabel', () => {
  it('labels buckets in UTC', () => {
    expect(bucketLabel('2026-03-03T14:00:00.000Z', 'hour')).toBe(
      'Mar 3, 14:00',
    );
    expect(bucketLabel('2026-03-03T00:00:00.000Z', 'day')).toBe('Mar 3');
    expect(bucketLabel('2026-03-01T00:00:00.000Z', 'month')).toBe('Mar 2026');
  });
});
