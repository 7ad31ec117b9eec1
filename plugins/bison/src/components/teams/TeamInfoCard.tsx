import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { BisonTeam } from '../../api';
import { TenancyChip } from './TenancyChip';

/** Who a team is: its group, tenant, display name, pool and tenancy status. */
export function TeamInfoCard(props: { team: BisonTeam }) {
  const { team } = props;
  return (
    <InfoCard
      title="Bison team"
      action={<TenancyChip tenancy={team.tenancy} />}
    >
      <StructuredMetadataTable
        metadata={{
          Group: team.groupRef,
          Tenant: team.name,
          'Display name': team.displayName,
          ...(team.description ? { Description: team.description } : {}),
          ...(team.pool ? { Pool: team.pool } : {}),
          ...(team.owners?.length
            ? {
                Owners: team.owners
                  .map(owner => `${owner.kind} ${owner.name}`)
                  .join(', '),
              }
            : {}),
        }}
      />
    </InfoCard>
  );
}
