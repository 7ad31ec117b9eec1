import { InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { BisonTeam } from '../../api';

function Count(props: { label: string; value: number; testId: string }) {
  return (
    <Box flex={1}>
      <Typography variant="h3" component="p" data-testid={props.testId}>
        {props.value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
    </Box>
  );
}

/** How many teams the user can see and how many projects they hold. */
export function TenancyCountsCard(props: { teams?: BisonTeam[] }) {
  const { teams } = props;
  const projects = (teams ?? []).reduce(
    (sum, team) => sum + (team.projectCount ?? 0),
    0,
  );
  return (
    <InfoCard title="Teams and projects">
      {teams ? (
        <Box display="flex" gridGap={16}>
          <Count label="Teams" value={teams.length} testId="teams-count" />
          <Count label="Projects" value={projects} testId="projects-count" />
        </Box>
      ) : (
        <Progress />
      )}
    </InfoCard>
  );
}
