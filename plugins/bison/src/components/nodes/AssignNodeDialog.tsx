import { useApi } from '@backstage/core-plugin-api';
import DialogContentText from '@material-ui/core/DialogContentText';
import TextField from '@material-ui/core/TextField';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { bisonApiRef, BisonNode } from '../../api';
import { errorMessage } from '../shared/errorMessage';
import { FormDialog, useSubmission } from '../shared/FormDialog';

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
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    setTeam('');
    reset();
  }, [node, reset]);

  async function assign() {
    if (!node || !team) return;
    if (await submit(() => api.assignNode(node.name, team))) {
      onDone();
      onClose();
    }
  }

  return (
    <FormDialog
      open={!!node}
      titleId="bison-assign-node-title"
      title={<>Assign node {node?.name}</>}
      maxWidth="xs"
      sending={sending}
      error={serverError ?? (teams.error && errorMessage(teams.error))}
      submitLabel="Assign"
      submitDisabled={!team}
      onClose={onClose}
      onSubmit={assign}
    >
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
    </FormDialog>
  );
}
