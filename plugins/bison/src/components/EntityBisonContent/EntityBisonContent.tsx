import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { tenantNameOfGroup } from '@bison/plugin-bison-common';
import Grid from '@material-ui/core/Grid';
import { TeamInfoCard } from '../teams/TeamInfoCard';
import { TeamTenancyView } from '../teams/TeamTenancyView';
import { TeamUnavailable } from '../teams/TeamUnavailable';
import { useTeam } from '../teams/useTeam';
import { TeamCostCard } from '../usage/TeamCostCard';
import { TeamWalletView } from '../wallet/TeamWalletView';

/**
 * The Bison tab of a Group: the team bound to the group (its
 * `bison.io/tenant` annotation, else its name), its quota and projects,
 * its cost over time and the team's wallet.
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
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <TeamTenancyView team={team.name} />
      </Grid>
      <Grid item xs={12}>
        <TeamCostCard key={team.name} team={team.name} />
      </Grid>
      <Grid item xs={12}>
        <TeamWalletView
          team={team.name}
          details={<TeamInfoCard team={team} />}
        />
      </Grid>
    </Grid>
  );
}
