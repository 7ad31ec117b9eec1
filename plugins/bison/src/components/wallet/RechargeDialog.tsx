import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { BisonCurrency, bisonApiRef, PostingResult } from '../../api';
import { AmountField } from '../shared/AmountField';
import { amountHint, checkAmount } from '../shared/money';
import { errorMessage } from '../shared/errorMessage';
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
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const idempotencyKey = useRef<string>();

  useEffect(() => {
    if (open) {
      idempotencyKey.current = newIdempotencyKey();
      setAmount('');
      setReason('');
      setSubmitted(false);
      setSending(false);
      setServerError(undefined);
    }
  }, [open]);

  const check = checkAmount(amount, currency);
  const amountError =
    !check.ok && (submitted || amount !== '') ? check.message : undefined;
  const reasonError =
    reason.length > MAX_REASON
      ? `reason must be at most ${MAX_REASON} characters`
      : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!check.ok || reasonError || sending) return;
    idempotencyKey.current ??= newIdempotencyKey();
    setSending(true);
    setServerError(undefined);
    try {
      const result = await api.recharge(
        team,
        { amount, reason: reason.trim() || undefined },
        idempotencyKey.current,
      );
      setSending(false);
      onDone(result);
      onClose();
    } catch (error) {
      setSending(false);
      setServerError(errorMessage(error));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={sending ? undefined : onClose}
      aria-labelledby="bison-recharge-dialog-title"
      fullWidth
      maxWidth="xs"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bison-recharge-dialog-title">
          Recharge wallet
        </DialogTitle>
        <DialogContent>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
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
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending}
          >
            Recharge
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
