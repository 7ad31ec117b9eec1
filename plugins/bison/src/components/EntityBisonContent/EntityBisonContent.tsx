import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { tenantNameOfGroup } from '@bison/plugin-bison-common';
import { TeamInfoCard } from '../teams/TeamInfoCard';
import { TeamUnavailable } from '../teams/TeamUnavailable';
import { TeamViews } from '../teams/TeamViews';
import { useTeam } from '../teams/useTeam';

/**
 * The Bison tab of a Group: the team bound to the group (its
 * `bison.io/tenant` annotation, else its name), with its details beside
 * the wallet.
 */
export function EntityBisonContent() {
  const { entity } = useEntity();
  const name = tenantNameOfGroup(entity);
  const { value: team, loading, error } = useTeam(name);

  if (loading) return <Progress />;
  if (error) {
    return (
      <TeamUnavailable
        name={name}
        error={error}
        notFound={{
          title: 'No Bison team for this group',
          description: `No Bison team named '${name}' exists. A Bison administrator can create one for this group.`,
        }}
      />
    );
  }
  if (!team) return null;
  return (
    <TeamViews team={team.name} walletDetails={<TeamInfoCard team={team} />} />
  );
}
