import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../../__testUtils__/apis';
import {
  aTransaction,
  mockBisonApi,
  responseError,
  usd,
} from '../../../__testUtils__/fixtures';
import { TransactionPage } from '../../../api';
import { TransactionsTable } from './TransactionsTable';

const page1: TransactionPage = {
  items: [
    aTransaction('3', {
      kind: 'recharge',
      amount: '100.00',
      balanceAfter: '150.00',
      actor: 'user:default/alice',
      reason: 'Q1 budget',
    }),
    aTransaction('2', {
      kind: 'usage',
      amount: '-12.345678',
      balanceAfter: '50.00',
      actor: 'bison:billing',
      reason: 'window 10:00',
    }),
  ],
  nextCursor: 'cursor-2',
};
const page2: TransactionPage = {
  items: [aTransaction('1', { reason: 'oldest entry' })],
};

function pagedApi() {
  return mockBisonApi({
    listTransactions: async (_team, query) =>
      query?.cursor === 'cursor-2' ? page2 : page1,
  });
}

describe('TransactionsTable', () => {
  it('shows the entries with formatted amounts, negatives in red', async () => {
    const api = pagedApi();
    await renderWithApis(<TransactionsTable team="ml-team" currency={usd} />, {
      bison: api,
    });

    expect(await screen.findByText('Q1 budget')).toBeInTheDocument();
    expect(screen.getByText('Transactions')).toBeInTheDocument();
    expect(screen.getByText('$100.00')).not.toHaveAttribute('data-negative');
    const usageDebit = screen.getByText('-$12.35');
    expect(usageDebit.closest('[data-negative]')).toHaveAttribute(
      'data-negative',
      'true',
    );
    await userEvent.hover(usageDebit);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Exactly -$12.345678',
    );
    expect(screen.getByText('$150.00')).toBeInTheDocument();
    expect(screen.getByText('user:default/alice')).toBeInTheDocument();
    expect(
      screen.getByText('Auto-recharge', { selector: 'option' }),
    ).toBeInTheDocument();
    expect(api.listTransactions).toHaveBeenCalledWith('ml-team', {
      limit: 20,
      cursor: undefined,
      kind: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('pages forward with the next cursor and back with the stack', async () => {
    const api = pagedApi();
    await renderWithApis(<TransactionsTable team="ml-team" currency={usd} />, {
      bison: api,
    });
    await screen.findByText('Q1 budget');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('oldest entry')).toBeInTheDocument();
    expect(screen.queryByText('Q1 budget')).not.toBeInTheDocument();
    expect(api.listTransactions).toHaveBeenLastCalledWith(
      'ml-team',
      expect.objectContaining({ cursor: 'cursor-2', limit: 20 }),
    );
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    // The last page has no next cursor.
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Q1 budget')).toBeInTheDocument();
    expect(api.listTransactions).toHaveBeenLastCalledWith(
      'ml-team',
      expect.objectContaining({ cursor: undefined }),
    );
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('filters by kind and UTC dates, back on the first page', async () => {
    const api = pagedApi();
    await renderWithApis(<TransactionsTable team="ml-team" currency={usd} />, {
      bison: api,
    });
    await screen.findByText('Q1 budget');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('oldest entry');

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'usage');
    await waitFor(() =>
      expect(api.listTransactions).toHaveBeenLastCalledWith('ml-team', {
        kind: 'usage',
        from: undefined,
        to: undefined,
        limit: 20,
        cursor: undefined,
      }),
    );

    await userEvent.type(screen.getByLabelText('From'), '2026-01-01');
    await userEvent.type(screen.getByLabelText('To'), '2026-01-31');
    await waitFor(() =>
      expect(api.listTransactions).toHaveBeenLastCalledWith('ml-team', {
        kind: 'usage',
        from: '2026-01-01T00:00:00Z',
        // The "to" day is included: entries before the next day's start.
        to: '2026-02-01T00:00:00Z',
        limit: 20,
        cursor: undefined,
      }),
    );
  });

  it('refuses a "to" date before the "from" date', async () => {
    const api = pagedApi();
    await renderWithApis(<TransactionsTable team="ml-team" currency={usd} />, {
      bison: api,
    });
    await screen.findByText('Q1 budget');
    await userEvent.type(screen.getByLabelText('From'), '2026-02-01');
    await userEvent.type(screen.getByLabelText('To'), '2026-01-01');

    expect(
      await screen.findByText("'To' must not be before 'From'"),
    ).toBeInTheDocument();
    expect(api.listTransactions).not.toHaveBeenCalledWith(
      'ml-team',
      expect.objectContaining({ to: '2026-01-02T00:00:00Z' }),
    );
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });

  it('shows the backend message when the page cannot be read', async () => {
    const error = await responseError(400, "'cursor' is malformed");
    await renderWithApis(<TransactionsTable team="ml-team" currency={usd} />, {
      bison: mockBisonApi({
        listTransactions: async () => {
          throw error;
        },
      }),
    });
    expect(
      await screen.findByText("'cursor' is malformed"),
    ).toBeInTheDocument();
  });

  describe('Download CSV', () => {
    const createObjectURL = jest.fn(() => 'blob:bison-csv');
    const revokeObjectURL = jest.fn();
    let clicked: HTMLAnchorElement[] = [];

    beforeEach(() => {
      clicked = [];
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function click(this: HTMLAnchorElement) {
          clicked.push(this);
        });
    });

    afterEach(() => {
      jest.restoreAllMocks();
      createObjectURL.mockClear();
    });

    it('downloads the filtered entries through a temporary link', async () => {
      const csv = new Blob(['id,kind\n2,usage\n'], { type: 'text/csv' });
      const api = pagedApi();
      api.downloadTransactionsCsv.mockResolvedValue(csv);
      await renderWithApis(
        <TransactionsTable team="ml-team" currency={usd} />,
        { bison: api },
      );
      await screen.findByText('Q1 budget');
      await userEvent.selectOptions(screen.getByLabelText('Kind'), 'usage');
      await userEvent.type(screen.getByLabelText('From'), '2026-01-01');

      await userEvent.click(
        screen.getByRole('button', { name: 'Download CSV' }),
      );

      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.downloadTransactionsCsv).toHaveBeenCalledWith('ml-team', {
        kind: 'usage',
        from: '2026-01-01T00:00:00Z',
        to: undefined,
      });
      expect(createObjectURL).toHaveBeenCalledWith(csv);
      expect(clicked[0].getAttribute('href')).toBe('blob:bison-csv');
      expect(clicked[0].download).toBe('ml-team-transactions.csv');
      expect(document.body.contains(clicked[0])).toBe(false);
      await waitFor(() =>
        expect(revokeObjectURL).toHaveBeenCalledWith('blob:bison-csv'),
      );
    });

    it('shows a failed download', async () => {
      const api = pagedApi();
      api.downloadTransactionsCsv.mockRejectedValue(
        await responseError(403, 'not allowed', 'NotAllowedError'),
      );
      await renderWithApis(
        <TransactionsTable team="ml-team" currency={usd} />,
        { bison: api },
      );
      await screen.findByText('Q1 budget');
      await userEvent.click(
        screen.getByRole('button', { name: 'Download CSV' }),
      );
      expect(await screen.findByText('not allowed')).toBeInTheDocument();
      expect(clicked).toHaveLength(0);
    });
  });
});
