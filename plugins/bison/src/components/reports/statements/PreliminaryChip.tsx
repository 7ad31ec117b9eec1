import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/** Marks the statement of the month still running. */
export function PreliminaryChip() {
  return (
    <Tooltip title="The month is still running; more entries may follow.">
      <Chip
        size="small"
        color="primary"
        variant="outlined"
        label="Preliminary"
        data-testid="preliminary"
      />
    </Tooltip>
  );
}
