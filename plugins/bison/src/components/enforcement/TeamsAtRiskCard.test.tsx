import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/apis';
import { aTeamAtRisk, mockBisonApi, usd } from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { formatDateTime } from '../shared/time';
import { TeamsAtRiskCard } from './TeamsAtRiskCard';

const HOUR = 3_600_000;

function renderCard(bison: Partial<BisonApi>) {
  return renderWithApis(<TeamsAtRiskCard currency={usd} />, { bison });
}

describe('TeamsAtRiskCard', () => {
  it('lists the teams at risk in the order given, each linking to its page', async () => {
    const suspendedAt = new Date(Date.now() - 30 * HOUR).toISOString();
    await renderCard(
      mockBisonApi({
        listTeamsAtRisk: async () => [
          aTeamAtRisk('data-team', {
            displayName: 'Data',
            state: 'suspended',
            balance: '-80.00',
            burnRatePerDay: '0.00',
            runOutAt: null,
            suspendedAt,
          }),
          aTeamAtRisk('vision-team', {
            state: 'overdue',
            balance: '-5.004',
            burnRatePerDay: '30.00',
            graceEndsAt: new Date(
              Date.now() + 3 * HOUR + 20.5 * 60_000,
            ).toISOString(),
          }),
          aTeamAtRisk('ml-team', {
            displayName: 'Machine Learning',
            balance: '40.00',
            burnRatePerDay: '20.00',
            runOutAt: new Date(Date.now() + 2 * 24 * HOUR).toISOString(),
          }),
          aTeamAtRisk('idle-team', { runOutAt: null, burnRatePerDay: '0.00' }),
        ],
      }),
    );

    const link = await screen.findByRole('link', { name: 'data-team' });
    expect(link).toHaveAttribute('href', '/bison/teams/data-team');
    const cells = (team: string) =>
      within(screen.getByTestId(`at-risk-${team}`))
        .getAllByRole('cell')
        .map(cell => cell.textContent);
    expect(cells('data-team')).toEqual([
      'data-teamData',
      'Suspended',
      '-$80.00',
      '$0.00/day',
      `Suspended since ${formatDateTime(suspendedAt)}`,
    ]);
    expect(cells('vision-team')).toEqual([
      'vision-teamvision-team',
      'Overdue',
      '-$5.00',
      '$30.00/day',
      'Grace ends in 3 h 20 min',
    ]);
    expect(cells('ml-team')).toEqual([
      'ml-teamMachine Learning',
      'Low',
      '$40.00',
      '$20.00/day',
      'Runs out in ~2 days',
    ]);
    expect(cells('idle-team')[4]).toBe('Never runs out at the current rate');
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map(row => row.dataset.testid),
    ).toEqual([
      'at-risk-data-team',
      'at-risk-vision-team',
      'at-risk-ml-team',
      'at-risk-idle-team',
    ]);

    await userEvent.hover(
      within(screen.getByTestId('at-risk-ml-team')).getByText('Low'),
    );
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Low: the balance is low or runs out soon',
    );
  });

  it('says so when no team is at risk', async () => {
    await renderCard(mockBisonApi({ listTeamsAtRisk: async () => [] }));
    expect(await screen.findByTestId('at-risk-empty')).toHaveTextContent(
      'No team is low, overdue or suspended.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a backend error', async () => {
    await renderCard(
      mockBisonApi({
        listTeamsAtRisk: async () => {
          throw new Error('enforcement unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/enforcement unavailable/))[0],
    ).toBeInTheDocument();
  });
});
