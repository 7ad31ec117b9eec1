import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { BISON_PROJECT_ANNOTATION } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonProject } from '../../api';
import { teamRouteRef } from '../../routes';
import { QuotaBars } from '../quota/QuotaBars';
import { isForbidden, isNotFound } from '../shared/errorMessage';
import { ProjectCost } from '../usage/ProjectCost';

/** The team page link, or undefined where the Bison page is not mounted. */
function useTeamLink(): ((team: string) => string) | undefined {
  try {
    const link = useRouteRef(teamRouteRef);
    return team => link({ team });
  } catch {
    return undefined;
  }
}

function ProjectDetails(props: { project: BisonProject }) {
  const { project } = props;
  const teamLink = useTeamLink();
  return (
    <>
      <StructuredMetadataTable
        metadata={{
          Project: project.name,
          'Display name': project.displayName,
          Team: teamLink ? (
            <Link to={teamLink(project.team)}>{project.team}</Link>
          ) : (
            project.team
          ),
          Phase: project.phase,
          ...(project.description ? { Description: project.description } : {}),
        }}
      />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Quota
        </Typography>
        <QuotaBars quota={project.quota} />
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          Cost
        </Typography>
        <ProjectCost project={project} />
      </Box>
    </>
  );
}

/**
 * The Bison project a Component runs in (its `bison.io/project`
 * annotation): the project's team, display name, quota use and its cost
 * over the last 30 days.
 *
 * @public
 */
export function EntityBisonProjectCard() {
  const { entity } = useEntity();
  const api = useApi(bisonApiRef);
  const name =
    entity.metadata.annotations?.[BISON_PROJECT_ANNOTATION]?.trim() ?? '';
  const {
    value: project,
    loading,
    error,
  } = useAsync(
    async () => (name ? api.getProject(name) : undefined),
    [api, name],
  );

  let body;
  if (!name) {
    body = (
      <Typography color="textSecondary">
        Annotate this component with {BISON_PROJECT_ANNOTATION} to show its
        Bison project.
      </Typography>
    );
  } else if (loading) {
    body = <Progress />;
  } else if (error && isNotFound(error)) {
    body = (
      <Typography color="textSecondary">
        The namespace {name} is not a Bison project.
      </Typography>
    );
  } else if (error && isForbidden(error)) {
    body = (
      <Typography color="textSecondary">
        You do not have access to the Bison project {name}. Only members of its
        team, finance and Bison administrators can see it.
      </Typography>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (project) {
    body = <ProjectDetails project={project} />;
  }
  return <InfoCard title="Bison project">{body}</InfoCard>;
}
