import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { TenancyStatus } from '../../api';

const LABELS: Partial<Record<TenancyStatus['status'], string>> = {
  missing: 'Tenant missing',
  drifted: 'Tenant drifted',
};

const useStyles = makeStyles((theme: Theme) => ({
  missing: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  drifted: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.getContrastText(theme.palette.warning.main),
  },
}));

/**
 * A chip when the team's Capsule Tenant is missing or differs from what
 * Bison wrote, with the problems in its tooltip; nothing otherwise.
 */
export function TenancyChip(props: { tenancy?: TenancyStatus }) {
  const { tenancy } = props;
  const classes = useStyles();
  if (
    !tenancy ||
    (tenancy.status !== 'missing' && tenancy.status !== 'drifted')
  ) {
    return null;
  }
  const problems = tenancy.problems.length
    ? tenancy.problems.join('; ')
    : 'No details';
  return (
    <Tooltip title={problems}>
      <Chip
        size="small"
        label={LABELS[tenancy.status]}
        className={classes[tenancy.status]}
        data-testid="tenancy-status"
        aria-label={`${LABELS[tenancy.status]}: ${problems}`}
      />
    </Tooltip>
  );
}
