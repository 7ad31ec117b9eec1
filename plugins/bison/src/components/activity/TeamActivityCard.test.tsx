import { screen, within } from '@testing-library/react';
import { renderWithApis } from '../../__testUtils__/apis';
import {
  anActivityEntry,
  mockBisonApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { BisonApi } from '../../api';
import { RECENT_ACTIVITY, TeamActivityCard } from './TeamActivityCard';

function renderCard(api: Partial<BisonApi>, team = 'ml-team') {
  return renderWithApis(<TeamActivityCard team={team} />, { bison: api });
}

describe('TeamActivityCard', () => {
  it("shows the team's latest changes: when, who and what", async () => {
    const api = mockBisonApi({
      listActivity: async () => ({
        items: [
          anActivityEntry('2', {
            actor: 'user:default/mia',
            summary: 'Recharged 100.00 USD',
          }),
          anActivityEntry('1', {
            actor: 'service:enforcement',
            summary: 'active → low: balance below 50.00',
          }),
        ],
        nextCursor: '1',
      }),
    });
    await renderCard(api);

    const table = await screen.findByTestId('team-activity');
    await within(table).findByText('Recharged 100.00 USD');
    expect(api.listActivity).toHaveBeenCalledWith({
      team: 'ml-team',
      limit: RECENT_ACTIVITY,
    });
    expect(within(table).getByText('mia')).toHaveAttribute(
      'title',
      'user:default/mia',
    );
    expect(within(table).getByText('service:enforcement')).toBeInTheDocument();
    expect(
      within(table).getByText('active → low: balance below 50.00'),
    ).toBeInTheDocument();
    expect(table.querySelectorAll('time')).toHaveLength(2);
  });

  it('links to all the activity of the team', async () => {
    await renderCard(mockBisonApi(), 'ml team');
    expect(
      await screen.findByRole('link', { name: 'View all activity' }),
    ).toHaveAttribute('href', '/bison/activity?team=ml+team');
  });

  it('says when nothing was recorded for the team', async () => {
    await renderCard(
      mockBisonApi({ listActivity: async () => ({ items: [] }) }),
    );
    expect(
      await screen.findByText('No changes recorded for this team yet.'),
    ).toBeInTheDocument();
  });

  it("says so when the user may not read the team's activity", async () => {
    const forbidden = await responseError(
      403,
      'Unauthorized',
      'NotAllowedError',
    );
    await renderCard(
      mockBisonApi({
        listActivity: async () => {
          throw forbidden;
        },
      }),
    );
    expect(
      await screen.findByText(
        "You do not have access to this team's activity.",
      ),
    ).toBeInTheDocument();
  });
});
