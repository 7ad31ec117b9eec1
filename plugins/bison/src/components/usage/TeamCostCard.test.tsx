import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aTeamUsage,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { TeamUsageQuery } from '../../api';
import { bucketStarts, costRangeQuery } from './costRanges';
import { TeamCostCard } from './TeamCostCard';

/** Usage in the first two buckets of the queried range. */
function usageOf(team: string, query: TeamUsageQuery = {}) {
  const { granularity = 'day' } = query;
  const { from, to } = { ...costRangeQuery('30d'), ...query };
  const [first, second] = bucketStarts(from, to, granularity);
  if (query.groupBy === 'project') {
    return aTeamUsage({
      team,
      from,
      to,
      granularity,
      groupBy: 'project',
      buckets: [
        { start: first, key: 'ml-training', cost: '90.00' },
        { start: second, key: 'ml-serving', cost: '33.456789' },
      ],
      totals: [
        { key: 'ml-training', cost: '90.00' },
        { key: 'ml-serving', cost: '33.456789' },
      ],
      total: '123.456789',
    });
  }
  return aTeamUsage({
    team,
    from,
    to,
    granularity,
    groupBy: 'resource',
    buckets: [
      {
        start: first,
        key: 'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
        quantity: '36',
        cost: '90.00',
      },
      { start: second, key: 'cpu', quantity: '836.41', cost: '33.456789' },
    ],
    totals: [
      {
        key: 'nvidia.com/gpu:NVIDIA-A100-SXM4-80GB',
        quantity: '36',
        cost: '90.00',
      },
      { key: 'cpu', quantity: '836.41', cost: '33.456789' },
    ],
    total: '123.456789',
  });
}

describe('TeamCostCard', () => {
  it('shows the 30-day total, a chart by resource and the cost per project', async () => {
    const api = mockBisonApi({
      getTeamUsage: async (team, query) => usageOf(team, query),
    });
    await renderWithApis(<TeamCostCard team="ml-team" />, { bison: api });

    expect(await screen.findByTestId('cost-total')).toHaveTextContent(
      '$123.46',
    );
    expect(screen.getByText('Total of the last 30 days')).toBeInTheDocument();
    const chart = screen.getByRole('img', { name: 'Cost by resource' });
    // One bar per bucket with usage; the other 28 days are empty.
    expect(chart.querySelectorAll('path.recharts-rectangle')).toHaveLength(2);
    expect(chart.querySelectorAll('.recharts-bar')).toHaveLength(2);

    const projects = screen.getByRole('table', { name: 'Cost per project' });
    const rows = within(projects).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'ProjectCost',
      'ml-training$90.00',
      'ml-serving$33.46',
    ]);
    const resources = screen.getByRole('table', { name: 'Cost per resource' });
    expect(within(resources).getByText('36 device-hours')).toBeInTheDocument();
    expect(
      within(resources).getByText('836.41 core-hours'),
    ).toBeInTheDocument();

    expect(api.getTeamUsage).toHaveBeenCalledTimes(2);
    const queries = api.getTeamUsage.mock.calls.map(call => call[1]!);
    expect(queries.map(q => [q.granularity, q.groupBy])).toEqual([
      ['day', 'resource'],
      ['day', 'project'],
    ]);
    const { from, to } = queries[0];
    const days = (Date.parse(to!) - Date.parse(from!)) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);
    expect(from!.endsWith('T00:00:00.000Z')).toBe(true);
  });

  it('switches to stacking by project without asking again', async () => {
    const api = mockBisonApi({
      getTeamUsage: async (team, query) => usageOf(team, query),
    });
    await renderWithApis(<TeamCostCard team="ml-team" />, { bison: api });
    await screen.findByRole('img', { name: 'Cost by resource' });

    await userEvent.click(screen.getByRole('button', { name: 'By project' }));
    expect(
      await screen.findByRole('img', { name: 'Cost by project' }),
    ).toBeInTheDocument();
    expect(api.getTeamUsage).toHaveBeenCalledTimes(2);
  });

  it('asks for 7 days by hour, 12 months by month and 24 hours by hour', async () => {
    const api = mockBisonApi({
      getTeamUsage: async (team, query) => usageOf(team, query),
    });
    await renderWithApis(<TeamCostCard team="ml-team" />, { bison: api });
    await screen.findByTestId('cost-total');

    await userEvent.click(screen.getByRole('button', { name: '7 days' }));
    expect(
      await screen.findByText('Total of the last 7 days'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '12 months' }));
    expect(
      await screen.findByText('Total of the last 12 months'),
    ).toBeInTheDocument();

    const queries = api.getTeamUsage.mock.calls.map(call => call[1]!);
    expect(queries.map(q => q.granularity)).toEqual([
      'day',
      'day',
      'hour',
      'hour',
      'month',
      'month',
    ]);
    const hourly = queries[2];
    expect(
      (Date.parse(hourly.to!) - Date.parse(hourly.from!)) / 3_600_000,
    ).toBeGreaterThan(167);
    expect(queries[4].from).toMatch(/-01T00:00:00.000Z$/);

    await userEvent.click(screen.getByRole('button', { name: '24 hours' }));
    expect(
      await screen.findByText('Total of the last 24 hours'),
    ).toBeInTheDocument();
    const day = api.getTeamUsage.mock.calls.at(-1)![1]!;
    expect(day.granularity).toBe('hour');
    expect(
      (Date.parse(day.to!) - Date.parse(day.from!)) / 3_600_000,
    ).toBeLessThanOrEqual(24);
  });

  it('says so when the team has no usage yet', async () => {
    const api = mockBisonApi();
    await renderWithApis(<TeamCostCard team="new-team" />, { bison: api });
    expect(await screen.findByTestId('cost-empty')).toHaveTextContent(
      'No usage billed for this team in the last 30 days',
    );
    expect(screen.getByTestId('cost-total')).toHaveTextContent('$0.00');
    expect(screen.queryByTestId('cost-chart')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Cost per project' }),
    ).not.toBeInTheDocument();
  });

  it('explains a refused request and shows other errors', async () => {
    const forbidden = await responseError(403, 'no', 'NotAllowedError');
    await renderWithApis(<TeamCostCard team="other-team" />, {
      bison: mockBisonApi({
        getTeamUsage: async () => {
          throw forbidden;
        },
      }),
    });
    expect(
      await screen.findByText("You do not have access to this team's cost."),
    ).toBeInTheDocument();
  });

  it('shows a backend error', async () => {
    const failure = await responseError(500, 'database is down', 'Error');
    await renderWithApis(<TeamCostCard team="ml-team" />, {
      bison: mockBisonApi({
        getTeamUsage: async () => {
          throw failure;
        },
      }),
    });
    await waitFor(() =>
      expect(screen.getAllByText(/database is down/)[0]).toBeInTheDocument(),
    );
  });
});
