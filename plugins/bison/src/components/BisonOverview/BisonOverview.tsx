import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { nodesReadPermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { nodesRouteRef } from '../../routes';
import { CreateTeamButton } from '../teams/create/CreateTeamButton';
import { TeamsTable } from '../teams/TeamsTable';
import { useSettings } from '../useSettings';

/**
 * The Bison home: what this installation bills in, the user's teams, and
 * for those allowed to, the node pools and team creation.
 */
export function BisonOverview() {
  const { value: settings, loading, error } = useSettings();
  const nodesLink = useRouteRef(nodesRouteRef);
  const canReadNodes = usePermission({
    permission: nodesReadPermission,
  }).allowed;
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!settings) return null;
  const { currency, billingWindowMinutes } = settings;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Installation">
          <StructuredMetadataTable
            metadata={{
              Currency: `${currency.code} (${currency.symbol})`,
              'Amount precision': `${currency.minorUnits} decimal places`,
              'Billing window': `${billingWindowMinutes} minutes`,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          gridGap={16}
        >
          {canReadNodes && <Link to={nodesLink()}>Node pools</Link>}
          <CreateTeamButton />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <TeamsTable currency={currency} />
      </Grid>
    </Grid>
  );
}
