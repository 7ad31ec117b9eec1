import Grid from '@material-ui/core/Grid';
import { ReactNode, useState } from 'react';
import { TeamActivityCard } from '../activity/TeamActivityCard';
import { TeamAlertsCard } from '../alerts/TeamAlertsCard';
import { EnforcementCard } from '../enforcement/EnforcementCard';
import { StatementsCard } from '../reports/statements/StatementsCard';
import { TeamCostCard } from '../usage/TeamCostCard';
import { TeamWalletView } from '../wallet/TeamWalletView';
import { TeamTenancyView } from './TeamTenancyView';

/**
 * Everything about one team, as the team page and the Group tab show it:
 * quota and projects, cost over time, the wallet and the enforcement (above
 * the transactions, which run long), its monthly statements beside its recent
 * activity, and its alerts. A recharge reloads the enforcement card, a
 * suspension or settings change the wallet.
 */
export function TeamViews(props: {
  team: string;
  /** Shown beside the wallet, e.g. the team's details. */
  walletDetails?: ReactNode;
}) {
  const { team, walletDetails } = props;
  const [walletKey, setWalletKey] = useState(0);
  const [enforcementKey, setEnforcementKey] = useState(0);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TeamTenancyView team={team} />
      </Grid>
      <Grid item xs={12}>
        <TeamCostCard key={team} team={team} />
      </Grid>
      <Grid item xs={12}>
        <TeamWalletView
          team={team}
          details={walletDetails}
          refreshKey={walletKey}
          onRecharged={() => setEnforcementKey(key => key + 1)}
          beforeTransactions={
            <EnforcementCard
              key={team}
              team={team}
              refreshKey={enforcementKey}
              onChanged={() => setWalletKey(key => key + 1)}
            />
          }
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <StatementsCard key={team} team={team} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <TeamActivityCard key={team} team={team} />
      </Grid>
      <Grid item xs={12}>
        <TeamAlertsCard team={team} />
      </Grid>
    </Grid>
  );
}
