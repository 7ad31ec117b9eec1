import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { BisonCurrency } from '../../api';
import { Money } from './Money';

/** One headline amount, with its label and an optional hint. */
export function AmountStat(props: {
  label: string;
  amount: string;
  currency: BisonCurrency;
  testId: string;
  hint?: string;
}) {
  const { label, amount, currency, testId, hint } = props;
  return (
    <Box>
      <Typography variant="overline" color="textSecondary" component="p">
        {label}
      </Typography>
      <Typography variant="h5" component="p" data-testid={testId}>
        <Money amount={amount} currency={currency} />
      </Typography>
      {hint && (
        <Typography variant="caption" color="textSecondary">
          {hint}
        </Typography>
      )}
    </Box>
  );
}
