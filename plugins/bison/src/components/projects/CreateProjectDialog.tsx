import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { tenantNameProblem } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { bisonApiRef, BisonProject, CreateProjectRequest } from '../../api';
import { QuotaEditor } from '../quota/QuotaEditor';
import { QuotaForm, quotaForm, validateQuotaForm } from '../quota/quotaForm';
import { useComputeResources } from '../quota/useComputeResources';
import { DetailsFields } from '../shared/DetailsFields';
import { FormDialog, useSubmission } from '../shared/FormDialog';

/**
 * Creates a project (a namespace in the team's Tenant): its name, checked
 * like the backend does, a display name, a description and an optional
 * project quota.
 */
export function CreateProjectDialog(props: {
  open: boolean;
  team: string;
  onClose: () => void;
  onCreated: (project: BisonProject) => void;
}) {
  const { open, team, onClose, onCreated } = props;
  const api = useApi(bisonApiRef);
  const resources = useComputeResources();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [quota, setQuota] = useState<QuotaForm>(() => quotaForm());
  const [submitted, setSubmitted] = useState(false);
  const { sending, serverError, reset, submit } = useSubmission();

  useEffect(() => {
    if (open) {
      setName('');
      setDisplayName('');
      setDescription('');
      setQuota(quotaForm());
      setSubmitted(false);
      reset();
    }
  }, [open, reset]);

  const nameProblem = tenantNameProblem(name.trim());
  const nameError =
    nameProblem && (submitted || name !== '') ? nameProblem : undefined;

  async function create() {
    setSubmitted(true);
    if (nameProblem) return;
    const request: CreateProjectRequest = { name: name.trim() };
    if (displayName.trim()) request.displayName = displayName.trim();
    if (description.trim()) request.description = description.trim();
    if (resources.value) {
      const { hard, errors } = validateQuotaForm(quota, resources.value);
      if (Object.keys(errors).length > 0) return;
      if (Object.keys(hard).length > 0) request.quota = { hard };
    }
    const created = await submit(async () =>
      onCreated(await api.createProject(team, request)),
    );
    if (created) onClose();
  }

  return (
    <FormDialog
      open={open}
      titleId="bison-create-project-title"
      title="Create project"
      maxWidth="md"
      sending={sending}
      error={serverError}
      submitLabel="Create"
      onClose={onClose}
      onSubmit={create}
    >
      <TextField
        id="bison-project-name"
        label="Name"
        value={name}
        onChange={e => setName(e.target.value)}
        error={!!nameError}
        helperText={
          nameError ?? 'The namespace name: lowercase letters, digits and -'
        }
        disabled={sending}
        required
        fullWidth
        margin="normal"
        inputProps={{ autoComplete: 'off' }}
      />
      <DetailsFields
        idPrefix="bison-project"
        displayName={displayName}
        description={description}
        onDisplayNameChange={setDisplayName}
        onDescriptionChange={setDescription}
        disabled={sending}
      />
      <Box mt={2}>
        <Typography variant="subtitle1" component="h3">
          Project quota (optional)
        </Typography>
        {resources.error && <ResponseErrorPanel error={resources.error} />}
        {resources.value && (
          <QuotaEditor
            resources={resources.value}
            form={quota}
            onChange={setQuota}
            idPrefix="bison-project-quota"
            disabled={sending}
          />
        )}
      </Box>
    </FormDialog>
  );
}
