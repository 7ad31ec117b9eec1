import Chip from '@material-ui/core/Chip';
import { ReconciliationDifferenceStatus } from '../../../api';

const CHIPS: Record<
  ReconciliationDifferenceStatus,
  { label: string; color: 'secondary' | 'primary' | 'default' }
> = {
  open: { label: 'Open', color: 'secondary' },
  settled: { label: 'Settled', color: 'primary' },
  cleared: { label: 'Cleared', color: 'default' },
};

/** Open, settled, or cleared (a later check found the source agreeing). */
export function DifferenceStatusChip(props: {
  status: ReconciliationDifferenceStatus;
}) {
  const chip = CHIPS[props.status];
  return (
    <Chip
      size="small"
      variant="outlined"
      label={chip.label}
      color={chip.color}
      data-testid="difference-status"
    />
  );
}
