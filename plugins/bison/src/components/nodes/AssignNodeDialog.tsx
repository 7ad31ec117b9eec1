import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonNode } from '../../api';
import { errorMessage } from '../shared/errorMessage';

/** Reserves a node for the team chosen; a conflict (409) shows in the dialog. */
export function AssignNodeDialog(props: {
  node?: BisonNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { node, onClose, onDone } = props;
  const api = useApi(bisonApiRef);
  const teams = useAsync(
    async () => (node ? api.listTeams() : undefined),
    [api, node],
  );
  const [team, setTeam] = useState('');
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();

  useEffect(() => {
    setTeam('');
    setSending(false);
    setServerError(undefined);
  }, [node]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!node || !team || sending) return;
    setSending(true);
    setServerError(undefined);
    try {
      await api.assignNode(node.name, team);
      setSending(false);
      onDone();
      onClose();
    } catch (error) {
      setSending(false);
      setServerError(errorMessage(error));
    }
  }

  return (
    <Dialog
      open={!!node}
      onClose={sending ? undefined : onClose}
      aria-labelledby="bison-assign-node-title"
      fullWidth
      maxWidth="xs"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bison-assign-node-title">
          Assign node {node?.name}
        </DialogTitle>
        <DialogContent>
          {(serverError || teams.error) && (
            <Alert severity="error" role="alert">
              {serverError ?? errorMessage(teams.error)}
            </Alert>
          )}
          <DialogContentText>
            Only the chosen team's pods will run on this node.
          </DialogContentText>
          <TextField
            id="bison-assign-node-team"
            select
            label="Team"
            value={team}
            onChange={e => setTeam(e.target.value)}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            disabled={sending || !teams.value}
            fullWidth
            margin="normal"
          >
            <option value="">Choose a team</option>
            {teams.value?.map(choice => (
              <option key={choice.name} value={choice.name}>
                {choice.displayName} ({choice.name})
              </option>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={sending}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={sending || !team}
          >
            Assign
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
