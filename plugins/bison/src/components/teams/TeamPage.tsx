import { Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { rootRouteRef } from '../../routes';
import { TeamCostCard } from '../usage/TeamCostCard';
import { TeamWalletView } from '../wallet/TeamWalletView';
import { TeamActions } from './TeamActions';
import { TeamTenancyView } from './TeamTenancyView';
import { TeamUnavailable } from './TeamUnavailable';
import { TenancyChip } from './TenancyChip';
import { useTeam } from './useTeam';

/**
 * The page of one team (`/bison/teams/:team`): title, its quota and
 * projects, its cost over time, and its wallet.
 */
export function TeamPage(props: { team: string }) {
  const { team: name } = props;
  const overviewLink = useRouteRef(rootRouteRef);
  const [reloads, setReloads] = useState(0);
  const { value: team, loading, error } = useTeam(name, reloads);

  let body;
  if (loading && !team) {
    body = <Progress />;
  } else if (error) {
    body = (
      <TeamUnavailable
        name={name}
        error={error}
        notFound={{
          title: 'No such Bison team',
          description: `There is no team named '${name}'.`,
        }}
      />
    );
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <TeamTenancyView team={name} />
        </Grid>
        <Grid item xs={12}>
          <TeamCostCard key={name} team={name} />
        </Grid>
        <Grid item xs={12}>
          <TeamWalletView team={name} />
        </Grid>
      </Grid>
    );
  }

  return (
    <>
      <Box
        mb={3}
        display="flex"
        justifyContent="space-between"
        alignItems="flex-end"
        flexWrap="wrap"
        gridGap={16}
      >
        <Box>
          <Link to={overviewLink()}>All teams</Link>
          <Box display="flex" alignItems="center" gridGap={12}>
            <Typography variant="h4" component="h1">
              {team ? team.displayName : name}
            </Typography>
            <TenancyChip tenancy={team?.tenancy} />
          </Box>
          {team && (
            <Typography variant="body2" color="textSecondary">
              Team {team.name} · {team.groupRef}
              {team.pool ? ` · ${team.pool} pool` : ''}
            </Typography>
          )}
        </Box>
        {team && (
          <TeamActions team={team} onSaved={() => setReloads(n => n + 1)} />
        )}
      </Box>
      {body}
    </>
  );
}
