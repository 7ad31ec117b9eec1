import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { BisonTeam } from '../../api';

/** Who a team is: its group, tenant and display name. */
export function TeamInfoCard(props: { team: BisonTeam }) {
  const { team } = props;
  return (
    <InfoCard title="Bison team">
      <StructuredMetadataTable
        metadata={{
          Group: team.groupRef,
          Tenant: team.name,
          'Display name': team.displayName,
          ...(team.description ? { Description: team.description } : {}),
        }}
      />
    </InfoCard>
  );
}
