import { costChartData, MAX_SERIES, OTHER_SERIES } from './chartData';

describe('costChartData', () => {
  it('has a row per bucket of the range, empty ones included', () => {
    const data = costChartData({
      buckets: [
        { start: '2026-03-01T00:00:00.000Z', key: 'cpu', cost: '1.25' },
        {
          start: '2026-03-01T00:00:00.000Z',
          key: 'nvidia.com/gpu',
          cost: '10.00',
        },
        { start: '2026-03-03T00:00:00.000Z', key: 'cpu', cost: '0.000001' },
      ],
      keys: ['nvidia.com/gpu', 'cpu'],
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-04T00:00:00.000Z',
      granularity: 'day',
    });
    expect(data.series).toEqual(['nvidia.com/gpu', 'cpu']);
    expect(data.rows).toEqual([
      {
        start: '2026-03-01T00:00:00.000Z',
        label: 'Mar 1',
        costs: { cpu: '1.25', 'nvidia.com/gpu': '10.00' },
        values: { cpu: 1.25, 'nvidia.com/gpu': 10 },
      },
      {
        start: '2026-03-02T00:00:00.000Z',
        label: 'Mar 2',
        costs: {},
        values: {},
      },
      {
        start: '2026-03-03T00:00:00.000Z',
        label: 'Mar 3',
        costs: { cpu: '0.000001' },
        values: { cpu: 0.000001 },
      },
    ]);
  });

  it('sums the smallest keys exactly into Other', () => {
    const keys = Array.from({ length: MAX_SERIES + 2 }, (_, i) => `p${i}`);
    const data = costChartData({
      buckets: keys.map(key => ({
        start: '2026-03-01T00:00:00.000Z',
        key,
        cost: '0.100001',
      })),
      keys,
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      granularity: 'day',
    });
    expect(data.series).toHaveLength(MAX_SERIES);
    expect(data.series[MAX_SERIES - 1]).toBe(OTHER_SERIES);
    expect(data.rows[0].costs[OTHER_SERIES]).toBe('0.300003');
  });
});
