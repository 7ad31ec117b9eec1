import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  teamDeletePermission,
  teamUpdatePermission,
} from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { bisonApiRef, BisonTeam } from '../../api';
import { rootRouteRef } from '../../routes';
import { TypeToConfirmDialog } from '../shared/TypeToConfirmDialog';
import { EditTeamDialog } from './EditTeamDialog';

/**
 * Edit and Delete buttons of a team page, each shown only to those allowed
 * to. Deleting asks for the team name and whether to delete its projects
 * too, then returns to the overview.
 */
export function TeamActions(props: { team: BisonTeam; onSaved: () => void }) {
  const { team, onSaved } = props;
  const api = useApi(bisonApiRef);
  const navigate = useNavigate();
  const overviewLink = useRouteRef(rootRouteRef);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [cascade, setCascade] = useState(false);
  const canUpdate = usePermission({
    permission: teamUpdatePermission,
    resourceRef: team.name,
  }).allowed;
  const canDelete = usePermission({
    permission: teamDeletePermission,
    resourceRef: team.name,
  }).allowed;

  if (!canUpdate && !canDelete) return null;
  return (
    <Box display="flex" gridGap={8}>
      {canUpdate && (
        <Button variant="outlined" onClick={() => setEditing(true)}>
          Edit team
        </Button>
      )}
      {canDelete && (
        <Button
          variant="outlined"
          color="secondary"
          onClick={() => {
            setCascade(false);
            setDeleting(true);
          }}
        >
          Delete team
        </Button>
      )}
      <EditTeamDialog
        open={editing}
        team={team}
        onClose={() => setEditing(false)}
        onSaved={onSaved}
      />
      <TypeToConfirmDialog
        open={deleting}
        id="bison-delete-team"
        title={`Delete team ${team.name}`}
        name={team.name}
        nameLabel="Team name"
        description={`This deletes the Capsule Tenant of ${team.name} and archives its wallet.`}
        confirmLabel="Delete"
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.deleteTeam(team.name, { cascade });
          navigate(overviewLink());
        }}
      >
        <FormControlLabel
          control={
            <Checkbox
              checked={cascade}
              onChange={e => setCascade(e.target.checked)}
            />
          }
          label="Also delete its projects and everything in them"
        />
      </TypeToConfirmDialog>
    </Box>
  );
}
