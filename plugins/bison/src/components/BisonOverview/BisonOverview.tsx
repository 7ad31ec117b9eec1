import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  nodesReadPermission,
  reportsReadPermission,
} from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef } from '../../api';
import {
  activityRouteRef,
  alertsRouteRef,
  nodesRouteRef,
  pricingRouteRef,
  reportsRouteRef,
} from '../../routes';
import { BillingStatusCard } from '../billing/BillingStatusCard';
import { TeamsAtRiskCard } from '../enforcement/TeamsAtRiskCard';
import { CreateTeamButton } from '../teams/create/CreateTeamButton';
import { TeamsTable } from '../teams/TeamsTable';
import { SpendCard } from '../usage/SpendCard';
import { useSettings } from '../useSettings';
import { TenancyCountsCard } from './TenancyCountsCard';

const useStyles = makeStyles({
  // Cards that render nothing (no permission to read reports) take no room.
  optional: { '&:empty': { display: 'none' } },
});

/**
 * The Bison home: what this installation bills in, how many teams and
 * projects there are, for those allowed to read reports the spend and the
 * billing status, the teams at risk, the user's teams, and for those allowed
 * to, the reports, the node pools and team creation; the activity for all.
 */
export function BisonOverview() {
  const classes = useStyles();
  const api = useApi(bisonApiRef);
  const { value: settings, loading, error } = useSettings();
  const teams = useAsync(() => api.listTeams(), [api]);
  const nodesLink = useRouteRef(nodesRouteRef);
  const pricingLink = useRouteRef(pricingRouteRef);
  const alertsLink = useRouteRef(alertsRouteRef);
  const reportsLink = useRouteRef(reportsRouteRef);
  const activityLink = useRouteRef(activityRouteRef);
  const canReadNodes = usePermission({
    permission: nodesReadPermission,
  }).allowed;
  const canReadReports = usePermission({
    permission: reportsReadPermission,
  }).allowed;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!settings) return null;
  const { currency, billingWindowMinutes } = settings;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <Box display="flex" flexDirection="column" gridGap={24}>
          <InfoCard title="Installation">
            <StructuredMetadataTable
              metadata={{
                Currency: currency.symbol
                  ? `${currency.code} (${currency.symbol})`
                  : currency.code,
                'Amount precision': `${currency.minorUnits} decimal places`,
                'Billing window': `${billingWindowMinutes} minutes`,
              }}
            />
          </InfoCard>
          {!teams.error && <TenancyCountsCard teams={teams.value} />}
        </Box>
      </Grid>
      <Grid item xs={12} md={6} className={classes.optional}>
        <BillingStatusCard />
      </Grid>
      <Grid item xs={12} className={classes.optional}>
        <SpendCard currency={currency} />
      </Grid>
      <Grid item xs={12}>
        <TeamsAtRiskCard currency={currency} />
      </Grid>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={16}
        >
          <Link to={pricingLink()}>Pricing</Link>
          <Link to={alertsLink()}>Alerts</Link>
          {canReadReports && <Link to={reportsLink()}>Reports</Link>}
          {/* Everyone may read activity: the backend shows members their teams'. */}
          <Link to={activityLink()}>Activity</Link>
          {canReadNodes && <Link to={nodesLink()}>Node pools</Link>}
          <CreateTeamButton />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <TeamsTable
          currency={currency}
          teams={teams.value}
          loading={teams.loading}
          error={teams.error}
        />
      </Grid>
    </Grid>
  );
}
