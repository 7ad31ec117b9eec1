import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockSignalApi, renderWithApis } from '../../__testUtils__/apis';
import { aWallet, mockBisonApi } from '../../__testUtils__/fixtures';
import { TeamWalletView } from './TeamWalletView';

async function renderView() {
  const api = mockBisonApi();
  api.getWallet
    .mockResolvedValueOnce(aWallet({ balance: '10.00' }))
    .mockResolvedValue(aWallet({ balance: '42.00' }));
  const signals = mockSignalApi();
  await renderWithApis(<TeamWalletView team="ml-team" />, {
    bison: api,
    signals: signals.api,
  });
  expect(await screen.findByTestId('wallet-balance')).toHaveTextContent(
    '$10.00',
  );
  await screen.findByText('Transactions');
  await screen.findByLabelText('Monthly cap');
  return { api, signals };
}

describe('TeamWalletView', () => {
  it('composes the wallet, the auto-recharge policy and the ledger', async () => {
    const { api } = await renderView();
    expect(screen.getByText('Wallet')).toBeInTheDocument();
    expect(screen.getByText('Auto-recharge policy')).toBeInTheDocument();
    expect(api.getSettings).toHaveBeenCalledTimes(1);
    expect(api.getWallet).toHaveBeenCalledWith('ml-team');
    expect(api.getAutoRecharge).toHaveBeenCalledWith('ml-team');
    expect(api.listTransactions).toHaveBeenCalledWith(
      'ml-team',
      expect.anything(),
    );
  });

  it("reloads everything when the backend signals a change of this team's wallet", async () => {
    const { api, signals } = await renderView();
    expect(api.getWallet).toHaveBeenCalledTimes(1);

    signals.publish('bison:wallet', { team: 'ml-team' });

    await waitFor(() =>
      expect(screen.getByTestId('wallet-balance')).toHaveTextContent('$42.00'),
    );
    expect(api.getWallet).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(api.listTransactions).toHaveBeenCalledTimes(2));
    expect(api.getAutoRecharge).toHaveBeenCalledTimes(2);
  });

  it("ignores signals about other teams' wallets", async () => {
    const { api, signals } = await renderView();
    signals.publish('bison:wallet', { team: 'other-team' });
    signals.publish('bison:other-channel', { team: 'ml-team' });
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(api.getWallet).toHaveBeenCalledTimes(1);
    expect(api.listTransactions).toHaveBeenCalledTimes(1);
  });

  it('reloads the ledger after a recharge', async () => {
    const { api } = await renderView();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Recharge' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Recharge wallet',
    });
    await userEvent.type(within(dialog).getByLabelText('Amount'), '32');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Recharge' }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('wallet-balance')).toHaveTextContent('$42.00'),
    );
    await waitFor(() => expect(api.listTransactions).toHaveBeenCalledTimes(2));
    expect(api.getWallet).toHaveBeenCalledTimes(2);
  });

  it('works without the signals plugin', async () => {
    const api = mockBisonApi();
    await renderWithApis(<TeamWalletView team="ml-team" />, { bison: api });
    expect(await screen.findByTestId('wallet-balance')).toBeInTheDocument();
  });
});
