import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { tenantNameOfGroup } from '@bison/plugin-bison-common';
import Grid from '@material-ui/core/Grid';
import { useSettings } from '../useSettings';

/** The Bison tab of a Group: the team's tenant, wallet, costs and quota. */
export function EntityBisonContent() {
  const { entity } = useEntity();
  const { value: settings, loading, error } = useSettings();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Bison team">
          <StructuredMetadataTable
            metadata={{
              Group: stringifyEntityRef(entity),
              Tenant: tenantNameOfGroup(entity),
              Currency: settings?.currency.code ?? '',
            }}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
