import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { walletAdjustPermission } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import DialogContentText from '@material-ui/core/DialogContentText';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import {
  BisonCurrency,
  bisonApiRef,
  ReconciliationDifference,
} from '../../../api';
import { errorMessage } from '../../shared/errorMessage';
import { FormDialog } from '../../shared/FormDialog';
import { formatAmount } from '../../shared/money';
import { windowText } from './differenceText';

/** The longest reason the backend keeps. */
export const MAX_SETTLE_REASON = 500;

/** The adjustment a settlement posts: billed − source, i.e. −difference. */
function adjustmentOf(difference: string): string {
  const amount = difference.trim();
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

/**
 * "Settle" for a team's open difference, for those allowed to adjust the
 * team's wallet: after a confirmation with an optional reason, one
 * adjustment of the wallet, linked to the difference.
 */
export function SettleDifferenceButton(props: {
  difference: ReconciliationDifference & { team: string };
  currency: BisonCurrency;
  onSettled: () => void;
}) {
  const { difference, currency, onSettled } = props;
  const { team } = difference;
  const api = useApi(bisonApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed } = usePermission({
    permission: walletAdjustPermission,
    resourceRef: team,
  });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  if (!allowed) return null;

  const windowLabel = windowText(difference.windowStart, difference.windowEnd);
  const tooLong = reason.length > MAX_SETTLE_REASON;
  const close = () => {
    setOpen(false);
    setReason('');
  };

  async function settle() {
    if (sending || tooLong) return;
    setSending(true);
    try {
      const trimmed = reason.trim();
      const { transaction } = await api.settleReconciliationDifference(
        difference.id,
        trimmed ? { reason: trimmed } : {},
      );
      close();
      alertApi.post({
        message: `Settled the difference of ${team} for ${windowLabel}: ${formatAmount(
          transaction.amount,
          currency,
        )} adjusted`,
        severity: 'success',
        display: 'transient',
      });
      onSettled();
    } catch (error) {
      // E.g. 409 when the difference was settled or cleared meanwhile.
      alertApi.post({ message: errorMessage(error), severity: 'error' });
    } finally {
      setSending(false);
    }
  }

  const id = `bison-settle-difference-${difference.id}`;
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        aria-label={`Settle the difference of ${team} for ${windowLabel}`}
        disabled={sending}
        onClick={() => setOpen(true)}
      >
        Settle
      </Button>
      <FormDialog
        open={open}
        titleId={`${id}-title`}
        title={`Settle the difference of ${team}`}
        maxWidth="sm"
        sending={sending}
        submitLabel="Settle"
        submitDisabled={tooLong}
        onClose={close}
        onSubmit={settle}
      >
        <DialogContentText>
          The window {windowLabel} was billed{' '}
          {formatAmount(difference.billed, currency)}; the usage source now
          prices it at {formatAmount(difference.source, currency)}. Settling
          posts one adjustment of{' '}
          {formatAmount(adjustmentOf(difference.difference), currency)} to the
          wallet of {team}, linked to this difference.
        </DialogContentText>
        <TextField
          id={`${id}-reason`}
          label="Reason"
          value={reason}
          onChange={e => setReason(e.target.value)}
          error={tooLong}
          helperText={
            tooLong
              ? `At most ${MAX_SETTLE_REASON} characters (${reason.length} now)`
              : 'Optional; kept with the adjustment and in the activity log'
          }
          disabled={sending}
          fullWidth
          multiline
          margin="normal"
        />
      </FormDialog>
    </>
  );
}
