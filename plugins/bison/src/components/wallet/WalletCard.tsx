import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { walletRechargePermission } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { BisonCurrency, bisonApiRef } from '../../api';
import { RechargeDialog } from './RechargeDialog';
import { WalletBody } from './WalletBody';

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
 * The team's wallet: balance, state, last recharge, forecast, a banner when
 * the team is overdue or suspended and, for those allowed to, a Recharge
 * button.
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
  // Without the preview, which reads the cluster: the card shows no part of it.
  const enforcement = useAsync(
    () => api.getEnforcement(team, { preview: false }),
    [api, team, refreshKey, reloads],
  );

  const action = recharge.allowed ? (
    <Button
      color="primary"
      variant="contained"
      onClick={() => setRechargeOpen(true)}
    >
      Recharge
    </Button>
  ) : undefined;

  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (!wallet) body = loading ? <Progress /> : null;
  else {
    body = (
      <WalletBody
        wallet={wallet}
        enforcement={enforcement.value}
        enforcementError={enforcement.error}
        currency={currency}
      />
    );
  }

  return (
    <InfoCard title="Wallet" action={action}>
      {body}
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
