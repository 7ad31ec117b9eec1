import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ALLOW,
  DENY,
  mockAlertApi,
  renderWithApis,
} from '../../../__testUtils__/apis';
import {
  aReconciliationCheck,
  aReconciliationDifference,
  mockBisonApi,
  responseError,
  usd,
} from '../../../__testUtils__/fixtures';
import { BisonApi, SettledDifference } from '../../../api';
import { ReconciliationCard } from './ReconciliationCard';
import { windowText } from './differenceText';

const differences = [
  aReconciliationDifference('3'),
  aReconciliationDifference('4', {
    team: 'data-team',
    billed: '5.00',
    source: '3.75',
    difference: '-1.25',
  }),
  aReconciliationDifference('5', {
    team: null,
    billed: '0.00',
    source: '0.75',
    difference: '0.75',
  }),
  aReconciliationDifference('6', {
    status: 'settled',
    settlement: {
      transactionId: '90',
      settledBy: 'user:default/finance',
      settledAt: '2026-11-03T09:00:00.000Z',
    },
  }),
  aReconciliationDifference('7', {
    billed: '1.00',
    source: '1.00',
    difference: '0.00',
  }),
];

function reconciliationApi(overrides: Partial<BisonApi> = {}) {
  return mockBisonApi({
    getReconciliation: async () => ({
      lastCheck: aReconciliationCheck({ windowsChecked: 48, differences: 5 }),
      items: differences,
    }),
    ...overrides,
  });
}

// Everything allowed but adjusting data-team's wallet; usePermission caches
// decisions for the whole file (the denied user is in the .denied test).
function authorize(request: {
  permission: { name: string };
  resourceRef?: string;
}) {
  return request.permission.name === 'bison.wallet.adjust' &&
    request.resourceRef === 'data-team'
    ? DENY
    : ALLOW;
}

async function renderCard(api: Partial<BisonApi>) {
  const alert = mockAlertApi();
  await renderWithApis(<ReconciliationCard currency={usd} />, {
    bison: api,
    alert,
    authorize: authorize as () => AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  });
  return alert;
}

const rowOf = (id: string) => screen.getByTestId(`difference-${id}`);
const mlWindow = windowText(
  '2026-11-02T10:00:00.000Z',
  '2026-11-02T11:00:00.000Z',
);
const settleMl = () =>
  screen.findByRole('button', {
    name: `Settle the difference of ml-team for ${mlWindow}`,
  });

