import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { WalletState } from '@bison/plugin-bison-common';
import { BisonCurrency, EnforcementSettings } from '../../api';
import { explainState } from './stateExplanation';

const LABELS: Record<WalletState, string> = {
  active: 'Active',
  low: 'Low',
  overdue: 'Overdue',
  suspended: 'Suspended',
};

const useStyles = makeStyles((theme: Theme) => ({
  chip: { color: theme.palette.common.white, fontWeight: 500 },
  active: { backgroundColor: theme.palette.success.main },
  low: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.getContrastText(theme.palette.warning.main),
  },
  overdue: { backgroundColor: theme.palette.error.main },
  suspended: { backgroundColor: theme.palette.grey[600] },
}));

/**
 * The state of a wallet as a coloured chip: active green, low amber,
 * overdue red, suspended grey. Hovering it explains the state, with the
 * team's levels when its enforcement settings are given.
 *
 * @public
 */
export function WalletStateChip(props: {
  state: WalletState;
  settings?: EnforcementSettings;
  currency?: BisonCurrency;
}) {
  const classes = useStyles();
  const { state, settings, currency } = props;
  return (
    <Tooltip title={explainState(state, settings, currency)}>
      <Chip
        size="small"
        label={LABELS[state] ?? state}
        className={`${classes.chip} ${classes[state] ?? ''}`}
        data-testid="wallet-state"
        data-state={state}
      />
    </Tooltip>
  );
}
