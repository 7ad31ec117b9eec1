import Chip from '@material-ui/core/Chip';
import { BillingRunStatus } from '../../api';

const LABELS: Record<BillingRunStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  aborted: 'Aborted',
};

/** The status of a billing run; failed and aborted runs stand out. */
export function BillingRunChip(props: { status: BillingRunStatus }) {
  const { status } = props;
  const problem = status === 'failed' || status === 'aborted';
  return (
    <Chip
      size="small"
      label={LABELS[status] ?? status}
      color={problem ? 'secondary' : 'default'}
      variant={status === 'succeeded' ? 'outlined' : 'default'}
      data-testid="billing-run-status"
    />
  );
}
