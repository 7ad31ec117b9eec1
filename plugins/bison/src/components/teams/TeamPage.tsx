import { Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { rootRouteRef } from '../../routes';
import { TeamActions } from './TeamActions';
import { TeamUnavailable } from './TeamUnavailable';
import { TeamViews } from './TeamViews';
import { TenancyChip } from './TenancyChip';
import { useTeam } from './useTeam';

/**
 * The page of one team (`/bison/teams/:team`): its title and actions above
 * the team's views.
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
    body = <TeamViews team={name} />;
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
