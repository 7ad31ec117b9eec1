import { screen, waitFor } from '@testing-library/react';
import { DENY, renderWithApis } from '../../../__testUtils__/apis';
import { mockBisonApi, usd } from '../../../__testUtils__/fixtures';
import { ReconciliationCard } from './ReconciliationCard';

// Its own file: usePermission caches decisions for the whole file.
describe('ReconciliationCard without bison.billing.operate nor bison.wallet.adjust', () => {
  it('lists the differences without Re-check now or Settle', async () => {
    const authorize = jest.fn(() => DENY);
    const api = mockBisonApi();
    await renderWithApis(<ReconciliationCard currency={usd} />, {
      bison: api,
      authorize,
    });

    expect(await screen.findByTestId('difference-3')).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'bison.billing.operate',
          }),
        }),
      ),
    );
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'bison.wallet.adjust' }),
          resourceRef: 'ml-team',
        }),
      ),
    );
    expect(
      screen.queryByRole('button', { name: 'Re-check now' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Settle/ }),
    ).not.toBeInTheDocument();
    expect(api.runReconciliationCheck).not.toHaveBeenCalled();
  });
});
