import { Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { rootRouteRef } from '../../routes';
import { TeamWalletView } from '../wallet/TeamWalletView';
import { TeamUnavailable } from './TeamUnavailable';
import { useTeam } from './useTeam';

/** The page of one team (`/bison/teams/:team`): title and its wallet. */
export function TeamPage(props: { team: string }) {
  const { team: name } = props;
  const overviewLink = useRouteRef(rootRouteRef);
  const { value: team, loading, error } = useTeam(name);

  let body;
  if (loading) {
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
    body = <TeamWalletView team={name} />;
  }

  return (
    <>
      <Box mb={3}>
        <Link to={overviewLink()}>All teams</Link>
        <Typography variant="h4" component="h1">
          {team ? team.displayName : name}
        </Typography>
        {team && (
          <Typography variant="body2" color="textSecondary">
            Team {team.name} · {team.groupRef}
          </Typography>
        )}
      </Box>
      {body}
    </>
  );
}
