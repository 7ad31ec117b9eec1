import {
  act,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormDialog, useSubmission } from './FormDialog';

function Harness(props: {
  action: () => Promise<void>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { sending, serverError, submit } = useSubmission();
  return (
    <FormDialog
      open
      titleId="test-dialog-title"
      title="Rename thing"
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel="Rename"
      onClose={props.onClose}
      onSubmit={async () => {
        if (await submit(props.action)) props.onDone();
      }}
    >
      <label htmlFor="test-name">Name</label>
      <input id="test-name" />
    </FormDialog>
  );
}

function renderDialog(action: () => Promise<void>) {
  const onDone = jest.fn();
  const onClose = jest.fn();
  render(<Harness action={action} onDone={onDone} onClose={onClose} />);
  return { onDone, onClose };
}

describe('FormDialog', () => {
  it('is named by its title and has labelled buttons', async () => {
    renderDialog(jest.fn());
    expect(
      screen.getByRole('dialog', { name: 'Rename thing' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeEnabled();
  });

  it('calls back once the action succeeds', async () => {
    const action = jest.fn().mockResolvedValue(undefined);
    const { onDone } = renderDialog(action);
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the error in an alert and stays open', async () => {
    const action = jest
      .fn()
      .mockRejectedValueOnce(new Error('name is taken'))
      .mockResolvedValueOnce(undefined);
    const { onDone } = renderDialog(action);
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('name is taken');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('disables Cancel and closing while sending', async () => {
    let finish: () => void = () => {};
    const action = jest.fn(
      () => new Promise<void>(resolve => (finish = resolve)),
    );
    const { onDone, onClose } = renderDialog(action);
    await userEvent.type(screen.getByLabelText('Name'), 'x{enter}');

    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();

    finish();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });
});

describe('useSubmission', () => {
  it('runs one action at a time', async () => {
    let finish: () => void = () => {};
    const first = jest.fn(() => new Promise<void>(r => (finish = r)));
    const second = jest.fn().mockResolvedValue(undefined);
    const { result } = renderHook(() => useSubmission());

    let firstDone: Promise<boolean> = Promise.resolve(false);
    let secondDone: Promise<boolean> = Promise.resolve(true);
    act(() => {
      firstDone = result.current.submit(first);
      secondDone = result.current.submit(second);
    });
    expect(await secondDone).toBe(false);
    expect(second).not.toHaveBeenCalled();
    expect(result.current.sending).toBe(true);

    await act(async () => finish());
    expect(await firstDone).toBe(true);
    expect(result.current.sending).toBe(false);
  });

  it('keeps the error until reset', async () => {
    const { result } = renderHook(() => useSubmission());
    await act(() => result.current.submit(() => Promise.reject('offline')));
    expect(result.current.serverError).toBe('offline');

    act(() => result.current.reset());
    expect(result.current.serverError).toBeUndefined();
  });
});
