import { act, screen, waitFor } from '@testing-library/react';
import { DENY, renderWithApis } from '../../__testUtils__/apis';
import { mockBisonApi } from '../../__testUtils__/fixtures';
import { BisonOverview } from './BisonOverview';

// Its own file: usePermission caches decisions of basic permissions (such
// as creating teams) for the whole file.
describe('BisonOverview without the admin permissions', () => {
  it('hides the Create team button, the node pools and reports links, the spend and the billing status', async () => {
    const authorize = jest.fn(() => DENY);
    const api = mockBisonApi();
    await renderWithApis(<BisonOverview />, {
      bison: api,
      authorize,
    });
    expect(
      await screen.findByRole('link', { name: 'ml-team' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.team.create' }),
        }),
      ),
    );
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'bison.nodes.read' }),
      }),
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(
      screen.queryByRole('button', { name: 'Create team' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Node pools' }),
    ).not.toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'bison.reports.read' }),
      }),
    );
    expect(
      screen.queryByRole('link', { name: 'Reports' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Spend')).not.toBeInTheDocument();
    expect(screen.queryByText('Billing status')).not.toBeInTheDocument();
    expect(api.getUsageSummary).not.toHaveBeenCalled();
    expect(api.getBillingStatus).not.toHaveBeenCalled();
    // Everyone may read the prices, and the activity of their teams.
    expect(screen.getByRole('link', { name: 'Pricing' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Activity' })).toBeInTheDocument();
  });
});
