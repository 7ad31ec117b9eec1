import { BisonCurrency } from '../../api';
import { changeDirection } from './costChange';
import { Money } from '../shared/Money';

/** An amount with its sign also when positive: '+$12.00', '-$3.50', '$0.00'. */
export function SignedMoney(props: {
  amount: string;
  currency: BisonCurrency;
}) {
  const { amount, currency } = props;
  return (
    <>
      {changeDirection(amount) === 'up' ? '+' : ''}
      <Money amount={amount} currency={currency} />
    </>
  );
}
