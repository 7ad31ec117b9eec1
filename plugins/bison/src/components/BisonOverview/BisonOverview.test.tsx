import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  aTeam,
  aTeamAtRisk,
  aUsageSummary,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi, UsageRange } from '../../api';
import { BisonOverview } from './BisonOverview';

function renderWith(api: Partial<BisonApi>) {
  return renderWithApis(<BisonOverview />, { bison: api });
}

describe('BisonOverview', () => {
  it('shows the installation currency and billing window', async () => {
    await renderWith(
      mockBisonApi({
        getSettings: async () => ({
          currency: { code: 'EUR', symbol: '€', minorUnits: 2 },
          billingWindowMinutes: 30,
          reportsTimeZone: 'UTC',
        }),
      }),
    );
    expect(await screen.findByText('EUR (€)')).toBeInTheDocument();
    expect(screen.getByText('2 decimal places')).toBeInTheDocument();
    expect(screen.getByText('30 minutes')).toBeInTheDocument();
  });

  it('lists the teams with their balance and state, linking to each team', async () => {
    await renderWith(
      mockBisonApi({
        listTeams: async () => [
          aTeam(),
          aTeam({
            name: 'data-team',
            displayName: 'Data',
            groupRef: 'group:default/data',
            wallet: { balance: '-5.00', currency: 'USD', state: 'overdue' },
          }),
        ],
      }),
    );

    const link = await screen.findByRole('link', { name: 'ml-team' });
    expect(link).toHaveAttribute('href', '/bison/teams/ml-team');
    expect(screen.getByRole('link', { name: 'data-team' })).toHaveAttribute(
      'href',
      '/bison/teams/data-team',
    );
    expect(screen.getByText('Machine Learning')).toBeInTheDocument();
    expect(screen.getByText('machine-learning')).toHaveAttribute(
      'title',
      'group:default/machine-learning',
    );
    expect(screen.getByText('$1,234.50')).toBeInTheDocument();
    expect(screen.getByText('-$5.00')).toBeInTheDocument();
    expect(screen.getByText('Active')).toBeInTheDocument();
    expect(screen.getByText('Overdue')).toBeInTheDocument();
  });

  it('shows an empty state when the user may read no team', async () => {
    await renderWith(mockBisonApi({ listTeams: async () => [] }));
    expect(await screen.findByText('No Bison teams')).toBeInTheDocument();
    expect(screen.getByText('Installation')).toBeInTheDocument();
  });

  it('shows a backend error instead of the content', async () => {
    await renderWith(
      mockBisonApi({
        getSettings: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByText('Installation')).not.toBeInTheDocument();
  });

  it('shows quota use, project count and tenancy problems per team', async () => {
    await renderWith(
      mockBisonApi({
        listTeams: async () => [
          aTeam({
            quota: {
              hard: {
                'requests.memory': '64Gi',
                'requests.nvidia.com/gpu': '4',
              },
              used: {
                'requests.memory': '12Gi',
                'requests.nvidia.com/gpu': '4',
              },
            },
            projectCount: 3,
            tenancy: {
              status: 'drifted',
              problems: ['nodeSelector differs', 'owner missing'],
            },
          }),
          aTeam({
            name: 'data-team',
            projectCount: 0,
            tenancy: { status: 'ok', problems: [] },
          }),
        ],
      }),
    );

    const row = (await screen.findByRole('link', { name: 'ml-team' })).closest(
      'tr',
    )!;
    expect(within(row).getByText('12 / 64 GiB')).toBeInTheDocument();
    expect(within(row).getByText('4 / 4 devices')).toBeInTheDocument();
    expect(
      within(row)
        .getAllByTestId('quota-usage')
        .map(bar => bar.getAttribute('data-severity')),
    ).toEqual(['ok', 'error']);
    expect(within(row).getByText('3')).toBeInTheDocument();
    const chip = within(row).getByTestId('tenancy-status');
    expect(chip).toHaveTextContent('Tenant drifted');
    await userEvent.hover(chip);
    expect(
      await screen.findByRole('tooltip', {
        name: 'nodeSelector differs; owner missing',
      }),
    ).toBeInTheDocument();

    const other = screen
      .getByRole('link', { name: 'data-team' })
      .closest('tr')!;
    expect(within(other).queryByTestId('tenancy-status')).toBeNull();
    expect(within(other).getByText('In sync')).toBeInTheDocument();
    expect(within(other).getByText('—')).toBeInTheDocument();
  });

  it('flags a team whose tenant is missing', async () => {
    await renderWith(
      mockBisonApi({
        listTeams: async () => [
          aTeam({
            tenancy: { status: 'missing', problems: ['no Tenant ml-team'] },
          }),
        ],
      }),
    );
    expect(await screen.findByTestId('tenancy-status')).toHaveTextContent(
      'Tenant missing',
    );
  });

  it('links to the node pools and offers to create a team when allowed', async () => {
    await renderWith(mockBisonApi());
    expect(
      await screen.findByRole('link', { name: 'Node pools' }),
    ).toHaveAttribute('href', '/bison/nodes');
    expect(
      await screen.findByRole('button', { name: 'Create team' }),
    ).toBeInTheDocument();
  });

  it('links to the pricing page', async () => {
    await renderWith(mockBisonApi());
    expect(
      await screen.findByRole('link', { name: 'Pricing' }),
    ).toHaveAttribute('href', '/bison/pricing');
  });

  it('links to the reports when allowed to read them', async () => {
    await renderWith(mockBisonApi());
    expect(
      await screen.findByRole('link', { name: 'Reports' }),
    ).toHaveAttribute('href', '/bison/reports');
  });

  it('links to the activity', async () => {
    await renderWith(mockBisonApi());
    expect(
      await screen.findByRole('link', { name: 'Activity' }),
    ).toHaveAttribute('href', '/bison/activity');
  });

  it('counts the teams and their projects', async () => {
    await renderWith(
      mockBisonApi({
        listTeams: async () => [
          aTeam({ projectCount: 3 }),
          aTeam({ name: 'data-team', projectCount: 2 }),
          aTeam({ name: 'new-team' }),
        ],
      }),
    );
    expect(await screen.findByTestId('teams-count')).toHaveTextContent('3');
    expect(screen.getByTestId('projects-count')).toHaveTextContent('5');
  });

  it('shows the spend of the last 24 hours and 7 days, its trend and the top 5 teams', async () => {
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    const utcDay = (n: number) => {
      const d = day(n);
      d.setUTCHours(0, 0, 0, 0);
      return d.toISOString();
    };
    const api = mockBisonApi({
      getUsageSummary: async (range?: UsageRange) => {
        const hours =
          (Date.parse(range!.to!) - Date.parse(range!.from!)) / 3_600_000;
        if (hours === 24) {
          return aUsageSummary({ total: '45.678901', unallocated: '1.00' });
        }
        return aUsageSummary({
          from: range!.from!,
          to: range!.to!,
          total: '1234.567890',
          unallocated: '12.345678',
          unallocatedNamespaces: [
            { namespace: 'kube-system', cost: '12.00' },
            { namespace: 'monitoring', cost: '0.345678' },
          ],
          teams: ['a', 'b', 'c', 'd', 'e', 'f'].map((name, index) => ({
            team: `${name}-team`,
            displayName: `Team ${name.toUpperCase()}`,
            cost: `${600 - index * 100}.00`,
            rank: index + 1,
          })),
          daily: [
            { start: utcDay(2), cost: '100.00' },
            { start: utcDay(1), cost: '200.50' },
          ],
        });
      },
    });
    await renderWith(api);

    expect(await screen.findByTestId('spend-24h')).toHaveTextContent('$45.68');
    expect(screen.getByTestId('spend-7d')).toHaveTextContent('$1,234.57');
    expect(screen.getByTestId('spend-unallocated')).toHaveTextContent('$12.35');
    expect(
      within(screen.getByTestId('unallocated-namespaces'))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['kube-system$12.00', 'monitoring$0.35']);
    const top = screen.getByTestId('top-teams');
    const items = within(top).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'a-team Team A$600.00',
      'b-team Team B$500.00',
      'c-team Team C$400.00',
      'd-team Team D$300.00',
      'e-team Team E$200.00',
    ]);
    expect(within(top).getByRole('link', { name: 'a-team' })).toHaveAttribute(
      'href',
      '/bison/teams/a-team',
    );
    const trend = screen.getByRole('img', {
      name: 'Spend per day, last 7 days',
    });
    expect(trend.querySelectorAll('path.recharts-rectangle')).toHaveLength(2);

    const ranges = api.getUsageSummary.mock.calls.map(call => call[0]!);
    expect(
      ranges.map(r => (Date.parse(r.to!) - Date.parse(r.from!)) / 3_600_000),
    ).toEqual([24, 168]);
  });

  it('lists the teams at risk, linking to their pages', async () => {
    const api = mockBisonApi({
      listTeamsAtRisk: async () => [
        aTeamAtRisk('data-team', { state: 'overdue', graceEndsAt: null }),
      ],
    });
    await renderWith(api);
    const row = await screen.findByTestId('at-risk-data-team');
    expect(
      within(row).getByRole('link', { name: 'data-team' }),
    ).toHaveAttribute('href', '/bison/teams/data-team');
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(screen.getByText('Teams at risk')).toBeInTheDocument();
  });

  it('says when no team is at risk', async () => {
    await renderWith(mockBisonApi());
    expect(await screen.findByTestId('at-risk-empty')).toHaveTextContent(
      'No team is low, overdue or suspended.',
    );
  });

  it('shows the billing status', async () => {
    await renderWith(mockBisonApi());
    expect(await screen.findByTestId('billing-watermark')).toBeInTheDocument();
    expect(screen.getByText('Billing status')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Run billing now' }),
    ).toBeInTheDocument();
  });

  it('leaves out the spend and the billing status when the backend refuses them (403)', async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    const api = mockBisonApi({
      getUsageSummary: async () => {
        throw forbidden;
      },
      getBillingStatus: async () => {
        throw forbidden;
      },
    });
    await renderWith(api);
    expect(
      await screen.findByRole('link', { name: 'ml-team' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getUsageSummary).toHaveBeenCalled());
    await waitFor(() => expect(api.getBillingStatus).toHaveBeenCalled());
    await waitFor(() => {
      expect(screen.queryByText('Spend')).not.toBeInTheDocument();
      expect(screen.queryByText('Billing status')).not.toBeInTheDocument();
    });
    expect(screen.queryByText('Unauthorized')).not.toBeInTheDocument();
    expect(screen.getByTestId('teams-count')).toHaveTextContent('1');
  });
});
