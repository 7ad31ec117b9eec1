import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  projectCreatePermission,
  projectDeletePermission,
  projectUpdatePermission,
} from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonProject } from '../../api';
import { QuotaBars } from '../quota/QuotaBars';
import { TypeToConfirmDialog } from '../shared/TypeToConfirmDialog';
import { CreateProjectDialog } from './CreateProjectDialog';
import { EditProjectDialog } from './EditProjectDialog';

/** The namespace name, its display name and description, and its phase. */
function ProjectSummary(props: { project: BisonProject }) {
  const { project } = props;
  return (
    <>
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="body2" style={{ fontWeight: 500 }}>
          {project.displayName || project.name}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={project.phase}
          color={project.phase === 'Active' ? 'default' : 'secondary'}
        />
      </Box>
      <Typography variant="caption" color="textSecondary" component="div">
        Namespace <code>{project.name}</code>
        {project.description ? ` · ${project.description}` : ''}
      </Typography>
    </>
  );
}

function useTeamPermission(
  permission: typeof projectCreatePermission,
  team: string,
): boolean {
  return usePermission({ permission, resourceRef: team }).allowed;
}

/**
 * The team's projects with their quota use. Those allowed to can create
 * projects, edit their display name and description, and delete them.
 */
export function ProjectsCard(props: {
  team: string;
  /** Change to reload. */
  refreshKey?: number;
  /** Called after a project was created, changed or deleted here. */
  onChanged?: () => void;
}) {
  const { team, refreshKey = 0, onChanged } = props;
  const api = useApi(bisonApiRef);
  const [reloads, setReloads] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<BisonProject>();
  const [deleting, setDeleting] = useState<BisonProject>();
  const canCreate = useTeamPermission(projectCreatePermission, team);
  const canUpdate = useTeamPermission(projectUpdatePermission, team);
  const canDelete = useTeamPermission(projectDeletePermission, team);
  const {
    value: projects,
    loading,
    error,
  } = useAsync(
    () => api.listTeamProjects(team),
    [api, team, refreshKey, reloads],
  );

  function changed() {
    setReloads(n => n + 1);
    onChanged?.();
  }

  const action = canCreate ? (
    <Button
      color="primary"
      variant="contained"
      onClick={() => setCreating(true)}
    >
      Create project
    </Button>
  ) : undefined;

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!projects) {
    body = loading ? <Progress /> : null;
  } else if (projects.length === 0) {
    body = (
      <Typography color="textSecondary">
        This team has no projects yet.
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label="Projects">
        <TableHead>
          <TableRow>
            <TableCell>Project</TableCell>
            <TableCell style={{ minWidth: 180 }}>Quota</TableCell>
            {(canUpdate || canDelete) && (
              <TableCell align="right">Actions</TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {projects.map(project => (
            <TableRow
              key={project.name}
              data-testid={`project-${project.name}`}
            >
              <TableCell>
                <ProjectSummary project={project} />
              </TableCell>
              <TableCell>
                <QuotaBars quota={project.quota} compact />
              </TableCell>
              {(canUpdate || canDelete) && (
                <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                  {canUpdate && (
                    <IconButton
                      size="small"
                      aria-label={`Edit project ${project.name}`}
                      title="Edit"
                      onClick={() => setEditing(project)}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  )}
                  {canDelete && (
                    <IconButton
                      size="small"
                      aria-label={`Delete project ${project.name}`}
                      title="Delete"
                      onClick={() => setDeleting(project)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard title="Projects" action={action}>
      {body}
      {creating && (
        <CreateProjectDialog
          open
          team={team}
          onClose={() => setCreating(false)}
          onCreated={changed}
        />
      )}
      <EditProjectDialog
        team={team}
        project={editing}
        onClose={() => setEditing(undefined)}
        onSaved={changed}
      />
      <TypeToConfirmDialog
        open={!!deleting}
        id="bison-delete-project"
        title={`Delete project ${deleting?.name ?? ''}`}
        name={deleting?.name ?? ''}
        nameLabel="Project name"
        description={`This deletes the namespace ${
          deleting?.name ?? ''
        } and every workload in it. It cannot be undone.`}
        confirmLabel="Delete"
        onClose={() => setDeleting(undefined)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteProject(team, deleting.name);
          changed();
        }}
      />
    </InfoCard>
  );
}
