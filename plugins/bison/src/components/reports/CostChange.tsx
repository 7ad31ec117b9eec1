import Box from '@material-ui/core/Box';
import { makeStyles, Theme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import { BisonCurrency } from '../../api';
import { isZeroAmount } from '../shared/money';
import { changeDirection, formatChangePercent } from './costChange';
import { SignedMoney } from './SignedMoney';

// A cost going up is the news to look at, so it is the one in red.
const useStyles = makeStyles((theme: Theme) => ({
  up: { color: theme.palette.error.main },
  down: { color: theme.palette.success.main },
  none: { color: theme.palette.text.secondary },
  icon: { fontSize: '1rem' },
}));

/**
 * The change of a cost against the previous period: an arrow, the signed
 * amount and percent, red when it went up and green when it went down;
 * 'new' when the previous period cost nothing.
 */
export function CostChange(props: {
  change: string;
  changePercent: string | null;
  previousCost: string;
  currency: BisonCurrency;
}) {
  const { change, changePercent, previousCost, currency } = props;
  const classes = useStyles();
  const direction = changeDirection(change);
  if (direction === 'none') {
    return (
      <span className={classes.none} data-change="none">
        No change
      </span>
    );
  }
  const percent = formatChangePercent(changePercent);
  const Arrow = direction === 'up' ? ArrowUpwardIcon : ArrowDownwardIcon;
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      gridGap={4}
      className={classes[direction]}
      data-change={direction}
    >
      <Arrow
        className={classes.icon}
        titleAccess={direction === 'up' ? 'Up' : 'Down'}
      />
      <span>
        <SignedMoney amount={change} currency={currency} />
      </span>
      {percent && (
        <Typography variant="caption" component="span">
          ({percent})
        </Typography>
      )}
      {!percent && isZeroAmount(previousCost) && (
        <Typography variant="caption" component="span">
          (new)
        </Typography>
      )}
    </Box>
  );
}
