import { screen } from '@testing-library/react';
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
});
