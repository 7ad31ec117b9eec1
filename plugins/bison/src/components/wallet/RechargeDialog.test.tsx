import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { mockBisonApi, responseError, usd } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/apis';
import { BisonApi, BisonCurrency } from '../../api';
import { RechargeDialog } from './RechargeDialog';

/** The dialog behind an "Open" button, as a card would use it. */
function Harness(props: {
  currency: BisonCurrency;
  onDone: () => void;
  onClose: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Open</button>
      <RechargeDialog
        open={open}
        team="ml-team"
        currency={props.currency}
        onClose={() => {
          props.onClose();
          setOpen(false);
        }}
        onDone={props.onDone}
      />
    </>
  );
}

async function openDialog(bison: Partial<BisonApi>, currency = usd) {
  const onDone = jest.fn();
  const onClose = jest.fn();
  await renderWithApis(
    <Harness currency={currency} onDone={onDone} onClose={onClose} />,
    { bison },
  );
  await userEvent.click(screen.getByRole('button', { name: 'Open' }));
  const dialog = await screen.findByRole('dialog', { name: 'Recharge wallet' });
  return { dialog, onDone, onClose };
}

describe('RechargeDialog', () => {
  it('has a title, labelled fields and a Recharge button', async () => {
    await openDialog(mockBisonApi());
    expect(screen.getByLabelText('Amount')).toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recharge' })).toBeEnabled();
  });

  it.each([
    ['1.001', 'amount has more than 2 decimal places'],
    ['0', 'amount must be greater than zero'],
    ['0.00', 'amount must be greater than zero'],
    ['abc', /amount must be a plain decimal number/],
    ['-5', 'amount must not be negative'],
    ['1,5', /must not contain ','/],
  ])('refuses %p with the domain message', async (text, message) => {
    const api = mockBisonApi();
    await openDialog(api);
    await userEvent.type(screen.getByLabelText('Amount'), text);
    expect(await screen.findByText(message)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    expect(api.recharge).not.toHaveBeenCalled();
  });

  it('refuses an empty amount on submit', async () => {
    const api = mockBisonApi();
    await openDialog(api);
    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    expect(await screen.findByText('amount is empty')).toBeInTheDocument();
    expect(api.recharge).not.toHaveBeenCalled();
  });

  it('uses the precision of the installation currency', async () => {
    const yen = { code: 'JPY', symbol: '¥', minorUnits: 0 };
    await openDialog(mockBisonApi(), yen);
    await userEvent.type(screen.getByLabelText('Amount'), '1.5');
    expect(
      await screen.findByText('amount must be a whole number'),
    ).toBeInTheDocument();
  });

  it('recharges, then calls onDone and closes', async () => {
    const api = mockBisonApi();
    const { onDone, onClose } = await openDialog(api);
    await userEvent.type(screen.getByLabelText('Amount'), '250.50');
    await userEvent.type(screen.getByLabelText('Reason'), '  Q2 budget ');
    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(onClose).toHaveBeenCalled();
    expect(api.recharge).toHaveBeenCalledWith(
      'ml-team',
      { amount: '250.50', reason: 'Q2 budget' },
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    );
    expect(onDone.mock.calls[0][0].transaction.amount).toBe('250.50');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('shows a server error in the dialog and retries with the same idempotency key', async () => {
    const api = mockBisonApi();
    api.recharge.mockRejectedValueOnce(
      await responseError(400, "'amount' exceeds the wallet limit"),
    );
    const { dialog, onDone } = await openDialog(api);
    await userEvent.type(screen.getByLabelText('Amount'), '100');
    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));

    expect(
      await screen.findByText("'amount' exceeds the wallet limit"),
    ).toBeInTheDocument();
    expect(dialog).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));

    expect(api.recharge).toHaveBeenCalledTimes(2);
    const [first, second] = api.recharge.mock.calls;
    expect(second[2]).toBe(first[2]);
    expect(second[1]).toEqual(first[1]);
  });

  it('draws a new idempotency key each time it opens', async () => {
    const api = mockBisonApi();
    const { onDone } = await openDialog(api);
    await userEvent.type(screen.getByLabelText('Amount'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('dialog', { name: 'Recharge wallet' });
    expect(screen.getByLabelText('Amount')).toHaveValue('');
    await userEvent.type(screen.getByLabelText('Amount'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));

    const [first, second] = api.recharge.mock.calls;
    expect(second[2]).not.toBe(first[2]);
  });

  it('disables the submit button while sending', async () => {
    let finish: () => void = () => {};
    const api = mockBisonApi();
    api.recharge.mockImplementationOnce(
      (team, request) =>
        new Promise(resolve => {
          finish = () =>
            resolve({
              transaction: {
                id: '1',
                kind: 'recharge',
                amount: request.amount,
                balanceAfter: request.amount,
                actor: 'user:default/alice',
                createdAt: new Date().toISOString(),
              },
              wallet: {
                team,
                balance: request.amount,
                currency: 'USD',
                state: 'active',
                creditLimit: '0.00',
                lastRecharge: null,
                updatedAt: new Date().toISOString(),
              },
              replayed: false,
            });
        }),
    );
    const { onDone } = await openDialog(api);
    await userEvent.type(screen.getByLabelText('Amount'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Recharge' }));

    expect(screen.getByRole('button', { name: 'Recharge' })).toBeDisabled();
    expect(screen.getByLabelText('Amount')).toBeDisabled();
    expect(api.recharge).toHaveBeenCalledTimes(1);

    finish();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
  });
});
