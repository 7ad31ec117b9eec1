import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  aWallet,
  daysAgo,
  mockBisonApi,
  responseError,
  usd,
} from '../../__testUtils__/fixtures';
import { WalletCard } from './WalletCard';

// usePermission caches decisions per permission and team for the whole file,
// so tests that expect another decision use another team.
describe('WalletCard', () => {
  it('shows the balance with the currency symbol, the state and the last recharge', async () => {
    const api = mockBisonApi({
      getWallet: async () =>
        aWallet({
          balance: '1234.50',
          state: 'low',
          lastRecharge: { amount: '500.00', at: daysAgo(3) },
        }),
    });
    await renderWithApis(<WalletCard team="ml-team" currency={usd} />, {
      bison: api,
    });

    expect(await screen.findByTestId('wallet-balance')).toHaveTextContent(
      '$1,234.50',
    );
    expect(screen.getByText('Low')).toBeInTheDocument();
    expect(screen.getByTestId('wallet-state')).toHaveAttribute(
      'data-state',
      'low',
    );
    expect(screen.getByTestId('wallet-last-recharge')).toHaveTextContent(
      '$500.00, 3 days ago',
    );
    expect(api.getWallet).toHaveBeenCalledWith('ml-team');
  });

  it.each([
    ['active', 'Active'],
    ['overdue', 'Overdue'],
    ['suspended', 'Suspended'],
  ] as const)('labels the %s state', async (state, label) => {
    await renderWithApis(<WalletCard team="ml-team" currency={usd} />, {
      bison: mockBisonApi({ getWallet: async () => aWallet({ state }) }),
    });
    expect(await screen.findByText(label)).toBeInTheDocument();
  });

  it('shows a negative balance and a wallet never recharged', async () => {
    await renderWithApis(<WalletCard team="ml-team" currency={usd} />, {
      bison: mockBisonApi({
        getWallet: async () =>
          aWallet({ balance: '-3.250001', lastRecharge: null }),
      }),
    });
    expect(await screen.findByTestId('wallet-balance')).toHaveTextContent(
      '-$3.25',
    );
    await userEvent.hover(screen.getByText('-$3.25'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Exactly -$3.250001',
    );
    expect(screen.getByText(/Last recharge:\s*never/)).toBeInTheDocument();
  });

  it('shows the Recharge button when recharging this team is allowed', async () => {
    const requests: unknown[] = [];
    await renderWithApis(<WalletCard team="audited-team" currency={usd} />, {
      bison: mockBisonApi(),
      authorize: request => {
        requests.push(request);
        return ALLOW;
      },
    });
    expect(
      await screen.findByRole('button', { name: 'Recharge' }),
    ).toBeInTheDocument();
    expect(requests).toContainEqual(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'bison.wallet.recharge' }),
        resourceRef: 'audited-team',
      }),
    );
  });

  it('hides the Recharge button when recharging is denied', async () => {
    const authorize = jest.fn(() => DENY);
    await renderWithApis(<WalletCard team="readonly-team" currency={usd} />, {
      bison: mockBisonApi(),
      authorize,
    });
    expect(await screen.findByTestId('wallet-balance')).toBeInTheDocument();
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(
      screen.queryByRole('button', { name: 'Recharge' }),
    ).not.toBeInTheDocument();
  });

  it('recharges through the dialog, then reloads the wallet and reports it', async () => {
    const api = mockBisonApi();
    api.getWallet
      .mockResolvedValueOnce(aWallet({ balance: '10.00' }))
      .mockResolvedValueOnce(aWallet({ balance: '110.00' }));
    const onRecharged = jest.fn();
    await renderWithApis(
      <WalletCard team="ml-team" currency={usd} onRecharged={onRecharged} />,
      { bison: api },
    );
    expect(await screen.findByTestId('wallet-balance')).toHaveTextContent(
      '$10.00',
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Recharge' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Recharge wallet',
    });
    await userEvent.type(within(dialog).getByLabelText('Amount'), '100');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Recharge' }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('wallet-balance')).toHaveTextContent('$110.00'),
    );
    expect(onRecharged).toHaveBeenCalledTimes(1);
    expect(api.recharge).toHaveBeenCalledWith(
      'ml-team',
      { amount: '100' },
      expect.any(String),
    );
  });

  it('shows a backend error', async () => {
    const error = await responseError(
      403,
      'not allowed here',
      'NotAllowedError',
    );
    await renderWithApis(<WalletCard team="ml-team" currency={usd} />, {
      bison: mockBisonApi({
        getWallet: async () => {
          throw error;
        },
      }),
    });
    expect(
      (await screen.findAllByText(/not allowed here/))[0],
    ).toBeInTheDocument();
  });
});
