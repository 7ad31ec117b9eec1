import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import { aTeam, mockBisonApi } from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
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
    expect(
      screen.getByText('group:default/machine-learning'),
    ).toBeInTheDocument();
    expect(screen.getByText('$1234.50')).toBeInTheDocument();
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
});
