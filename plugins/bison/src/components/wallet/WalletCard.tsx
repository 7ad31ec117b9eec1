import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { walletRechargePermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef, Wallet } from '../../api';
import { Money } from '../shared/Money';
import { formatRelativeTime } from '../shared/time';
import { RechargeDialog } from './RechargeDialog';
import { WalletStateChip } from './WalletStateChip';

/** @public */
export interface WalletCardProps {
  /** The team's tenant name. */
  team: string;
  currency: BisonCurrency;
  /** Change to reload the wallet. */
  refreshKey?: number;
  /** Called after a successful recharge. */
  onRecharged?: () => void;
}

/**
 * The team's wallet: balance, state, last recharge and, for those allowed to,
 * a Recharge button.
 *
 * @public
 */
export function WalletCard(props: WalletCardProps) {
  const { team, currency, refreshKey = 0, onRecharged } = props;
  const api = useApi(bisonApiRef);
  const [reloads, setReloads] = useState(0);
  const [rechargeOpen, setRechargeOpen] = useState(false);
  const recharge = usePermission({
    permission: walletRechargePermission,
    resourceRef: team,
  });
  const {
    value: wallet,
    loading,
    error,
  } = useAsync(() => api.getWallet(team), [api, team, refreshKey, reloads]);

  const action = recharge.allowed ? (
    <Button
      color="primary"
      variant="contained"
      onClick={() => setRechargeOpen(true)}
    >
      Recharge
    </Button>
  ) : undefined;

  return (
    <InfoCard title="Wallet" action={action}>
      {renderBody(wallet, loading, error, currency)}
      <RechargeDialog
        open={rechargeOpen}
        team={team}
        currency={currency}
        onClose={() => setRechargeOpen(false)}
        onDone={() => {
          setReloads(n => n + 1);
          onRecharged?.();
        }}
      />
    </InfoCard>
  );
}

function renderBody(
  wallet: Wallet | undefined,
  loading: boolean,
  error: Error | undefined,
  currency: BisonCurrency,
) {
  if (error) return <ResponseErrorPanel error={error} />;
  if (!wallet) return loading ? <Progress /> : null;
  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={2}>
        <Box mr={2}>
          <Typography variant="h3" component="p" data-testid="wallet-balance">
            <Money amount={wallet.balance} currency={currency} />
          </Typography>
        </Box>
        <WalletStateChip state={wallet.state} />
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
      {wallet.creditLimit && !/^0+(\.0+)?$/.test(wallet.creditLimit) && (
        <Typography variant="body2" color="textSecondary">
          Credit limit:{' '}
          <Money amount={wallet.creditLimit} currency={currency} />
        </Typography>
      )}
    </>
  );
}
