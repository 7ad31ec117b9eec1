import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { alertsManagePermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { rootRouteRef } from '../../routes';
import { useSettings } from '../useSettings';
import { ChannelsCard } from './ChannelsCard';
import { DeliveryHistoryCard } from './DeliveryHistoryCard';
import { RulesCard } from './RulesCard';

/**
 * Alerts (`/bison/alerts`): the global channels (for admins) with a test
 * button, the rules with their thresholds, and the delivery history of
 * every team the reader may see, with a retry for failed deliveries.
 */
export function AlertsPage() {
  const overviewLink = useRouteRef(rootRouteRef);
  const settings = useSettings();
  const [channelsKey, setChannelsKey] = useState(0);
  const canManage = usePermission({
    permission: alertsManagePermission,
  }).allowed;

  let body;
  if (settings.error) {
    body = <ResponseErrorPanel error={settings.error} />;
  } else if (!settings.value) {
    body = <Progress />;
  } else {
    body = (
      <Grid container spacing={3}>
        {canManage && (
          <Grid item xs={12}>
            <ChannelsCard
              title="Global channels"
              onChanged={() => setChannelsKey(n => n + 1)}
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <RulesCard
            currency={settings.value.currency}
            canManage={canManage}
            channelsKey={channelsKey}
          />
        </Grid>
        <Grid item xs={12}>
          <DeliveryHistoryCard />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <Box mb={3}>
        <Link to={overviewLink()}>All teams</Link>
        <Typography variant="h4" component="h1">
          Alerts
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Alerts go to the team's Backstage notifications and to the channels
          they are routed to.
          {canManage ? '' : " Your teams' channels are on their team pages."}
        </Typography>
      </Box>
      {body}
    </>
  );
}
