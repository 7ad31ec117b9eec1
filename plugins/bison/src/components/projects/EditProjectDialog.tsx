import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { DetailsFields } from '../shared/DetailsFields';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { bisonApiRef, BisonProject } from '../../api';
import { errorMessage } from '../shared/errorMessage';

/** Changes a project's display name and description. */
export function EditProjectDialog(props: {
  team: string;
  project?: BisonProject;
  onClose: () => void;
  onSaved: (project: BisonProject) => void;
}) {
  const { team, project, onClose, onSaved } = props;
  const api = useApi(bisonApiRef);
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();

  useEffect(() => {
    if (project) {
      setDisplayName(project.displayName);
      setDescription(project.description ?? '');
      setSending(false);
      setServerError(undefined);
    }
  }, [project]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!project || sending) return;
    setSending(true);
    setServerError(undefined);
    try {
      const saved = await api.updateProject(team, project.name, {
        displayName: displayName.trim(),
        description: description.trim(),
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
      open={!!project}
      onClose={sending ? undefined : onClose}
      aria-labelledby="bison-edit-project-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bison-edit-project-title">
          Edit project {project?.name}
        </DialogTitle>
        <DialogContent>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
          <DetailsFields
            idPrefix="bison-edit-project"
            displayName={displayName}
            description={description}
            onDisplayNameChange={setDisplayName}
            onDescriptionChange={setDescription}
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
