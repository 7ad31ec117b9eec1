import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { teamCreatePermission } from '@bison/plugin-bison-common';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { teamRouteRef } from '../../../routes';
import { CreateTeamDialog } from './CreateTeamDialog';

/**
 * The "Create team" button and its wizard, for those allowed to create
 * teams; opens the new team's page once created. The wizard mounts only
 * while open, so the catalog is read only then.
 */
export function CreateTeamButton() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const teamLink = useRouteRef(teamRouteRef);
  const { allowed } = usePermission({ permission: teamCreatePermission });
  if (!allowed) return null;
  return (
    <>
      <Button color="primary" variant="contained" onClick={() => setOpen(true)}>
        Create team
      </Button>
      {open && (
        <CreateTeamDialog
          open
          onClose={() => setOpen(false)}
          onCreated={team => navigate(teamLink({ team: team.name }))}
        />
      )}
    </>
  );
}
