import Tooltip from '@material-ui/core/Tooltip';
import { BisonCurrency } from '../../api';
import { formatAmount, formatExactAmount } from './money';

/**
 * An amount rounded to the currency's minor units; when that differs from
 * the exact amount, hovering it shows the exact one.
 */
export function Money(props: { amount: string; currency: BisonCurrency }) {
  const { amount, currency } = props;
  const rounded = formatAmount(amount, currency);
  const exact = formatExactAmount(amount, currency);
  if (rounded === exact) return <>{rounded}</>;
  return (
    <Tooltip title={`Exactly ${exact}`}>
      <span>{rounded}</span>
    </Tooltip>
  );
}
