import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { bisonApiRef, BisonProject } from '../../api';
import { DetailsFields } from '../shared/DetailsFields';
import { FormDialog, useSubmission } from '../shared/FormDialog';

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
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    if (project) {
      setDisplayName(project.displayName);
      setDescription(project.description ?? '');
      reset();
    }
  }, [project, reset]);

  async function save() {
    if (!project) return;
    const saved = await submit(async () =>
      onSaved(
        await api.updateProject(team, project.name, {
          displayName: displayName.trim(),
          description: description.trim(),
        }),
      ),
    );
    if (saved) onClose();
  }

  return (
    <FormDialog
      open={!!project}
      titleId="bison-edit-project-title"
      title={<>Edit project {project?.name}</>}
      maxWidth="sm"
      sending={sending}
      error={serverError}
      submitLabel="Save"
      onClose={onClose}
      onSubmit={save}
    >
      <DetailsFields
        idPrefix="bison-edit-project"
        displayName={displayName}
        description={description}
        onDisplayNameChange={setDisplayName}
        onDescriptionChange={setDescription}
        disabled={sending}
      />
    </FormDialog>
  );
}
