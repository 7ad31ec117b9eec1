import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { tenantNameProblem } from '@bison/plugin-bison-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { DetailsFields } from '../shared/DetailsFields';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { bisonApiRef, BisonProject, CreateProjectRequest } from '../../api';
import { QuotaEditor } from '../quota/QuotaEditor';
import { QuotaForm, quotaForm, validateQuotaForm } from '../quota/quotaForm';
import { useComputeResources } from '../quota/useComputeResources';
import { errorMessage } from '../shared/errorMessage';

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
  const [sending, setSending] = useState(false);
  const [serverError, setServerError] = useState<string>();

  useEffect(() => {
    if (open) {
      setName('');
      setDisplayName('');
      setDescription('');
      setQuota(quotaForm());
      setSubmitted(false);
      setSending(false);
      setServerError(undefined);
    }
  }, [open]);

  const nameProblem = tenantNameProblem(name.trim());
  const nameError =
    nameProblem && (submitted || name !== '') ? nameProblem : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (nameProblem || sending) return;
    const request: CreateProjectRequest = { name: name.trim() };
    if (displayName.trim()) request.displayName = displayName.trim();
    if (description.trim()) request.description = description.trim();
    if (resources.value) {
      const { hard, errors } = validateQuotaForm(quota, resources.value);
      if (Object.keys(errors).length > 0) return;
      if (Object.keys(hard).length > 0) request.quota = { hard };
    }
    setSending(true);
    setServerError(undefined);
    try {
      const project = await api.createProject(team, request);
      setSending(false);
      onCreated(project);
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
      aria-labelledby="bison-create-project-title"
      fullWidth
      maxWidth="md"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="bison-create-project-title">
          Create project
        </DialogTitle>
        <DialogContent>
          {serverError && (
            <Alert severity="error" role="alert">
              {serverError}
            </Alert>
          )}
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
            Create
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
