import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ALLOW, DENY, renderWithApis } from '../../__testUtils__/apis';
import {
  aSuspension,
  aTeamEnforcement,
  aWallet,
  daysAgo,
  mockBisonApi,
  responseError,
  usd,
} from '../../__testUtils__/fixtures';
import { SuspensionAction, TeamEnforcement } from '../../api';
import { formatShortDate } from '../shared/time';
import { WalletCard } from './WalletCard';

const HOUR = 3_600_000;

function renderWithEnforcement(enforcement: Partial<TeamEnforcement>) {
  const api = mockBisonApi({
    getWallet: async () =>
      aWallet({ state: enforcement.state, balance: enforcement.balance }),
    getEnforcement: async () => aTeamEnforcement(enforcement),
  });
  return renderWithApis(<WalletCard team="ml-team" currency={usd} />, {
    bison: api,
  }).then(() => api);
}

function workload(
  kind: SuspensionAction['kind'],
  name: string,
): SuspensionAction {
  return {
    step: kind === 'Job' ? 'suspend-jobs' : 'scale-workloads',
    kind,
    namespace: 'ml-training',
    name,
    before: kind === 'Job' ? 'not suspended' : '2 replicas',
    status: 'applied',
  };
}

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

  describe('enforcement', () => {
    it("reads the enforcement without the preview and explains the state with the team's levels", async () => {
      const api = await renderWithEnforcement({
        state: 'low',
        balance: '40.00',
      });
      await screen.findByTestId('wallet-forecast');
      expect(api.getEnforcement).toHaveBeenCalledWith('ml-team', {
        preview: false,
      });
      await userEvent.hover(screen.getByTestId('wallet-state'));
      expect(await screen.findByRole('tooltip')).toHaveTextContent(
        'Low: below $50.00 or fewer than 3 days of funds left',
      );
    });

    it('forecasts when the funds run out at the burn rate', async () => {
      const runOutAt = new Date(
        Date.now() + 3 * 24 * HOUR + HOUR,
      ).toISOString();
      await renderWithEnforcement({
        forecast: { burnRatePerDay: '12.50', basis: 'last7d', runOutAt },
      });
      expect(await screen.findByTestId('wallet-forecast')).toHaveTextContent(
        `Runs out in ~3 days (${formatShortDate(
          runOutAt,
        )}) · Burn rate $12.50/day (last 7 days)`,
      );
    });

    it('says when no usage was billed lately', async () => {
      await renderWithEnforcement({
        forecast: { burnRatePerDay: '0.00', basis: 'none', runOutAt: null },
      });
      expect(await screen.findByTestId('wallet-forecast')).toHaveTextContent(
        'No usage billed in the last 7 days',
      );
      expect(screen.queryByTestId('overdue-banner')).not.toBeInTheDocument();
      expect(screen.queryByTestId('suspended-banner')).not.toBeInTheDocument();
    });

    it('counts down the grace period of an overdue team', async () => {
      await renderWithEnforcement({
        state: 'overdue',
        balance: '-5.00',
        overdueSince: new Date(Date.now() - 19 * HOUR).toISOString(),
        graceEndsAt: new Date(
          Date.now() + 5 * HOUR + 12.5 * 60_000,
        ).toISOString(),
        forecast: { burnRatePerDay: '30.00', basis: 'last24h', runOutAt: null },
      });
      const banner = await screen.findByTestId('overdue-banner');
      expect(banner).toHaveTextContent(/The balance is below \$0\.00 since/);
      expect(within(banner).getByTestId('grace-countdown')).toHaveTextContent(
        'Suspended in 5 h 12 min unless recharged.',
      );
      expect(banner).not.toHaveTextContent(/Warn mode/);
      // No run-out date for a team that has run out already.
      expect(screen.getByTestId('wallet-forecast')).toHaveTextContent(
        /^Burn rate \$30\.00\/day \(last 24 hours\)$/,
      );
    });

    it('says an overdue team in warn mode would only be suspended', async () => {
      await renderWithEnforcement({
        state: 'overdue',
        graceEndsAt: new Date(Date.now() + 2 * HOUR + 90_000).toISOString(),
        settings: { ...aTeamEnforcement().settings, mode: 'warn' },
      });
      const banner = await screen.findByTestId('overdue-banner');
      expect(banner).toHaveTextContent(
        'Would be suspended in 2 h 1 min unless recharged.',
      );
      expect(banner).toHaveTextContent(
        'Warn mode: nothing will be stopped in the cluster.',
      );
    });

    it('shows why, since when and by whom a team is suspended, and what was stopped', async () => {
      await renderWithEnforcement({
        state: 'suspended',
        balance: '-20.00',
        suspension: aSuspension({
          trigger: 'manual',
          reason: 'unpaid invoice',
          actor: 'user:default/finance',
          held: true,
          actions: [
            {
              step: 'cordon',
              kind: 'Tenant',
              name: 'ml-team',
              before: 'cordoned not set',
              status: 'applied',
            },
            workload('Deployment', 'trainer'),
            workload('Deployment', 'notebook'),
            workload('Deployment', 'api'),
            workload('Job', 'nightly'),
            workload('Job', 'eval'),
            { ...workload('Job', 'pending'), status: 'planned' },
          ],
        }),
      });
      const banner = await screen.findByTestId('suspended-banner');
      expect(banner).toHaveTextContent('Suspended and held');
      expect(banner).toHaveTextContent(
        /unpaid invoice · since .+ by user:default\/finance/,
      );
      expect(banner).toHaveTextContent(
        'Stopped: 3 Deployments scaled to 0, 2 Jobs suspended. 1 change to the cluster not applied yet.',
      );
      expect(banner).toHaveTextContent(
        'Held: only an admin can resume the team, whatever the balance.',
      );
      expect(screen.queryByTestId('overdue-banner')).not.toBeInTheDocument();
    });

    it('says when a suspension is lifted by a recharge', async () => {
      await renderWithEnforcement({
        state: 'suspended',
        suspension: aSuspension(),
        settings: { ...aTeamEnforcement().settings, resumeBalance: '25.00' },
      });
      const banner = await screen.findByTestId('suspended-banner');
      expect(within(banner).getByText('Suspended')).toBeInTheDocument();
      expect(banner).toHaveTextContent(
        'Stopped: 1 Deployment scaled to 0, 1 Job suspended.',
      );
      expect(banner).toHaveTextContent(
        'Lifted once the balance reaches $25.00.',
      );
    });

    it.each([
      ['warn', 'Warn mode: nothing was changed in the cluster.'],
      [
        'ledger-only',
        'No Kubernetes cluster is configured: the team is suspended in the ledger only.',
      ],
    ] as const)(
      'notes that a %s suspension changed nothing in the cluster',
      async (cluster, note) => {
        await renderWithEnforcement({
          state: 'suspended',
          suspension: aSuspension({ cluster, actions: [] }),
        });
        const banner = await screen.findByTestId('suspended-banner');
        expect(banner).toHaveTextContent(note);
        expect(banner).not.toHaveTextContent(/Stopped/);
      },
    );

    it('still shows the wallet when the enforcement cannot be read', async () => {
      const error = await responseError(500, 'enforcement store down', 'Error');
      await renderWithApis(<WalletCard team="ml-team" currency={usd} />, {
        bison: mockBisonApi({
          getEnforcement: async () => {
            throw error;
          },
        }),
      });
      expect(await screen.findByTestId('enforcement-error')).toHaveTextContent(
        'Could not read the enforcement state: enforcement store down',
      );
      expect(screen.getByTestId('wallet-balance')).toHaveTextContent(
        '$1,234.50',
      );
      expect(screen.queryByTestId('wallet-forecast')).not.toBeInTheDocument();
    });
  });
});
