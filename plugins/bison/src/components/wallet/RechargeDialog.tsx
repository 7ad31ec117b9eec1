import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useEffect, useRef, useState } from 'react';
import { BisonCurrency, bisonApiRef, PostingResult } from '../../api';
import { AmountField } from '../shared/AmountField';
import { amountHint, checkAmount } from '../shared/money';
import { FormDialog, useSubmission } from '../shared/FormDialog';
import { newIdempotencyKey } from '../shared/idempotencyKey';

/** @public */
export interface RechargeDialogProps {
  open: boolean;
  /** The team's tenant name. */
  team: string;
  currency: BisonCurrency;
  onClose: () => void;
  /** Called after a successful recharge, before the dialog closes. */
  onDone: (result: PostingResult) => void;
}

const MAX_REASON = 500;

/**
 * Asks for an amount and a reason and recharges the wallet. One
 * Idempotency-Key is drawn each time the dialog opens and sent with every
 * attempt, so retrying after an error can never recharge twice.
 *
 * @public
 */
export function RechargeDialog(props: RechargeDialogProps) {
  const { open, team, currency, onClose, onDone } = props;
  const api = useApi(bisonApiRef);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { sending, serverError, reset, submit } = useSubmission();
  const idempotencyKey = useRef<string>();

  useEffect(() => {
    if (open) {
      idempotencyKey.current = newIdempotencyKey();
      setAmount('');
      setReason('');
      setSubmitted(false);
      reset();
    }
  }, [open, reset]);

  const check = checkAmount(amount, currency);
  const amountError =
    !check.ok && (submitted || amount !== '') ? check.message : undefined;
  const reasonError =
    reason.length > MAX_REASON
      ? `reason must be at most ${MAX_REASON} characters`
      : undefined;

  async function recharge() {
    setSubmitted(true);
    if (!check.ok || reasonError) return;
    idempotencyKey.current ??= newIdempotencyKey();
    const key = idempotencyKey.current;
    const done = await submit(async () =>
      onDone(
        await api.recharge(
          team,
          { amount, reason: reason.trim() || undefined },
          key,
        ),
      ),
    );
    if (done) onClose();
  }

  return (
    <FormDialog
      open={open}
      titleId="bison-recharge-dialog-title"
      title="Recharge wallet"
      maxWidth="xs"
      sending={sending}
      error={serverError}
      submitLabel="Recharge"
      onClose={onClose}
      onSubmit={recharge}
    >
      <AmountField
        id="bison-recharge-amount"
        label="Amount"
        value={amount}
        onChange={setAmount}
        currency={currency}
        error={amountError}
        helperText={amountHint(currency)}
        disabled={sending}
        fullWidth
      />
      <TextField
        id="bison-recharge-reason"
        label="Reason"
        value={reason}
        onChange={e => setReason(e.target.value)}
        error={!!reasonError}
        helperText={reasonError ?? 'Optional, shown in the ledger'}
        disabled={sending}
        fullWidth
        multiline
        margin="normal"
      />
    </FormDialog>
  );
}