describe('ReconciliationCard', () => {
  it('shows the last check and the open differences', async () => {
    const api = reconciliationApi();
    await renderCard(api);

    const row = await screen.findByTestId('difference-3');
    expect(api.getReconciliation).toHaveBeenCalledWith({ status: 'open' });
    expect(screen.getByTestId('reconciliation-last-check')).toHaveTextContent(
      /^Last checked .* on schedule: 48 windows, 5 differences\.$/,
    );
    expect(row).toHaveTextContent(mlWindow);
    expect(within(row).getByRole('link', { name: 'ml-team' })).toHaveAttribute(
      'href',
      '/bison/teams/ml-team',
    );
    expect(row).toHaveTextContent('$10.00');
    expect(row).toHaveTextContent('$12.50');
    expect(within(row).getByTestId('difference-amount')).toHaveTextContent(
      '+$2.50',
    );
    expect(within(row).getByTestId('difference-status')).toHaveTextContent(
      'Open',
    );
    expect(
      within(rowOf('4')).getByTestId('difference-amount'),
    ).toHaveTextContent('-$1.25');
    expect(within(rowOf('5')).getByTestId('unallocated')).toHaveTextContent(
      'Unallocated',
    );
    expect(within(rowOf('5')).queryByRole('link')).toBeNull();
    expect(rowOf('6')).toHaveTextContent('Settled');
    expect(rowOf('6')).toHaveTextContent('by finance');
  });

  it('expands a difference to its lines', async () => {
    await renderCard(reconciliationApi());
    await userEvent.click(
      await screen.findByRole('button', { name: 'Details of difference 3' }),
    );
    const lines = screen.getByRole('table', { name: 'Lines of difference 3' });
    const line = within(lines).getByText('ml-training').closest('tr')!;
    expect(
      within(line)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['ml-training', 'cpu', '4', '5', '$10.00', '$12.50']);
  });

  it('lists the differences of the status picked', async () => {
    const api = reconciliationApi({
      getReconciliation: async query => ({
        lastCheck: aReconciliationCheck(),
        items: query?.status === 'all' ? differences : [],
      }),
    });
    await renderCard(api);
    expect(await screen.findByText(/No open differences/)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'All');
    await screen.findByTestId('difference-6');
    expect(api.getReconciliation).toHaveBeenLastCalledWith({ status: 'all' });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Settled');
    expect(
      await screen.findByText('No difference was settled yet.'),
    ).toBeInTheDocument();
    expect(api.getReconciliation).toHaveBeenLastCalledWith({
      status: 'settled',
    });
  });

  it('re-checks now for a billing operator, then reloads and says what it found', async () => {
    const api = reconciliationApi();
    const alert = await renderCard(api);
    await screen.findByTestId('difference-3');

    await userEvent.click(screen.getByRole('button', { name: 'Re-check now' }));
    await waitFor(() =>
      expect(alert.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'Checked 48 billed windows: 0 differences',
          severity: 'success',
        }),
      ),
    );
    expect(api.runReconciliationCheck).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.getReconciliation).toHaveBeenCalledTimes(2));
  });

  it('says why a re-check failed', async () => {
    const alert = await renderCard(
      reconciliationApi({
        runReconciliationCheck: async () =>
          aReconciliationCheck({
            trigger: 'manual',
            status: 'failed',
            error: 'OpenCost answered 503',
          }),
      }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Re-check now' }),
    );
    await waitFor(() =>
      expect(alert.post).toHaveBeenCalledWith({
        message: 'The reconciliation check failed: OpenCost answered 503',
        severity: 'error',
      }),
    );
  });

  it('settles a difference with the reason given, then reloads', async () => {
    const api = reconciliationApi();
    const alert = await renderCard(api);

    await userEvent.click(await settleMl());
    const dialog = screen.getByRole('dialog', {
      name: 'Settle the difference of ml-team',
    });
    expect(dialog).toHaveTextContent('adjustment of -$2.50');
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      '  OpenCost re-read the window  ',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Settle' }),
    );

    await waitFor(() =>
      expect(api.settleReconciliationDifference).toHaveBeenCalledWith('3', {
        reason: 'OpenCost re-read the window',
      }),
    );
    await waitFor(() =>
      expect(alert.post).toHaveBeenCalledWith(
        expect.objectContaining({
          message: `Settled the difference of ml-team for ${mlWindow}: -$2.50 adjusted`,
          severity: 'success',
        }),
      ),
    );
    await waitFor(() => expect(api.getReconciliation).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('settles without a reason, the button disabled while it runs', async () => {
    let finish: (settled: SettledDifference) => void = () => {};
    const api = reconciliationApi({
      settleReconciliationDifference: () =>
        new Promise(resolve => {
          finish = resolve;
        }),
    });
    await renderCard(api);
    await userEvent.click(await settleMl());
    const dialog = screen.getByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Settle' });

    await userEvent.click(submit);
    expect(api.settleReconciliationDifference).toHaveBeenCalledWith('3', {});
    expect(submit).toBeDisabled();
    expect(within(dialog).getByLabelText('Reason')).toBeDisabled();

    finish({
      difference: aReconciliationDifference('3', { status: 'settled' }),
      transaction: {
        id: '90',
        kind: 'adjustment',
        amount: '-2.50',
        balanceAfter: '97.50',
        actor: 'user:default/guest',
        createdAt: '2026-11-03T09:00:00.000Z',
      },
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it("shows the backend's refusal and keeps the dialog open", async () => {
    const conflict = await responseError(
      409,
      'difference 3 is settled',
      'ConflictError',
    );
    const api = reconciliationApi({
      settleReconciliationDifference: async () => {
        throw conflict;
      },
    });
    const alert = await renderCard(api);
    await userEvent.click(await settleMl());
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Settle' }),
    );

    await waitFor(() =>
      expect(alert.post).toHaveBeenCalledWith({
        message: 'difference 3 is settled',
        severity: 'error',
      }),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('refuses a reason over 500 characters', async () => {
    const api = reconciliationApi();
    await renderCard(api);
    await userEvent.click(await settleMl());
    const dialog = screen.getByRole('dialog');
    const reason = within(dialog).getByLabelText('Reason');
    await userEvent.click(reason);
    await userEvent.paste('x'.repeat(501));

    expect(within(dialog).getByText(/At most 500 characters/)).toBeVisible();
    expect(
      within(dialog).getByRole('button', { name: 'Settle' }),
    ).toBeDisabled();
  });

  it('offers Settle only on open differences of a team whose wallet the user may adjust', async () => {
    await renderCard(reconciliationApi());
    await settleMl();
    // Unallocated usage has no wallet.
    expect(
      within(rowOf('5')).queryByRole('button', { name: /Settle/ }),
    ).toBeNull();
    // Not allowed to adjust data-team's wallet.
    await waitFor(() =>
      expect(
        within(rowOf('4')).queryByRole('button', { name: /Settle/ }),
      ).toBeNull(),
    );
    // Settled already; and a difference of no money.
    expect(
      within(rowOf('6')).queryByRole('button', { name: /Settle/ }),
    ).toBeNull();
    expect(
      within(rowOf('7')).queryByRole('button', { name: /Settle/ }),
    ).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Settle/ })).toHaveLength(1);
  });

  it('says when nothing was checked yet', async () => {
    await renderCard(
      reconciliationApi({ getReconciliation: async () => ({ items: [] }) }),
    );
    expect(
      await screen.findByTestId('reconciliation-last-check'),
    ).toHaveTextContent('Not checked yet.');
  });

  it('shows a backend error', async () => {
    await renderCard(
      reconciliationApi({
        getReconciliation: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/))[0],
    ).toBeInTheDocument();
  });
});
