import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { TeamsTable } from '../teams/TeamsTable';
import { useSettings } from '../useSettings';

/** The Bison home: what this installation bills in, and the user's teams. */
export function BisonOverview() {
  const { value: settings, loading, error } = useSettings();
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
        <TeamsTable currency={currency} />
      </Grid>
    </Grid>
  );
}
