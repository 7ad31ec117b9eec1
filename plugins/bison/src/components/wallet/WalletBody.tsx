import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { BisonCurrency, TeamEnforcement, Wallet } from '../../api';
import { EnforcementBanner } from '../enforcement/EnforcementBanner';
import { ForecastText } from '../enforcement/ForecastText';
import { errorMessage } from '../shared/errorMessage';
import { Money } from '../shared/Money';
import { isZeroAmount } from '../shared/money';
import { formatRelativeTime } from '../shared/time';
import { WalletStateChip } from './WalletStateChip';

/**
 * What the wallet card shows: the overdue or suspended banner, balance and
 * state, last recharge, credit limit and forecast. The wallet shows even
 * when its enforcement cannot be read.
 */
export function WalletBody(props: {
  wallet: Wallet;
  enforcement?: TeamEnforcement;
  enforcementError?: Error;
  currency: BisonCurrency;
}) {
  const { wallet, enforcement, enforcementError, currency } = props;
  return (
    <>
      {enforcement && (
        <Box mb={2}>
          <EnforcementBanner enforcement={enforcement} currency={currency} />
        </Box>
      )}
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={2}>
        <Box mr={2}>
          <Typography variant="h3" component="p" data-testid="wallet-balance">
            <Money amount={wallet.balance} currency={currency} />
          </Typography>
        </Box>
        <WalletStateChip
          state={wallet.state}
          settings={enforcement?.settings}
          currency={currency}
        />
      </Box>
      <Typography variant="body2" color="textSecondary">
        Last recharge:{' '}
        {wallet.lastRecharge ? (
          <span data-testid="wallet-last-recharge">
            <Money amount={wallet.lastRecharge.amount} currency={currency} />,{' '}
            <time
              dateTime={wallet.lastRecharge.at}
              title={new Date(wallet.lastRecharge.at).toLocaleString()}
            >
              {formatRelativeTime(wallet.lastRecharge.at)}
            </time>
          </span>
        ) : (
          'never'
        )}
      </Typography>
      {wallet.creditLimit && !isZeroAmount(wallet.creditLimit) && (
        <Typography variant="body2" color="textSecondary">
          Credit limit:{' '}
          <Money amount={wallet.creditLimit} currency={currency} />
        </Typography>
      )}
      {enforcement && (
        <ForecastText enforcement={enforcement} currency={currency} />
      )}
      {enforcementError && (
        <Box mt={2}>
          <Alert severity="warning" data-testid="enforcement-error">
            Could not read the enforcement state:{' '}
            {errorMessage(enforcementError)}
          </Alert>
        </Box>
      )}
    </>
  );
}
