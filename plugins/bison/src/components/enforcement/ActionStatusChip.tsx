import Chip from '@material-ui/core/Chip';
import { SuspensionActionStatus } from '../../api';

const LABELS: Record<SuspensionActionStatus, string> = {
  planned: 'Planned',
  applied: 'Applied',
  failed: 'Failed',
  undone: 'Undone',
  left: 'Left as is',
  gone: 'Gone',
};

const HINTS: Record<SuspensionActionStatus, string> = {
  planned: 'Recorded, not applied yet',
  applied: 'Changed in the cluster',
  failed: 'Could not be applied; retried on the next run',
  undone: 'Restored on resume',
  left: 'Changed by someone else meanwhile, so left alone on resume',
  gone: 'Deleted meanwhile',
};

/** The status of one suspension action; failed ones stand out. */
export function ActionStatusChip(props: { status: SuspensionActionStatus }) {
  const { status } = props;
  return (
    <Chip
      size="small"
      label={LABELS[status] ?? status}
      title={HINTS[status]}
      color={status === 'failed' ? 'secondary' : 'default'}
      variant={
        status === 'applied' || status === 'failed' ? 'default' : 'outlined'
      }
      data-testid="action-status"
    />
  );
}
