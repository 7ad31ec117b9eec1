import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useSignal } from '@backstage/plugin-signals-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { ReactNode, useEffect, useState } from 'react';
import { useSettings } from '../useSettings';
import { AutoRechargeForm } from './autoRecharge/AutoRechargeForm';
import { TransactionsTable } from './transactions/TransactionsTable';
import { WalletCard } from './WalletCard';

/** Signal channel on which the backend announces a changed wallet. */
export const WALLET_SIGNAL_CHANNEL = 'bison:wallet';

/** The message of a {@link WALLET_SIGNAL_CHANNEL} signal. */
export type WalletSignal = { team: string };

/**
 * Everything about one team's wallet: balance and recharge, auto-recharge
 * policy and ledger. Reloads when the backend signals a change of this
 * team's wallet and after a recharge made here.
 *
 * @public
 */
export function TeamWalletView(props: {
  team: string;
  /** Shown under the balance, beside the taller auto-recharge form. */
  details?: ReactNode;
  /** Change to reload everything, e.g. after a suspension made elsewhere. */
  refreshKey?: number;
  /** Called after a recharge made here. */
  onRecharged?: () => void;
  /** Shown across the page between the wallet and the transactions. */
  beforeTransactions?: ReactNode;
}) {
  const {
    team,
    details,
    refreshKey: outerKey = 0,
    onRecharged,
    beforeTransactions,
  } = props;
  const { value: settings, loading, error } = useSettings();
  const [ownKey, setOwnKey] = useState(0);
  // Both keys only grow, so their sum changes whenever either does.
  const refreshKey = ownKey + outerKey;
  const { lastSignal } = useSignal<WalletSignal>(WALLET_SIGNAL_CHANNEL);

  useEffect(() => {
    if (lastSignal?.team === team) setOwnKey(key => key + 1);
  }, [lastSignal, team]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !settings) return <Progress />;
  const { currency } = settings;

  // Keyed by team: another team starts with fresh paging, filters and form.
  return (
    <Grid container spacing={3} key={team}>
      <Grid item xs={12} md={6}>
        <WalletCard
          team={team}
          currency={currency}
          refreshKey={refreshKey}
          onRecharged={() => {
            setOwnKey(key => key + 1);
            onRecharged?.();
          }}
        />
        {details && <Box mt={3}>{details}</Box>}
      </Grid>
      <Grid item xs={12} md={6}>
        <AutoRechargeForm
          team={team}
          currency={currency}
          refreshKey={refreshKey}
        />
      </Grid>
      {beforeTransactions && (
        <Grid item xs={12}>
          {beforeTransactions}
        </Grid>
      )}
      <Grid item xs={12}>
        <TransactionsTable
          team={team}
          currency={currency}
          refreshKey={refreshKey}
        />
      </Grid>
    </Grid>
  );
}
