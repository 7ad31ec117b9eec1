import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { quotaUpdatePermission } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, ResourceList } from '../../api';
import { QuotaBars } from './QuotaBars';
import { QuotaEditDialog } from './QuotaEditDialog';

type Editing =
  | { kind: 'team' }
  | { kind: 'project'; name: string; hard: ResourceList };

/**
 * The team's quota: used and hard per resource for the team and for each of
 * its projects. Those allowed to update the team's quota can edit both.
 */
export function TeamQuotaCard(props: {
  team: string;
  /** Change to reload. */
  refreshKey?: number;
  /** Called after a quota was saved here. */
  onChanged?: () => void;
}) {
  const { team, refreshKey = 0, onChanged } = props;
  const api = useApi(bisonApiRef);
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<Editing>();
  const canEdit = usePermission({
    permission: quotaUpdatePermission,
    resourceRef: team,
  }).allowed;
  const {
    value: quota,
    loading,
    error,
  } = useAsync(() => api.getTeamQuota(team), [api, team, refreshKey, reloads]);

  function saved() {
    setReloads(n => n + 1);
    onChanged?.();
  }

  const action = canEdit ? (
    <Button
      color="primary"
      variant="outlined"
      disabled={!quota}
      onClick={() => setEditing({ kind: 'team' })}
    >
      Edit quota
    </Button>
  ) : undefined;

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!quota) {
    body = loading ? <Progress /> : null;
  } else {
    body = (
      <>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          Team
        </Typography>
        <Box data-testid="team-quota">
          <QuotaBars quota={quota.team} />
        </Box>
        {quota.projects.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle1" component="h3" gutterBottom>
              Projects
            </Typography>
            {quota.projects.map(project => (
              <Box
                key={project.name}
                mb={2}
                data-testid={`project-quota-${project.name}`}
              >
                <Box
                  display="flex"
                  justifyContent="space-between"
                  alignItems="center"
                >
                  <Typography variant="subtitle2" component="h4">
                    {project.name}
                  </Typography>
                  {canEdit && (
                    <Button
                      size="small"
                      aria-label={`Change quota of ${project.name}`}
                      onClick={() =>
                        setEditing({
                          kind: 'project',
                          name: project.name,
                          hard: project.quota.hard,
                        })
                      }
                    >
                      Change
                    </Button>
                  )}
                </Box>
                <QuotaBars quota={project.quota} compact />
              </Box>
            ))}
          </Box>
        )}
      </>
    );
  }

  return (
    <InfoCard title="Quota" action={action}>
      {body}
      {quota && editing?.kind === 'team' && (
        <QuotaEditDialog
          open
          title="Edit team quota"
          hard={quota.team.hard}
          idPrefix="bison-team-quota"
          onClose={() => setEditing(undefined)}
          onSave={async hard => {
            await api.putTeamQuota(team, { hard });
            saved();
          }}
        />
      )}
      {editing?.kind === 'project' && (
        <QuotaEditDialog
          open
          title={`Edit quota of project ${editing.name}`}
          hard={editing.hard}
          idPrefix="bison-project-quota"
          onClose={() => setEditing(undefined)}
          onSave={async hard => {
            await api.putProjectQuota(team, editing.name, { hard });
            saved();
          }}
        />
      )}
    </InfoCard>
  );
}
