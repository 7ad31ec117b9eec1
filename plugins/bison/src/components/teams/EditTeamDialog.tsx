import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { bisonApiRef, BisonTeam, Pool } from '../../api';
import { DetailsFields } from '../shared/DetailsFields';
import { FormDialog, useSubmission } from '../shared/FormDialog';
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
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    if (open) {
      setDisplayName(team.displayName);
      setDescription(team.description ?? '');
      setPool(team.pool ?? 'shared');
      reset();
    }
  }, [open, team, reset]);

  async function save() {
    const saved = await submit(async () =>
      onSaved(
        await api.updateTeam(team.name, {
          displayName: displayName.trim(),
          description: description.trim(),
          pool,
        }),
      ),
    );
    if (saved) onClose();
  }

  return (
    <FormDialog
      open={open}
      titleId="bison-edit-team-title"
      title="Edit team"
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel="Save"
      onClose={onClose}
      onSubmit={save}
    >
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
    </FormDialog>
  );
}
