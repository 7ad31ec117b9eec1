import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { DetailsFields } from '../shared/DetailsFields';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { bisonApiRef, BisonTeam, Pool } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { PoolField } from './PoolField';

/** Changes a team's display name, description and node pool. */
export function EditTeamDialog(props: {
  open: boolean;
  team: BisonTeam;
  onClose: () => void;
  onSaved: (team: BisonTeam) => void;
}) {
  const { open, team, onClose, onSaved } = props;
  const api = useApi(bisonApiRef);
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [pool, setPool] = useState<Pool>('shared');
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();

  useEffect(() => {
    if (open) {
      setDisplayName(team.displayName);
      setDescription(team.description ?? '');
      setPool(team.pool ?? 'shared');
      setSending(false);
      setServerError(undefined);
    }
  }, [open, team]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setServerError(undefined);
    try {
      const saved = await api.updateTeam(team.name, {
        displayName: displayName.trim(),
        description: description.trim(),
        pool,
      });
      setSending(false);
      onSaved(saved);
      onClose();
    } catch (error) {
      setSending(false);
      setServerError(errorMessage(error));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={sending ? undefined : onClose}
      aria-labelledby="bison-edit-team-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bison-edit-team-title">Edit team</DialogTitle>
        <DialogContent>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
          <DetailsFields
            idPrefix="bison-edit-team"
            displayName={displayName}
            description={description}
            onDisplayNameChange={setDisplayName}
            onDescriptionChange={setDescription}
            disabled={sending}
          />
          <PoolField
            id="bison-edit-team-pool"
            value={pool}
            onChange={setPool}
            disabled={sending}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending}
          >
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
