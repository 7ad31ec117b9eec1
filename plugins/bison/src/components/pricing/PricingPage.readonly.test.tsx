import { act, screen, waitFor } from '@testing-library/react';
import { DENY, renderWithApis } from '../../__testUtils__/apis';
import { mockBisonApi } from '../../__testUtils__/fixtures';
import { PricingPage } from './PricingPage';

// Its own file: usePermission caches the decision of the basic
// pricingUpdatePermission for the whole file.
describe('PricingPage without the permission to update pricing', () => {
  it('shows the prices and the preview without Edit prices', async () => {
    const authorize = jest.fn(() => DENY);
    await renderWithApis(<PricingPage />, { bison: mockBisonApi(), authorize });
    expect(
      await screen.findByRole('table', { name: 'Current prices' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.pricing.update' }),
        }),
      ),
    );
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(
      screen.queryByRole('button', { name: 'Edit prices' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Calculate' })).toBeEnabled();
  });
});
