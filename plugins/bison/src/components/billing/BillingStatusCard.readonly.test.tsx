import { act, screen, waitFor } from '@testing-library/react';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import { mockBisonApi } from '../../__testUtils__/fixtures';
import { BillingStatusCard } from './BillingStatusCard';

// Its own file: usePermission caches decisions of basic permissions for the
// whole file.
describe('BillingStatusCard for readers of reports who may not operate billing', () => {
  it('shows the status without Run billing now', async () => {
    const authorize = jest.fn((request: { permission: { name: string } }) =>
      request.permission.name === 'bison.reports.read' ? ALLOW : DENY,
    );
    const api = mockBisonApi();
    await renderWithApis(<BillingStatusCard />, {
      bison: api,
      authorize: authorize as any,
    });
    expect(await screen.findByTestId('billing-watermark')).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'bison.billing.operate',
          }),
        }),
      ),
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(
      screen.queryByRole('button', { name: 'Run billing now' }),
    ).not.toBeInTheDocument();
    expect(api.startBillingRun).not.toHaveBeenCalled();
  });
});
