import { screen, waitFor } from '@testing-library/react';
import { DENY, renderWithApis } from '../../__testUtils__/apis';
import { mockBisonApi } from '../../__testUtils__/fixtures';
import { ReportsPage } from './ReportsPage';

// Its own file: usePermission caches the decision on bison.reports.read for
// the whole file.
describe('ReportsPage without bison.reports.read', () => {
  it('says the member may not read reports and asks the backend nothing', async () => {
    const authorize = jest.fn(() => DENY);
    const api = mockBisonApi();
    await renderWithApis(<ReportsPage />, { bison: api, authorize });

    expect(
      await screen.findByText('You are not allowed to read reports'),
    ).toBeInTheDocument();
    expect(screen.getByText(/bison\.reports\.read permission/)).toBeVisible();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.reports.read' }),
        }),
      ),
    );
    expect(api.getTeamReport).not.toHaveBeenCalled();
    expect(api.getProjectReport).not.toHaveBeenCalled();
    expect(api.getReconciliation).not.toHaveBeenCalled();
    expect(
      screen.queryByRole('button', { name: 'Last 7 days' }),
    ).not.toBeInTheDocument();
  });
});
