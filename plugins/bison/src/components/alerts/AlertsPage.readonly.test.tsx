import { act, screen } from '@testing-library/react';
import { DENY, renderWithApis } from '../../__testUtils__/apis';
import { mockBisonApi } from '../../__testUtils__/fixtures';
import { AlertsPage } from './AlertsPage';

// Its own file: usePermission caches the decision of the basic
// alertsManagePermission for the whole file.
describe('AlertsPage for a member who may not manage alerts', () => {
  it('shows the rules and the history, without global channels or editing', async () => {
    const api = mockBisonApi();
    await renderWithApis(<AlertsPage />, { bison: api, authorize: () => DENY });
    expect(
      await screen.findByText('below 50 %, 25 %, 10 %'),
    ).toBeInTheDocument();
    expect(await screen.findByText(/balance below 25 %/)).toBeInTheDocument();
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(screen.queryByText('Global channels')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add channel' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/Your teams' channels are on their team pages/),
    ).toBeInTheDocument();
  });
});
